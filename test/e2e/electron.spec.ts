import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Smoke test of the real desktop app. Electron's binary is downloaded on first run, which
 * this project's CI machines cannot do (no internet): there the test is skipped and says so.
 * It also needs `npm run build` (out/main) and the Electron build of better-sqlite3
 * (.native/electron, made by `npm start` or `node scripts/electron-native.mjs`).
 */
const require = createRequire(import.meta.url);

/** Where the electron package keeps its binary, found without require('electron'), which
 * would try to download it. */
function electronBinary(): string | null {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const ready =
  existsSync('out/main/index.cjs') && existsSync('.native/electron/better_sqlite3.node');
const reason = !binary
  ? "Electron's binary is not installed on this machine (it is downloaded on first run, and this machine has no internet)"
  : 'the app is not built: run `npm run build` and `node scripts/electron-native.mjs` first';
if (!binary || !ready) console.log(`electron smoke test skipped: ${reason}`);

test('the desktop app starts with its administrator, then opens the reception card list', async () => {
  test.skip(!binary || !ready, reason);
  const app = await electron.launch({
    executablePath: binary!,
    args: ['.', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'otklik-electron-'))}`],
  });
  const window = await app.firstWindow();
  await expect(window.getByRole('heading', { name: /Первый запуск/ })).toBeVisible();
  await window.getByLabel('Логин').fill('admin');
  await window.getByLabel('ФИО').fill('Администратор');
  await window.getByLabel('Пароль', { exact: true }).fill('electron-password');
  await window.getByLabel('Пароль еще раз').fill('electron-password');
  await window.getByRole('button', { name: 'Создать администратора' }).click();
  await expect(window.getByText('Карточки приема').first()).toBeVisible();
  expect(await window.evaluate(() => typeof (window as { otklik?: unknown }).otklik)).toBe(
    'object',
  );
  await app.close();
});
