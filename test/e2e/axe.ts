import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * axe-core on what the user finally sees (WCAG 2.1 A/AA): no serious or critical violation.
 * Dialogs fading out and notifications sliding in dim the page behind them, so it waits for
 * both to be gone first.
 */
export async function axe(page: Page, name: string) {
  await expect(page.locator('.mantine-Modal-overlay')).toHaveCount(0);
  // Notifications close by themselves after 4 s.
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 10_000 });
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${name}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}
