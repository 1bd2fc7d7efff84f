import { expect, test } from '@playwright/test';

test('an administrator copies a questionnaire, is told what is wrong with its logic, publishes it', async ({
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
});
