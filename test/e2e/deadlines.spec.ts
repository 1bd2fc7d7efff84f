import { expect, test } from './fixtures';
import { coreCall } from './core-call';
import { createCard, ensureReference } from './helpers';

test('the deadlines board lists overdue cards and those due soon; an extension moves the due date', async ({
  page,
}) => {
  await ensureReference(page, 'Сидоров Сидор Сидорович', 'Назначение пособия');
  // Dates as the page's clock and time zone see them (the desk lives by its local day).
  const today = await page.evaluate(() => {
    const d = new Date();
    return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate());
  });
  const daysAgo = (n: number) => new Date(today - n * 86_400_000).toISOString().slice(0, 10);
  const [official] = await coreCall<{ id: string }[]>(page, 'officials.list', {});
  const card = (name: string, registered: string) =>
    createCard(page, official!.id, {
      registeredAt: `${registered}T10:00`,
      visitorName: name,
      content: 'Вопрос о сроках',
    });
  const late = await card('Просроченная Полина', daysAgo(40));
  const soon = await card('Срочный Семён', daysAgo(28)); // due in 2 days

  await page.goto('/#/deadlines');
  await page.reload();
  await expect(page.getByTestId('overdue-badge')).toBeVisible();
  // The desk tells on opening what is overdue and what falls due by tomorrow.
  await expect(
    page.getByText(/^Просрочено: \d+\. Срок истекает сегодня или завтра: \d+\.$/),
  ).toBeVisible();
  const overdue = page.getByTestId('deadlines-overdue');
  await expect(overdue.getByRole('row').filter({ hasText: late.regNumber })).toContainText(
    'просрочено на 10 дней',
  );
  const dueSoon = page.getByTestId('deadlines-soon');
  await expect(dueSoon.getByRole('row').filter({ hasText: soon.regNumber })).toContainText('2 дня');

  // The escalation memo on the overdue card picked on the board: a DOCX naming it.
  await overdue
    .getByRole('checkbox', { name: `Включить в служебную записку: ${late.regNumber}` })
    .check();
  const memo = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Служебная записка по выбранным (1)' }).click();
  const file = await memo;
  expect(file.suggestedFilename()).toMatch(/^Служебная записка о нарушении сроков .*\.docx$/);
  const { readFile } = await import('node:fs/promises');
  const { unzipSync, strFromU8 } = await import('fflate');
  const xml = strFromU8(unzipSync(await readFile((await file.path())!))['word/document.xml']!);
  expect(xml).toContain(late.regNumber);
  expect(xml).toContain('обращений граждан (1)');
  expect(xml).toContain('Прошу принять меры');

  // Extending the term by 30 days with a reason takes the card off the "due soon" list.
  await dueSoon.getByRole('link', { name: soon.regNumber }).click();
  await page.getByRole('link', { name: 'Изменить' }).click();
  await page.getByLabel('Продление срока, дней').fill('30');
  const extended = new Date(Date.parse(soon.dueDate) + 30 * 86_400_000).toISOString();
  await expect(page.getByTestId('due-preview')).toContainText(
    `${extended.slice(8, 10)}.${extended.slice(5, 7)}.${extended.slice(0, 4)}`,
  );
  await page.getByRole('button', { name: /Сохранить/ }).click();
  await expect(page.getByText('Укажите причину')).toBeVisible();
  await page.getByLabel(/Причина продления/).fill('Запрошены документы в другом органе');
  await page.getByRole('button', { name: /Сохранить/ }).click();
  await expect(page.getByTestId('reg-number')).toHaveText(soon.regNumber);
  await page.goto('/#/deadlines');
  await expect(page.getByTestId('deadlines-soon')).not.toContainText(soon.regNumber);
});
