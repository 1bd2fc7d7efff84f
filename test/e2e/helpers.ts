import { expect, type Page } from '@playwright/test';

/** Picks an option of a Mantine Select by its label, as a user does: open, click the option. */
export async function choose(page: Page, label: string | RegExp, option: string | RegExp) {
  await page.getByRole('combobox', { name: label, exact: typeof label === 'string' }).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Adds a classifier code by typing words, waiting for the suggestion and pressing Enter. */
export async function addTopic(page: Page, words: string, code: string) {
  const input = page.getByRole('combobox', { name: 'Тематика (классификатор)' });
  await input.fill(words);
  await expect(
    page.getByRole('option', { name: new RegExp(code.replaceAll('.', '\\.')) }),
  ).toBeVisible();
  await page.getByRole('option', { name: new RegExp(code.replaceAll('.', '\\.')) }).click();
}

export function uniq(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}`;
}

/** Makes sure an official and a service exist (through the settings screen, like an admin). */
export async function ensureReference(page: Page, official: string, service: string) {
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: 'Настройки' })).toBeVisible();
  if ((await page.getByRole('cell', { name: official }).count()) === 0) {
    await page.getByLabel('ФИО', { exact: true }).fill(official);
    await page.getByLabel('Должность').fill('Заместитель министра');
    await page.getByRole('button', { name: 'Добавить' }).first().click();
    await expect(page.getByRole('cell', { name: official })).toBeVisible();
  }
  if ((await page.getByRole('cell', { name: service }).count()) === 0) {
    await page.getByLabel('Наименование').fill(service);
    await page.getByRole('button', { name: 'Добавить' }).nth(1).click();
    await expect(page.getByRole('cell', { name: service })).toBeVisible();
  }
}
