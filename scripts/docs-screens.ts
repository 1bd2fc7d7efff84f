import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { seedCards } from '../bench/synthetic/cards';
import { createCore } from '../src-main/core/index';
import { startBrowserMode } from '../src-main/harness/browser-mode';
import { repoRoot } from '../src-main/harness/paths';
import { completeFirstStart } from '../test/e2e/first-start';
import { coreCall } from '../test/e2e/core-call';

/**
 * `npm run docs:screens`: the user guide's screenshots (docs/guide/img), taken from the real UI
 * in Chromium against a desk of demonstration cards, so that they are regenerated with the
 * interface, not drawn. test/integration/guide.test.ts fails when the guide names a picture
 * that is not there.
 */
const OUT = resolve(repoRoot, 'docs/guide/img');
const dataDir = mkdtempSync(join(tmpdir(), 'otklik-screens-'));

const seeded = createCore({
  dataDir,
  resourcesDir: resolve(repoRoot, 'resources'),
  version: '1.0.0',
});
seedCards(seeded, 400, { seed: 7 });
seeded.close();

const desk = await startBrowserMode({ dataDir, port: 0, dev: false });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--lang=ru-RU'],
});
const context = await browser.newContext({
  viewport: { width: 1366, height: 800 },
  locale: 'ru-RU',
  timezoneId: 'Europe/Moscow',
});
const page = await context.newPage();
mkdirSync(OUT, { recursive: true });
const shot = async (name: string, p: Page = page) => {
  await p.waitForLoadState('networkidle');
  // Notifications (the deadlines reminder) would cover the page: hidden from the picture.
  await p.addStyleTag({ content: '.mantine-Notifications-root{display:none!important}' });
  await p.waitForTimeout(500); // transitions end
  await p.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`docs/guide/img/${name}.png`);
};
const go = (hash: string) => page.goto(new URL(`/#${hash}`, desk.url).toString());

try {
  await page.goto(desk.url);
  await page.getByRole('heading', { name: /^Первый запуск/ }).waitFor();
  await shot('first-start');
  await completeFirstStart(page, {
    login: 'admin',
    fullName: 'Иванова Анна Сергеевна',
    password: 'guide-screens-password',
  });
  await page.getByTestId('total').waitFor();
  await page.getByTestId('setup-checklist').waitFor();
  await shot('checklist');
  await page.getByTestId('setup-checklist').getByRole('button', { name: 'Скрыть' }).click();
  await shot('card-list');

  await go('/appeals/new');
  await page.getByLabel('Фамилия, имя, отчество').fill('Смирнов Петр Иванович');
  await page
    .getByLabel('Содержание обращения')
    .fill('Прошу отремонтировать освещение во дворе дома 12 по улице Ленина.');
  await shot('card-new');

  await go('/appeals');
  await page.getByRole('searchbox').fill('дорога');
  await page.waitForTimeout(600);
  await shot('card-search');
  await page
    .getByRole('listitem')
    .filter({ hasText: /-\d{4}-\d{6}/ })
    .first()
    .getByRole('link')
    .click();
  await page.getByTestId('reg-number').waitFor();
  await shot('card-view');

  await go('/schedule');
  await shot('schedule');
  await go('/deadlines');
  await shot('deadlines');
  await go('/surveys');
  await shot('surveys');
  await go('/surveys/paper');
  await shot('paper');
  await go('/reports');
  await page.getByTestId('total').or(page.getByRole('table').first()).first().waitFor();
  await shot('reports');
  await go('/sync');
  await shot('sync');
  await go('/settings');
  await shot('settings');

  await coreCall(page, 'kiosk.saveSettings', {
    idleSeconds: 60,
    keepPartial: false,
    pin: '246810',
  });
  const kiosk = await context.newPage();
  await kiosk.goto(new URL('/kiosk', desk.url).toString());
  await kiosk.getByRole('button', { name: /^ОЦЕНКА удовлетворенности/ }).click();
  await shot('kiosk', kiosk);
} finally {
  await browser.close();
  await desk.close();
  rmSync(dataDir, { recursive: true, force: true });
}
