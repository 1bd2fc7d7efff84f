import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from './fixtures';
import { coreCall } from './core-call';
import { setUpCampaign } from './kiosk-setup';

/**
 * axe-core on a kiosk screen: WCAG 2.1 A/AA rules; no serious or critical violation allowed.
 * The screen is checked settled: the test's fake clock also drives Mantine's enter transitions
 * (requestAnimationFrame, timeouts), so it is moved on a little and running animations waited
 * for — otherwise a dialog half faded in would be measured.
 */
async function serious(page: Page, screen: string) {
  await page.clock.runFor(400);
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running'),
  );
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${screen}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.failureSummary + ' @ ' + n.html.slice(0, 120)).join(' | ')}`,
    ),
  ).toEqual([]);
  return result.passes.length;
}

const start = (page: Page) =>
  page
    .getByRole('button', { name: /^ОЦЕНКА удовлетворенности/ })
    .first()
    .click();

test.describe.configure({ mode: 'serial' });

test('axe-core finds no serious or critical violation on any kiosk screen', async ({ page }) => {
  await setUpCampaign(page, 'Доступность E2E');
  const templates = await coreCall<{ id: string; builtinKey: string | null }[]>(
    page,
    'surveys.templates',
    {},
  );
  const year = new Date().getFullYear();
  await coreCall(page, 'surveys.saveCampaign', {
    templateId: templates.find((t) => t.builtinKey === 'service-recipient-000')!.id,
    title: 'Анкета 000 E2E',
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
    serviceIds: [],
    channels: ['kiosk'],
    active: true,
  });
  await page.clock.install();
  await page.goto('/kiosk');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await serious(page, 'welcome')).toBeGreaterThan(5);

  await start(page);
  await expect(page.locator('[data-question="q15"]')).toBeVisible();
  await serious(page, 'questionnaire');

  await page.getByRole('button', { name: 'Крупный шрифт' }).click();
  await page.getByRole('button', { name: 'Контраст' }).click();
  await serious(page, 'questionnaire, large text + contrast');

  await page.getByRole('button', { name: 'По одному вопросу' }).click();
  await expect(page.getByText('Вопрос 1 из 15')).toBeVisible();
  await serious(page, 'one question per screen');

  // Then the "are you still here?" prompt.
  await page.getByRole('button', { name: 'По одному вопросу' }).click();
  await page.clock.fastForward('00:21');
  await expect(page.getByRole('heading', { name: 'Вы ещё здесь?' })).toBeVisible();
  await serious(page, 'are you still here');
  await page.clock.fastForward('00:16');
  await expect(page.getByRole('button', { name: 'Выход' })).toBeVisible();

  await page.getByRole('button', { name: 'Выход' }).click();
  await expect(page.getByRole('button', { name: 'OK' })).toBeVisible();
  await serious(page, 'PIN pad');
  await page.keyboard.press('Escape');

  await start(page);
  await page.getByRole('button', { name: 'Отправить анкету' }).click();
  await expect(
    page.getByRole('heading', { name: 'Спасибо! Ваши ответы сохранены.' }),
  ).toBeVisible();
  await serious(page, 'thank you');

  // Seed 000: its open question brings the on-screen Russian keyboard.
  await page.clock.fastForward('00:07');
  await page
    .getByRole('button', { name: /^АНКЕТА ПОЛУЧАТЕЛЯ/ })
    .first()
    .click();
  await expect(page.getByRole('button', { name: 'ж', exact: true }).first()).toBeVisible();
  await serious(page, 'seed 000 with the on-screen keyboard');
});
