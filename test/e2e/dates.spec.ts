import { expect, test } from './fixtures';
import { addTopic, choose, ensureReference, uniq } from './helpers';

/*
 * Dates read and are typed in Russian form whatever the browser's (the operating system's)
 * locale: this file runs in an American English one, where a native date input would show
 * «11/27/2026» and a native month input «November 2026».
 */
test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

const OFFICIAL = 'Петрова Елена Викторовна';
const SERVICE = 'Выдача разрешений на строительство';

test.beforeEach(async ({ page }) => {
  await ensureReference(page, OFFICIAL, SERVICE);
});

test('the card takes and shows dates as 20.03.2026 in an English locale', async ({ page }) => {
  const surname = uniq('Датова');
  await page.goto('/#/appeals/new');
  const registered = page.getByLabel('Дата и время регистрации');
  await expect(registered).toHaveValue(/^\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}$/);
  await registered.fill('2.3.2026 9:30');
  await registered.blur();
  await expect(registered).toHaveValue('02.03.2026 09:30');

  await choose(page, /Должностное лицо/, new RegExp(OFFICIAL));
  await page.getByLabel('Гражданин уведомлен об аудио- и видеозаписи приема').check();
  await page.getByLabel('Фамилия, имя, отчество').fill(`${surname} Анна`);
  await page.getByLabel('Содержание обращения').fill('Просит отремонтировать дорогу.');
  await addTopic(page, 'твердые коммунальные отходы', '0005.0005.0056.1160');
  await choose(page, 'Статус', 'Дан письменный ответ');

  // A date that does not exist is named, not taken for another, and nothing is saved.
  const answered = page.getByLabel('Дата ответа', { exact: true });
  await answered.fill('31.02.2026');
  await answered.blur();
  await expect(page.getByText('Введите дату в виде 27.11.2026')).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('form-error')).toBeVisible();
  await expect(page.getByText('Неверная дата')).toBeVisible();

  await answered.fill('20.03.2026');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('reg-number')).toHaveText(/-2026-\d{6}$/);
  await expect(page.getByRole('paragraph').filter({ hasText: /^20\.03\.2026$/ })).toBeVisible();
  await expect(page.getByText('02.03.2026 09:30')).toBeVisible();

  // Edited again, the fields show what was stored in Russian form.
  await page.getByRole('link', { name: 'Изменить' }).click();
  await expect(page.getByLabel('Дата и время регистрации')).toHaveValue('02.03.2026 09:30');
  await expect(page.getByLabel('Дата ответа', { exact: true })).toHaveValue('20.03.2026');
});

test('the list filter has a Russian calendar and filters by the date picked', async ({ page }) => {
  await page.goto('/#/appeals');
  const from = page.getByLabel('С', { exact: true });
  await from.fill('01.03.2026');
  await from.blur();
  await expect(from).toHaveValue('01.03.2026');
  await page.getByRole('button', { name: 'Выбрать в календаре' }).first().click();
  // The calendar opens on the month typed, in Russian, weeks from Monday.
  await expect(page.getByRole('button', { name: /март 2026/i })).toBeVisible();
  await expect(page.getByText('пн', { exact: true }).first()).toBeVisible();
  await page.getByRole('button', { name: /^15 марта 2026/ }).click();
  await expect(from).toHaveValue('15.03.2026');
  await expect(page).toHaveURL(/from=2026-03-15/);
});

test('a report month is typed the Russian way', async ({ page }) => {
  await page.goto('/#/reports');
  await page.getByRole('tab', { name: 'ССТУ.РФ' }).click();
  const month = page.getByLabel('Месяц');
  await month.fill('06.2025');
  await month.blur();
  await expect(month).toHaveValue('06.2025');
  await month.fill('13.2025');
  await month.blur();
  await expect(page.getByText('Введите месяц в виде 11.2026')).toBeVisible();
});
