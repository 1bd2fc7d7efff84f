import { expect, test } from './fixtures';
import ExcelJS from 'exceljs';
import { coreCall } from './core-call';
import { createCard, ensureReference } from './helpers';

const pad = (n: number) => String(n).padStart(2, '0');

test('an analyst opens the quarter report, drills from a channel to its cards and exports XLSX', async ({
  page,
}) => {
  await ensureReference(page, 'Сидоров Сидор Сидорович', 'Назначение пособия');
  const [official] = await coreCall<{ id: string }[]>(page, 'officials.list', {});
  const now = new Date();
  const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  for (const name of ['Акулова Анна', 'Борисов Борис']) {
    await createCard(page, official!.id, {
      registeredAt: `${today}T09:30`,
      visitorName: name,
      kind: 'complaint',
      channel: 'event',
      content: 'Жалоба на выездном приеме',
    });
  }
  const quarterStart = `${now.getFullYear()}-${pad(Math.floor(now.getMonth() / 3) * 3 + 1)}-01`;
  const { total } = await coreCall<{ total: number }>(page, 'appeals.list', {
    filter: { from: quarterStart, to: today, channel: 'event' },
    offset: 0,
    limit: 1,
  });
  expect(total).toBeGreaterThanOrEqual(2);

  await page.getByRole('link', { name: 'Отчеты' }).click();
  await expect(page.getByRole('heading', { name: 'Отчеты' })).toBeVisible();
  const row = page.getByTestId('channel-event');
  await expect(row.getByRole('cell').first()).toHaveText('Мероприятие');
  await row.getByRole('link', { name: `Мероприятие: ${total}` }).click();

  await expect(page).toHaveURL(/#\/appeals\?.*channel=event/);
  await expect(page.getByTestId('total')).toHaveText(`Найдено: ${total}`);
  await expect(page.getByRole('listitem').filter({ hasText: 'Акулова Анна' })).toBeVisible();

  await page.goBack();
  await page.getByRole('button', { name: 'Excel (XLSX)' }).click();
  const saved = page.getByRole('status').filter({ hasText: 'Файл сохранен:' });
  await expect(saved).toBeVisible();
  const path = (await saved.locator('span').last().textContent())!.trim();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const rows = wb.getWorksheet('1. Каналы')!.getSheetValues().filter(Boolean) as unknown[][];
  expect(rows.find((r) => r[1] === 'Мероприятие')?.[2]).toBe(total);
});
