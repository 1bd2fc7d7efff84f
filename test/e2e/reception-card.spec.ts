import { expect, test } from './fixtures';
import { coreCall } from './core-call';
import { addTopic, choose, ensureReference, uniq } from './helpers';

const OFFICIAL = 'Петрова Елена Викторовна';
const SERVICE = 'Выдача разрешений на строительство';

test.beforeEach(async ({ page }) => {
  await ensureReference(page, OFFICIAL, SERVICE);
});

test('an officer registers a card with every field, finds it and edits it', async ({ page }) => {
  const surname = uniq('Кузнецова');
  await page.goto('/#/appeals');
  await page.keyboard.press('Control+n');
  await expect(page.getByRole('heading', { name: 'Новая карточка личного приема' })).toBeVisible();

  await page.getByLabel('Дата и время регистрации').fill('2026-03-02T10:30');
  await choose(page, /Должностное лицо/, new RegExp(OFFICIAL));
  await choose(page, 'Канал поступления', 'Личный прием');
  await choose(page, 'Вид обращения', 'Жалоба');
  await choose(page, 'Форма обращения', 'Устное');
  await page.getByLabel('Гражданин уведомлен об аудио- и видеозаписи приема').check();
  await page.getByLabel('Фамилия, имя, отчество').fill(`${surname} Мария Ивановна`);
  await page.getByLabel('Почтовый адрес').fill('620000, г. Екатеринбург, ул. Малышева, 10');
  await page.getByLabel('Телефон').fill('+7 (343) 123-45-67');
  await page.getByLabel('Электронная почта').fill('maria@example.ru');
  await choose(page, 'Социальная категория', 'Пенсионер');
  await page
    .getByLabel('Содержание обращения')
    .fill('Во дворе дома разбита дорога, просит включить ремонт в план на лето.');
  await addTopic(page, 'твердые коммунальные отходы', '0005.0005.0056.1160');
  await choose(page, /Услуга, мера поддержки/, new RegExp(SERVICE));
  await page.getByLabel('Повторное обращение').check();
  await page.getByLabel('Коллективное обращение').check();
  await page.getByLabel('Число подписавших').fill('12');
  await choose(page, 'Форма ответа', /Письменно/);
  await expect(page.getByTestId('due-preview')).toContainText('01.04.2026');
  await page.getByLabel('Исполнитель').fill('Отдел ЖКХ, Смирнов А. А.');
  await choose(page, 'Статус', 'На рассмотрении');
  await expect(page.getByTestId('topic-suggestions')).toBeVisible();
  type Stats = { cards: number; firstTaken: number; anyTaken: number };
  const before = await coreCall<Stats>(page, 'classifier.suggestionStats', {});

  await page.keyboard.press('Control+s');
  await expect(page.getByTestId('reg-number')).toHaveText(
    /^D[A-Z0-9]{5}-2026-\d{6}$|^[A-Z0-9]+-2026-\d{6}$/,
  );
  const regNumber = (await page.getByTestId('reg-number').textContent())!;
  // What was done with the suggestions is recorded on save (codes and rank only).
  await expect
    .poll(async () => (await coreCall<Stats>(page, 'classifier.suggestionStats', {})).cards)
    .toBe(before.cards + 1);
  await expect(page.getByTestId('due-date')).toHaveText('01.04.2026');
  await expect(page.getByTestId('status')).toHaveText('На рассмотрении');
  await expect(
    page.getByText('0005.0005.0056.1160 — Обращение с твердыми коммунальными отходами'),
  ).toBeVisible();

  // After a reload the card is found by another form of a content word and by the surname.
  await page.goto('/#/appeals');
  await page.reload();
  await page.getByRole('searchbox').fill('дорогу');
  await expect(page.getByRole('listitem').filter({ hasText: regNumber })).toBeVisible();
  await page.getByRole('searchbox').fill(surname);
  await expect(page.getByTestId('total')).toHaveText('Найдено: 1');
  await page.getByRole('listitem').filter({ hasText: regNumber }).getByRole('link').click();

  // Edit: the answer is given in writing.
  await page.getByRole('link', { name: 'Изменить' }).click();
  await choose(page, 'Статус', 'Дан письменный ответ');
  await page.getByLabel('Дата ответа').fill('2026-03-20');
  await choose(page, 'Результат рассмотрения', /Поддержано/);
  await page.getByRole('button', { name: /Сохранить/ }).click();
  await expect(page.getByTestId('status')).toHaveText('Дан письменный ответ');
  await expect(page.getByTestId('reg-number')).toHaveText(regNumber);
  await expect(page.getByRole('paragraph').filter({ hasText: /^20\.03\.2026$/ })).toBeVisible();
  // Its one question follows the card: supported, answered on the same day.
  const question = page
    .getByRole('table', { name: 'Результаты по вопросам' })
    .getByRole('row')
    .filter({ hasText: '0005.0005.0056.1160' });
  await expect(question).toContainText('Рассмотрено. Поддержано');
  await expect(question).toContainText('20.03.2026');
});

test('bad input shows Russian messages next to the fields and saves nothing', async ({ page }) => {
  await page.goto('/#/appeals');
  await expect(page.getByTestId('total')).toHaveText(/Найдено/);
  const before = await page.getByTestId('total').textContent();
  await page.goto('/#/appeals/new');
  await page.getByLabel('Электронная почта').fill('maria@');
  await page.getByLabel('Фамилия, имя, отчество').fill('Я'.repeat(201));
  await page.keyboard.press('Control+s');

  await expect(page.getByTestId('form-error')).toHaveText(
    'Исправьте отмеченные поля: карточка не сохранена',
  );
  await expect(page.getByText('Заполните это поле').first()).toBeVisible();
  await expect(page.getByText('Неверный адрес электронной почты')).toBeVisible();
  await expect(page.getByText('Слишком длинно: не более 200 символов')).toBeVisible();
  await expect(page.getByText('Укажите хотя бы один код классификатора')).toBeVisible();
  await expect(page.getByText('Заполните это поле')).toHaveCount(2); // official, content

  await page.goto('/#/appeals');
  await expect(page.getByTestId('total')).toHaveText(before!);
});

test('a card being typed survives closing the window as a draft', async ({ page }) => {
  const name = uniq('Черновиков');
  await page.goto('/#/appeals/new');
  await page.getByLabel('Фамилия, имя, отчество').fill(name);
  await page.getByLabel('Содержание обращения').fill('Не работает лифт в подъезде');
  await expect(page.getByTestId('draft-status')).toContainText('Черновик сохранен');

  await page.goto('about:blank');
  await page.goto('/#/drafts');
  const draft = page.getByTestId('draft').filter({ hasText: name });
  await expect(draft).toContainText('Не работает лифт в подъезде');
  await draft.getByRole('link', { name: 'Продолжить' }).click();
  await expect(page.getByText('Восстановлен несохраненный черновик')).toBeVisible();
  await expect(page.getByLabel('Фамилия, имя, отчество')).toHaveValue(name);
  await expect(page.getByLabel('Содержание обращения')).toHaveValue('Не работает лифт в подъезде');
});
