import { expect, test } from './fixtures';
import { coreCall } from './core-call';

test('codes are suggested from the text, browsed in the tree and kept as favourites', async ({
  page,
}) => {
  await page.goto('/#/appeals/new');
  await page
    .getByLabel('Содержание обращения')
    .fill('Мусор не вывозят, контейнерная площадка переполнена твердыми коммунальными отходами');
  const suggestions = page.getByTestId('topic-suggestions');
  await expect(suggestions).toContainText('0005.0005.0056.1160');
  await expect(page.getByTestId('tone')).toHaveText('Тон: негативный');
  // Each suggestion says which words weighed, and Alt+N takes the N-th without leaving the text.
  await expect(suggestions.getByTestId('suggestion-why').first()).toContainText(
    /по словам: .*(мусор|отход|контейнерн|вывоз)/,
  );
  await page.getByLabel('Содержание обращения').press('Alt+2');
  await expect(page.locator('.mantine-Pill-label')).toHaveCount(1);
  await suggestions.getByRole('button', { name: /0005\.0005\.0056\.1160/ }).click();
  await expect(
    page
      .locator('.mantine-Pill-label')
      .getByText('0005.0005.0056.1160 — Обращение с твердыми коммунальными отходами', {
        exact: true,
      }),
  ).toBeVisible();

  // The tree: section → theme → topic → question; the star keeps the code at hand.
  await page.getByRole('button', { name: 'Обзор классификатора' }).click();
  const drawer = page.getByRole('dialog', { name: 'Обзор классификатора' });
  for (const code of ['0003.0000.0000.0000', '0003.0009.0000.0000', '0003.0009.0097.0000']) {
    await drawer.getByRole('button', { name: `Раскрыть ${code}` }).click();
  }
  await drawer.getByRole('button', { name: 'Избранный код: 0003.0009.0097.0690' }).click();
  await expect(
    drawer.getByRole('button', { name: 'Избранный код: 0003.0009.0097.0690' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await drawer.getByText('Уличное освещение').click();
  await expect(drawer).toBeHidden();
  await expect(
    page
      .locator('.mantine-Pill-label')
      .getByText('0003.0009.0097.0690 — Уличное освещение', { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: '★ 0003.0009.0097.0690' })).toBeVisible();
  const favourites = await coreCall<{ code: string }[]>(page, 'classifier.favourites', {});
  expect(favourites.map((f) => f.code)).toContain('0003.0009.0097.0690');
  await coreCall(page, 'classifier.setFavourite', {
    code: '0003.0009.0097.0690',
    favourite: false,
  });
});
