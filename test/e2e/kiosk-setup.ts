import type { Page } from '@playwright/test';
import { coreCall } from './core-call';

export const PIN = '246810';

/** An administrator's set-up: a campaign of seed 003 on kiosk and paper, and the exit PIN. */
export async function setUpCampaign(page: Page, title = 'Киоск E2E') {
  await page.goto('/');
  const templates = await coreCall<{ id: string; builtinKey: string | null }[]>(
    page,
    'surveys.templates',
    {},
  );
  const form003 = templates.find((t) => t.builtinKey === 'service-satisfaction-003')!;
  const year = new Date().getFullYear();
  await coreCall(page, 'surveys.saveCampaign', {
    templateId: form003.id,
    title,
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
    serviceIds: [],
    channels: ['kiosk', 'paper'],
    active: true,
  });
  await coreCall(page, 'kiosk.saveSettings', { idleSeconds: 20, keepPartial: false, pin: PIN });
}
