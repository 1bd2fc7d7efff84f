import { defineConfig } from '@playwright/test';

/**
 * The desktop suite alone (`npm run test:electron`): the real Electron app, no browser-mode
 * desks or seeded databases. Runs on a machine where Electron's binary can be downloaded; CI
 * runs it whenever the binary is present (.ci/run).
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: /electron\.spec\.ts/,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: { locale: 'ru-RU', trace: 'retain-on-failure' },
});
