import { defineConfig } from 'vitest/config';

/**
 * The attack-style tests of docs/security.md (issue 13), run by `npm run test:security` as part
 * of `npm test`: each one tries a bad record, device, request or visitor against real parts.
 */
export default defineConfig({
  test: {
    include: ['test/security/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 60_000,
  },
});
