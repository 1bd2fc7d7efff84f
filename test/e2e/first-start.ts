import { expect, type Page } from '@playwright/test';

export interface FirstAdmin {
  login: string;
  fullName: string;
  password: string;
}

/**
 * The labels of the sign-in forms carry Mantine's required mark («Пароль *»), so a field is
 * found by its label with the mark allowed, never by an exact string (issue 19: the desktop
 * test once looked for «Пароль» exactly and found nothing).
 */
export const field = (page: Page, label: string) =>
  page.getByLabel(new RegExp(`^${label}(\\s*\\*)?$`));

/**
 * The first start of a desk as a person does it: the administrator's form, filled and sent.
 * Used by the browser E2E suite (first-start.spec.ts) and by the desktop suite
 * (electron.spec.ts), so the two cannot drift apart.
 */
export async function completeFirstStart(page: Page, admin: FirstAdmin) {
  await expect(page.getByRole('heading', { name: /^Первый запуск/ })).toBeVisible();
  await field(page, 'Логин').fill(admin.login);
  await field(page, 'ФИО').fill(admin.fullName);
  await field(page, 'Пароль').fill(admin.password);
  await field(page, 'Пароль еще раз').fill(admin.password);
  await page.getByRole('button', { name: 'Создать администратора' }).click();
  await expect(page.getByRole('link', { name: 'Карточки приема' }).first()).toBeVisible();
}

/** Signing in on the sign-in form. */
export async function signIn(page: Page, login: string, password: string) {
  await expect(page.getByRole('heading', { name: 'Вход в систему' })).toBeVisible();
  await field(page, 'Логин').fill(login);
  await field(page, 'Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}
