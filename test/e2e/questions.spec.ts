import { expect, test } from './fixtures';
import { addTopic, choose, ensureReference, uniq } from './helpers';

const OFFICIAL = 'Орлова Ольга Олеговна';
const A = '0005.0005.0056.1160';
const B = '0003.0009.0102.0768';
const PDF = {
  name: 'otvet.pdf',
  mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\nответ\n%%EOF'),
};

/*
 * Issue 14 end to end: an officer gives two questions of one card different outcomes, opens
 * the month's report to ССТУ.РФ, sees the card in the pre-flight list for want of an answer
 * document, attaches it, and the list no longer names the card; the file downloads.
 */
test('different outcomes per question, the month’s pre-flight list, an answer document clears it', async ({
  page,
}) => {
  await ensureReference(page, OFFICIAL, 'Консультация');
  // The office's id in ССТУ.РФ, set by the administrator in the settings.
  const sstu = page.getByRole('group', { name: 'Ежемесячный отчет в ССТУ.РФ' });
  await sstu
    .getByLabel('Идентификатор органа в ССТУ.РФ')
    .fill('11111111-2222-4333-8444-555555555555');
  await sstu.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByText('Сохранено').first()).toBeVisible();

  const surname = uniq('Вопросова');
  await page.goto('/#/appeals/new');
  await page.getByLabel('Дата и время регистрации').fill('2025-06-10T10:00');
  await choose(page, /Должностное лицо/, new RegExp(OFFICIAL));
  await page.getByLabel('Фамилия, имя, отчество').fill(`${surname} Вера`);
  await page
    .getByLabel('Содержание обращения')
    .fill('Два вопроса: вывоз мусора и правила торговли.');
  await addTopic(page, 'твердые коммунальные отходы', A);
  await addTopic(page, 'правила торговли', B);
  await choose(page, 'Форма ответа', /Письменно/);
  await choose(page, 'Статус', 'Дан письменный ответ');
  await page.getByLabel('Дата ответа', { exact: true }).fill('2025-06-20');
  await choose(page, 'Результат рассмотрения', /Поддержано/);
  // The second question is set apart: not supported.
  const second = page.getByTestId(`question-${B}`);
  await expect(page.getByTestId(`question-${A}`)).toContainText('Рассмотрено. Поддержано');
  await second.getByRole('switch').check();
  await choose(page, `Результат по вопросу: ${B}`, 'Рассмотрено. Не поддержано');
  await page.getByLabel(`Дата ответа: ${B}`).fill('2025-06-21');
  await page.keyboard.press('Control+s');
  const regNumber = (await page.getByTestId('reg-number').textContent())!;
  const outcomes = page.getByRole('table', { name: 'Результаты по вопросам' });
  await expect(outcomes.getByRole('row').filter({ hasText: A })).toContainText(
    'Рассмотрено. Поддержано',
  );
  await expect(outcomes.getByRole('row').filter({ hasText: B })).toContainText(
    'Рассмотрено. Не поддержано',
  );
  const cardUrl = page.url();

  // The month's report: the card is in the pre-flight list, both questions lack the document.
  await page.goto('/#/reports');
  await page.getByRole('tab', { name: 'ССТУ.РФ' }).click();
  await page.getByLabel('Месяц').fill('2025-06');
  const problems = page.getByTestId('sstu-problems');
  await expect(problems.getByRole('row').filter({ hasText: regNumber })).toHaveCount(2);
  await expect(problems.getByRole('row').filter({ hasText: regNumber }).first()).toContainText(
    'не приложен документ с ответом',
  );
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Файл для ССТУ.РФ (JSON)' }).click();
  expect((await download).suggestedFilename()).toBe('sstu-2025-06.json');

  // From the list to the card; attach the answer and name it for the card and for the
  // question set apart.
  await problems.getByRole('link', { name: regNumber }).first().click();
  await expect(page).toHaveURL(cardUrl);
  await page.locator('input[type="file"]').setInputFiles(PDF);
  await expect(
    page
      .getByRole('table', { name: 'Документы (сканы)' })
      .getByRole('row')
      .filter({ hasText: 'otvet.pdf' }),
  ).toBeVisible();
  await page.getByRole('link', { name: 'Изменить' }).click();
  await choose(page, 'Документ с ответом', 'otvet.pdf');
  await choose(page, `Документ с ответом: ${B}`, 'otvet.pdf');
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('reg-number')).toHaveText(regNumber);

  await page.goto('/#/reports');
  await page.getByRole('tab', { name: 'ССТУ.РФ' }).click();
  await page.getByLabel('Месяц').fill('2025-06');
  await expect(page.getByText(/Карточек в отчете: \d+/)).toBeVisible();
  await expect(
    page.getByTestId('sstu-problems').getByRole('row').filter({ hasText: regNumber }),
  ).toHaveCount(0);
});
