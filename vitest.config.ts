import { defineConfig } from 'vitest/config';

/** Unit and integration tests; the attack-style suite has its own run (vitest.security.config.ts). */
export default defineConfig({
  test: {
    include: ['src-*/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
  },
});
