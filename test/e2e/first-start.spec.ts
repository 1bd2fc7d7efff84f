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

test('a fresh desk runs seed 003 on its kiosk at once and lists its first steps', async ({
  browser,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-e2e-fresh-'));
  const desk = await startBrowserMode({ dataDir: dir, port: 0, dev: false });
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // The kiosk needs no one signed in, and offers the built-in questionnaire by default.
    await page.goto(new URL('/kiosk', desk.url).toString());
    await expect(page.getByRole('button', { name: /^ОЦЕНКА удовлетворенности/ })).toBeVisible();
    await expect(page.getByText('Сейчас опросов нет.')).toHaveCount(0);

    await page.goto(desk.url);
    await completeFirstStart(page, {
      login: 'admin',
      fullName: 'Администратор',
      password: 'first-start-password',
    });
    const checklist = page.getByTestId('setup-checklist');
    await expect(checklist).toBeVisible();
    await expect(checklist).toContainText('Осталось 5 шагов');
    const step = (name: string) => checklist.locator(`[data-step="${name}"]`);
    await expect(step('deskCode')).toHaveAttribute('data-done', 'false');

    // Setting the desk code ticks its step off.
    await checklist.getByRole('link', { name: 'Задайте код рабочего места' }).click();
    await page.getByLabel('Код рабочего места (префикс рег. номеров)').fill('UO01');
    await page.getByRole('button', { name: 'Сохранить' }).first().click();
    await expect(page.getByText('Сохранено').first()).toBeVisible();
    await page.getByRole('link', { name: 'Карточки приема' }).first().click();
    await expect(step('deskCode')).toHaveAttribute('data-done', 'true');
    await expect(checklist).toContainText('Осталось 4 шага');

    // Hidden, it stays hidden.
    await checklist.getByRole('button', { name: 'Скрыть' }).click();
    await expect(checklist).toHaveCount(0);
    await page.getByRole('link', { name: 'Настройки' }).first().click();
    await page.getByRole('link', { name: 'Карточки приема' }).first().click();
    await expect(page.getByTestId('total')).toBeVisible();
    await expect(page.getByTestId('setup-checklist')).toHaveCount(0);
  } finally {
    await context.close();
    await desk.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
