import { expect, test, type Page } from './fixtures';
import { addTopic, choose, ensureReference, uniq } from './helpers';

const OFFICIAL = 'Орлова Вера Павловна';
const SERVICE = 'Консультация по вопросам ЖКХ';
const DAY = '2026-12-03';

async function signOnScreen(page: Page) {
  const pad = page.getByTestId('signature-pad');
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + 100);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) {
    await page.mouse.move(box.x + 40 + i * 25, box.y + 100 - Math.sin(i / 2) * 40, { steps: 3 });
  }
  await page.mouse.up();
}

test('a slot is booked, the visitor is received into a card, signs on screen; the card prints', async ({
  page,
}) => {
  const visitor = `${uniq('Соколова')} Анна Ильинична`;
  await ensureReference(page, OFFICIAL, SERVICE);

  // The month's schedule: the official receives on the 3rd, 10:00–13:00.
  await page.goto(`/#/schedule?tab=month&month=2026-12`);
  await choose(page, 'Должностное лицо', OFFICIAL);
  await page.getByLabel('Дата').fill(DAY);
  await page.getByLabel('С', { exact: true }).fill('10:00');
  await page.getByLabel('До', { exact: true }).fill('13:00');
  await page.getByLabel('Место приема').fill('каб. 214');
  await page.getByRole('button', { name: 'Добавить в график' }).click();
  const schedule = page.getByRole('table', { name: 'График личного приема' });
  await expect(schedule.getByRole('row').filter({ hasText: OFFICIAL })).toContainText('каб. 214');

  // The printable schedule for publishing.
  await page.getByRole('button', { name: 'Печать графика' }).click();
  await expect(page.getByTestId('printed-schedule')).toContainText('декабрь 2026');
  await expect(page.getByTestId('printed-schedule')).toContainText(OFFICIAL);
  await page.goBack();

  // A phone call: the visitor is booked at 10:30; a second booking at 10:30 is refused.
  await page.goto(`/#/schedule?tab=day&date=${DAY}`);
  const book = async (name: string) => {
    await choose(page, 'Прием по графику', new RegExp(OFFICIAL));
    await page.getByLabel('Время').fill('10:30');
    await page.getByLabel('Фамилия, имя, отчество').fill(name);
    await page.getByRole('textbox', { name: 'Телефон' }).fill('+7 343 222-33-44');
    await page.getByLabel('Вопрос (кратко)').fill('Вывоз мусора со двора');
    await page.getByRole('button', { name: 'Записать', exact: true }).click();
  };
  await book(visitor);
  const day = page.getByRole('table', { name: 'Посетители дня' });
  await expect(day.getByRole('row').filter({ hasText: visitor })).toContainText('Записан');
  await book('Другой Посетитель');
  await expect(page.getByText('Это время уже занято')).toBeVisible();

  // The visitor comes: «Принять» opens the card with their data and the official.
  await day
    .getByRole('row')
    .filter({ hasText: visitor })
    .getByRole('button', { name: /Принять/ })
    .click();
  await expect(page.getByTestId('from-booking')).toContainText(visitor);
  await expect(page.getByLabel('Фамилия, имя, отчество')).toHaveValue(visitor);
  await expect(page.getByLabel('Телефон')).toHaveValue('+7 343 222-33-44');
  await expect(page.getByLabel('Содержание обращения')).toHaveValue('Вывоз мусора со двора');
  await expect(page.getByRole('combobox', { name: /Должностное лицо/ })).toHaveValue(
    new RegExp(OFFICIAL),
  );
  await addTopic(page, 'твердые коммунальные отходы', '0005.0005.0056.1160');
  await choose(page, 'Форма ответа', /Устно/);
  await page.getByLabel(/Гражданин согласен на устный ответ/).check();
  await page.getByLabel('Краткое содержание устного ответа').fill('Разъяснен график вывоза.');
  await choose(page, 'Статус', 'Дан устный ответ');
  await signOnScreen(page);
  await expect(page.getByTestId('signature-image')).toBeVisible();
  await page.keyboard.press('Control+s');
  const regNumber = page.getByTestId('reg-number');
  await expect(regNumber).toHaveText(/-2026-\d{6}$/);
  const number = (await regNumber.textContent())!;
  await expect(page.getByTestId('signature-view')).toBeVisible();
  expect(await page.getByTestId('signature-view').getAttribute('src')).toMatch(
    /^data:image\/svg\+xml;base64,/,
  );

  // Print preview on A4: the card with the visitor's signature under the consent.
  await page.getByRole('link', { name: 'Печать карточки' }).click();
  const sheet = page.getByTestId('printed-card');
  await expect(sheet).toContainText('КАРТОЧКА ЛИЧНОГО ПРИЕМА ГРАЖДАНИНА');
  await expect(sheet).toContainText(number);
  await expect(sheet).toContainText(visitor);
  await expect(sheet).toContainText('С устной формой ответа на мое обращение согласен(на)');
  await expect(page.getByTestId('printed-signature')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Печать', exact: true })).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.emulateMedia({ media: 'screen' });

  // The day's list shows the booking received, linked to its card.
  await page.goto(`/#/schedule?tab=day&date=${DAY}`);
  const received = day.getByRole('row').filter({ hasText: visitor });
  await expect(received).toContainText('Принят');
  await expect(received.getByRole('link', { name: number })).toBeVisible();

  // The same person comes again without booking, on the same question: a repeat, linked.
  await page.getByRole('button', { name: 'Пришел без записи' }).click();
  await page.getByLabel('Фамилия, имя, отчество').fill(visitor);
  await page.getByLabel('Вопрос (кратко)').fill('Снова о вывозе мусора');
  await page.getByRole('button', { name: 'Записать', exact: true }).click();
  await day
    .getByRole('row')
    .filter({ hasText: 'Снова о вывозе мусора' })
    .getByRole('button', { name: /Принять/ })
    .click();
  await choose(page, /Должностное лицо/, new RegExp(OFFICIAL));
  await addTopic(page, 'твердые коммунальные отходы', '0005.0005.0056.1160');
  const hint = page.getByTestId('repeat-hint');
  await expect(hint).toContainText(number);
  await hint.getByRole('button', { name: `Отметить как повторное к ${number}` }).click();
  await expect(page.getByTestId('repeat-linked')).toContainText(number);
  await expect(page.getByLabel('Повторное обращение')).toBeChecked();
  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('reg-number')).not.toHaveText(number);
  await page.getByRole('link', { name: 'Повторяет обращение' }).click();
  await expect(page.getByTestId('reg-number')).toHaveText(number);
});
