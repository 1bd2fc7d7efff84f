import { expect, type Page } from '@playwright/test';
import { coreCall } from './core-call';

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

/**
 * Makes sure an official and a service exist, adding them through the settings screen like an
 * admin. Whether they exist is asked of the core, not read off the screen, which may not have
 * loaded its lists yet.
 */
export async function ensureReference(page: Page, official: string, service: string) {
  await page.goto('/#/settings');
  await expect(page.getByRole('heading', { name: 'Настройки' })).toBeVisible();
  const officials = await coreCall<{ fullName: string }[]>(page, 'officials.list', {});
  if (!officials.some((o) => o.fullName === official)) {
    await page.getByLabel('ФИО', { exact: true }).fill(official);
    await page.getByLabel('Должность').fill('Заместитель министра');
    await page.getByRole('button', { name: 'Добавить' }).first().click();
    await expect(page.getByRole('cell', { name: official, exact: true })).toBeVisible();
  }
  const services = await coreCall<{ title: string }[]>(page, 'services.list', {});
  if (!services.some((s) => s.title === service)) {
    await page.getByLabel('Наименование').fill(service);
    await page.getByRole('button', { name: 'Добавить' }).nth(1).click();
    await expect(page.getByRole('cell', { name: service, exact: true })).toBeVisible();
  }
}

/**
 * Registers a card through the page's own transport (set-up for screens that read cards): a
 * plain statement received in person, written answer due; override what the test is about.
 */
export async function createCard(
  page: Page,
  officialId: string,
  overrides: Record<string, unknown>,
): Promise<{ id: string; regNumber: string; dueDate: string }> {
  return coreCall(page, 'appeals.create', {
    data: {
      registeredAt: '2026-03-02T10:00',
      officialId,
      applicantType: 'person',
      visitorName: 'Заявитель',
      socialCategory: 'none',
      isCollective: false,
      signatoryCount: null,
      isRepeat: false,
      kind: 'statement',
      form: 'oral',
      channel: 'personal_reception',
      content: 'Вопрос',
      topicCodes: ['0005.0005.0056.1160'],
      serviceId: null,
      avRecordingNotified: true,
      answerMode: 'written',
      oralConsent: false,
      status: 'registered',
      result: null,
      ...overrides,
    },
  });
}
