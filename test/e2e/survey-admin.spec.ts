import { expect, test } from './fixtures';
import { choose, ensureReference } from './helpers';

test('an administrator copies a questionnaire, is told what is wrong with its logic, publishes it and runs it at some desks', async ({
  page,
}) => {
  await page.goto('/#/surveys');
  const rows = page.getByTestId('template-row');
  const original = rows
    .filter({ hasText: /^ОЦЕНКА удовлетворенности/ })
    .filter({ hasText: 'Опубликована' })
    .first();
  await expect(original).toBeVisible();
  const before = await rows.count();
  await original.getByRole('button', { name: 'Копировать' }).click();
  await expect(rows).toHaveCount(before + 1);
  const copy = rows.filter({ hasText: '(копия)' }).filter({ hasText: 'Черновик' }).first();

  await copy.getByRole('button', { name: 'Изменить' }).click();
  const dialog = page.getByRole('dialog');
  const editor = dialog.getByLabel('Анкета в формате JSON');
  const json = JSON.parse(await editor.inputValue());
  json.pages[0].elements[4].visibleIf = "{q99} = 'x'";
  await editor.fill(JSON.stringify(json, null, 2));
  await dialog.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Условие показа вопроса «q5» ссылается на несуществующий вопрос «q99»',
  );
  json.pages[0].elements[4].visibleIf = "{q4} != 'institution' and {q4} != 'mfc'";
  json.title = 'Оценка удовлетворенности (вариант отдела)';
  await editor.fill(JSON.stringify(json, null, 2));
  await dialog.getByRole('button', { name: 'Сохранить', exact: true }).click();

  const edited = rows.filter({ hasText: 'Оценка удовлетворенности (вариант отдела)' });
  await expect(edited).toContainText('Черновик');
  await edited.getByRole('button', { name: 'Опубликовать' }).click();
  await expect(edited).toContainText('Опубликована');

  await edited.getByRole('button', { name: 'Просмотр' }).click();
  await expect(page.getByRole('heading', { name: /^1\. Укажите наименование/ })).toBeVisible();

  await page.keyboard.press('Escape');

  // A campaign of the new version, about one service, at two desks.
  await ensureReference(page, 'Петров Петр Петрович', 'Назначение пособия на ребенка');
  await page.goto('/#/surveys');
  await choose(page, 'Анкета', /^Оценка удовлетворенности \(вариант отдела\)/);
  await page.getByLabel('Название опроса').fill('Опрос отдела E2E');
  const year = new Date().getFullYear();
  await page.getByLabel('С', { exact: true }).fill(`${year}-01-01`);
  await page.getByLabel('По', { exact: true }).fill(`${year}-12-31`);
  await page.getByRole('combobox', { name: 'Услуги' }).click();
  await page.getByRole('option', { name: 'Назначение пособия на ребенка' }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Рабочие места (коды)' }).fill('min01');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Добавить' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Опрос отдела E2E' });
  await expect(row).toContainText('Назначение пособия на ребенка');
  await expect(row).toContainText('MIN01');
});
