import { expect, test } from './fixtures';
import { BIG_PORT } from './ports';

const BIG = `http://127.0.0.1:${BIG_PORT}`;

test('100k cards: the list renders only what is on screen and reaches the last card', async ({
  page,
}) => {
  await page.goto(`${BIG}/#/appeals`);
  await expect(page.getByTestId('total')).toHaveText(/^Найдено: 100\s000$/);
  const list = page.getByTestId('appeal-list');
  const rows = list.getByRole('listitem');
  await expect(rows.first()).toContainText(/-\d{4}-\d{6}/);
  expect(await rows.count()).toBeLessThan(60);

  // Jump to the very end, as dragging the scrollbar does: the oldest cards load there.
  const started = Date.now();
  await list.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(rows.last()).toContainText(/-\d{4}-\d{6}/);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(await rows.count()).toBeLessThan(60);

  // Scrolling back and forth keeps rows filled.
  for (const fraction of [0.5, 0.25, 0.75]) {
    await list.evaluate((el, f) => (el.scrollTop = el.scrollHeight * f), fraction);
    await expect(rows.first()).toContainText(/-\d{4}-\d{6}/);
  }
});
