import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIG_PORT, CENTRAL_PORT, PORT } from './test/e2e/ports';

/**
 * E2E tests drive the real UI in Debian's Chromium against the real core under Node, through
 * the loopback harness (out/web must be built first: `npm run test:e2e` does it). The Electron
 * smoke test runs in its own project and skips itself, saying why, where Electron's binary is
 * missing.
 */
const BIG_CARDS = 100_000;
const dataDir = process.env.OTKLIK_E2E_DATA ?? mkdtempSync(join(tmpdir(), 'otklik-e2e-'));
const bigDir = process.env.OTKLIK_E2E_BIG ?? mkdtempSync(join(tmpdir(), 'otklik-e2e-big-'));
process.env.OTKLIK_E2E_DATA = dataDir;
process.env.OTKLIK_E2E_BIG = bigDir;
const centralDir =
  process.env.OTKLIK_E2E_CENTRAL ?? mkdtempSync(join(tmpdir(), 'otklik-e2e-central-'));
process.env.OTKLIK_E2E_CENTRAL = centralDir;

export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'ru-RU',
    timezoneId: 'Asia/Yekaterinburg',
    viewport: { width: 1366, height: 900 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--lang=ru-RU',
      ],
    },
  },
  projects: [
    { name: 'web', testIgnore: /electron\.spec\.ts/ },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
  webServer: [
    {
      command: `npx tsx src-main/harness/cli.ts --port ${PORT} --data "${dataDir}"`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
    },
    {
      command:
        `npx tsx scripts/seed.ts --cards ${BIG_CARDS} --data "${bigDir}" && ` +
        `npx tsx src-main/harness/cli.ts --port ${BIG_PORT} --data "${bigDir}"`,
      url: `http://127.0.0.1:${BIG_PORT}/`,
      reuseExistingServer: false,
      timeout: 300_000,
    },
    {
      // The region's central server (SQLite), with one office the desk enrolls into.
      command:
        `npx tsx src-server/main.ts office create E2E "Министерство (E2E)" && ` +
        `npx tsx src-server/main.ts`,
      env: {
        OTKLIK_SERVER_DATA: centralDir,
        OTKLIK_SERVER_PORT: String(CENTRAL_PORT),
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
      },
      url: `http://127.0.0.1:${CENTRAL_PORT}/v1/health`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
