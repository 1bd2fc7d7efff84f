import { expect, test } from './fixtures';

test('F1 and the «?» open the guide at the page about the screen, pictures included', async ({
  page,
}) => {
  await page.goto('/#/deadlines');
  await expect(page.getByRole('heading', { name: 'Сроки рассмотрения' }).first()).toBeVisible();
  await page.keyboard.press('F1');
  const guide = page.getByTestId('guide');
  await expect(guide).toHaveAttribute('data-page', 'deadlines');
  const picture = guide.getByRole('img', { name: 'Сроки рассмотрения' });
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(1000);

  // A change of the address's hash only: wait for the list before asking for its help page.
  await page.goto('/#/appeals');
  await expect(page.getByRole('heading', { name: 'Карточки приема' })).toBeVisible();
  await page.getByTestId('help').click();
  await expect(guide).toHaveAttribute('data-page', 'search');
  await guide.getByRole('link', { name: '← Содержание руководства' }).click();
  await expect(guide).toHaveAttribute('data-page', 'index');
  await guide.getByRole('link', { name: 'Карточка личного приема' }).click();
  await expect(guide).toHaveAttribute('data-page', 'card');
  await expect(guide.getByRole('heading', { name: 'Новая карточка' })).toBeVisible();
});
