import { randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readdirSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../../src-main/core/index';
import { startBrowserMode } from '../../src-main/harness/browser-mode';
import { appealInput } from '../helpers/appeal-input';
import { ok, officialOf } from '../helpers/core-calls';
import { RESOURCES } from '../helpers/temp-core';
import { expect, test } from './fixtures';

/**
 * A desk whose database file was damaged (issue 13, point 5): instead of failing to start, it
 * shows what happened and restores the latest backup; the cards are back.
 */
test('a damaged database is restored from the latest backup on the recovery screen', async ({
  browser,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-e2e-recovery-'));
  const core = createCore({ dataDir: dir, resourcesDir: RESOURCES, version: 'e2e' });
  ok(
    core.dispatch('auth.setup', { login: 'admin', fullName: 'Админ', password: 'admin-password' }),
  );
  const official = officialOf(core);
  const card = ok<{ regNumber: string }>(
    core.dispatch('appeals.create', { data: appealInput(official) }),
  );
  await core.backups.run();
  core.close();
  const file = join(dir, 'otklik.sqlite');
  const size = statSync(file).size;
  const fd = openSync(file, 'r+');
  writeSync(fd, randomBytes(size / 2), 0, size / 2, Math.floor(size / 4));
  closeSync(fd);

  const desk = await startBrowserMode({ dataDir: dir, port: 0, dev: false });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(desk.url);
    await expect(
      page.getByRole('heading', { name: 'База данных рабочего места повреждена' }),
    ).toBeVisible();
    await expect(page.getByRole('radio', { name: /последняя/ })).toBeChecked();
    await page.getByRole('button', { name: 'Восстановить выбранную копию' }).click();
    // The desk is itself again: the sign-in screen of the restored database.
    await expect(page.getByRole('heading', { name: 'Вход в систему' })).toBeVisible();
    await page.getByLabel('Логин').fill('admin');
    await page.getByLabel('Пароль').fill('admin-password');
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect(page.getByText(card.regNumber)).toBeVisible();
    expect(readdirSync(dir).some((f) => f.startsWith('otklik.sqlite.damaged-'))).toBe(true);
  } finally {
    await context.close();
    await desk.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
