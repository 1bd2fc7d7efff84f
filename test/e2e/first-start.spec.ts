import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserMode } from '../../src-main/harness/browser-mode';
import { expect, test } from './fixtures';
import { completeFirstStart, field, signIn } from './first-start';

/**
 * A fresh desk's first start through the form, with the helper the desktop suite uses too
 * (test/e2e/electron.spec.ts): if the form changes, both fail here first.
 */
test('a fresh desk asks for its administrator, who then signs out and in again', async ({
  browser,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-e2e-first-'));
  const desk = await startBrowserMode({ dataDir: dir, port: 0, dev: false });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(desk.url);
    // The exact label is «Пароль *»: an exact «Пароль» would find nothing (issue 19).
    await expect(page.getByLabel('Пароль', { exact: true })).toHaveCount(0);
    await expect(field(page, 'Пароль')).toHaveCount(1);
    await completeFirstStart(page, {
      login: 'admin',
      fullName: 'Администратор',
      password: 'first-start-password',
    });
    await page.getByRole('button', { name: 'Выйти' }).click();
    await signIn(page, 'admin', 'first-start-password');
    await expect(page.getByRole('link', { name: 'Карточки приема' }).first()).toBeVisible();
  } finally {
    await context.close();
    await desk.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
