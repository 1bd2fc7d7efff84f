import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quarterPeriod } from '../../src-shared/reports/period';
import type { SurveyResults } from '../../src-shared/reports/survey-results';
import { ok, startDesk, type Desk } from '../helpers/central';
import { serverCli, spawnServer } from '../helpers/server-process';
import { axe } from './axe';
import { SEED_003 } from '../helpers/online';

/**
 * Issue 18: a survey published online from the console, answered by visitors on their phones
 * (Chromium with a phone's screen and touch) against the real central server; the answers
 * reach the console's results and, after a sync, the desk's.
 */
const PHONE = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  locale: 'ru-RU',
  userAgent:
    'Mozilla/5.0 (Linux; Android 8.1.0; Redmi 5 Plus) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/80.0.3987.99 Mobile Safari/537.36',
};

const option = (page: Page, question: string, name: string | RegExp) =>
  page.locator(`[data-question="${question}"]`).getByRole('radio', { name });

async function phone(browser: Browser) {
  const context = await browser.newContext(PHONE);
  return { context, page: await context.newPage() };
}

test.describe('online surveys', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let server: Awaited<ReturnType<typeof spawnServer>>;
  let key: Record<string, string>;
  let url = '';
  let password = '';
  let desk: Desk | null = null;

  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'otklik-online-'));
    env = { OTKLIK_SERVER_DATA: dir, DATABASE_URL: '' };
    serverCli(env, 'office', 'create', 'MIN01', 'Министерство социальной политики');
    const token = /: (\S+)$/m.exec(serverCli(env, 'admin', 'create', 'Автоматизация'))![1]!;
    key = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    server = await spawnServer(env);
    const year = new Date().getFullYear();
    const r = await fetch(`${server.url}/v1/console/reference/campaign`, {
      method: 'POST',
      headers: key,
      body: JSON.stringify({
        templateId: SEED_003,
        title: 'Оценка качества услуг онлайн',
        startsOn: `${year}-01-01`,
        endsOn: `${year}-12-31`,
        serviceIds: [],
        deskCodes: [],
        channels: ['kiosk', 'paper', 'online'],
        active: true,
      }),
    });
    expect(r.status).toBe(200);
  });
  test.afterAll(async () => {
    await server?.stop();
    desk?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an administrator publishes a campaign online; its address, QR code and snippet', async ({
    page,
  }) => {
    password = /Пароль \(показывается один раз\): (\S+)/.exec(
      serverCli(env, 'account', 'create', 'admin1', '--role', 'admin', '--name', 'Администратор'),
    )![1]!;
    await page.goto(`${server.url}/console/`);
    await page.getByLabel('Имя пользователя').fill('admin1');
    await page.getByLabel(/^Пароль/).fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('link', { name: 'Онлайн-опросы' }).click();
    await expect(page.getByRole('heading', { name: 'Онлайн-опросы' })).toBeVisible();
    await page.getByRole('combobox', { name: 'Опрос' }).click();
    await page.getByRole('option', { name: /Оценка качества услуг онлайн/ }).click();
    await page.getByRole('combobox', { name: 'Для кого' }).click();
    await page.getByRole('option', { name: /Министерство социальной политики/ }).click();
    await page
      .getByLabel('Текст после завершения')
      .fill('Опрос завершён. Спасибо! Итоги — на сайте министерства.');
    await page.getByRole('button', { name: 'Опубликовать' }).click();
    const card = page.getByTestId('online-survey');
    await expect(card).toHaveCount(1);
    await expect(card.getByTestId('online-state')).toHaveText('идёт');
    url = (await card.getByTestId('online-url').textContent())!;
    expect(url).toMatch(new RegExp(`^${server.url}/s/[a-km-z2-9]{12}$`));
    await expect(card.getByTestId('online-embed')).toContainText(`<iframe src="${url}"`);
    await expect(card.getByRole('img', { name: /QR-код/ })).toBeVisible();
    const svg = await page.request.get(`${url}/qr.svg`);
    expect(svg.headers()['content-type']).toMatch(/svg/);
    await axe(page, 'console online');
  });

  test('a visitor answers on a phone along both skip paths; a second answer is refused', async ({
    browser,
  }) => {
    // The first response already holds the first question (rendered by the central), its
    // stylesheet and its data; gzipped for a browser that takes it.
    const first = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(first.headers.get('content-encoding')).toBe('gzip');
    const html = await first.text();
    expect(html).toMatch(
      /<h2 id="q-q1">1\. (<!-- -->)?Укажите наименование государственной услуги/,
    );
    expect(html).toMatch(/<style>[\s\S]*\.kiosk-question\{/);
    expect(html).toContain('<script type="application/json" id="online-page">');

    // Path 1: q4 = МФЦ hides 5, q7 = provided hides 8.
    const a = await phone(browser);
    const errors: string[] = [];
    a.page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    a.page.on('pageerror', (e) => errors.push(e.message));
    await a.page.goto(url);
    await expect(
      a.page.getByRole('heading', { name: /^1\. Укажите наименование государственной услуги/ }),
    ).toBeVisible();
    await expect(a.page.getByText('Министерство социальной политики')).toBeVisible();
    await axe(a.page, 'online survey');
    // The page fits the phone: nothing wider than the screen but the grid, which scrolls.
    expect(await a.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    // Hydrated, not drawn again: no mismatch reported, and the page answers taps.
    expect(errors).toEqual([]);
    await option(a.page, 'q3', '4 балла').tap();
    await expect(option(a.page, 'q3', '4 балла')).toHaveAttribute('aria-checked', 'true');
    await option(a.page, 'q4', /^При личном обращении в многофункциональный центр/).tap();
    await expect(a.page.locator('[data-question="q5"]')).toHaveCount(0);
    await option(a.page, 'q7', 'Да, услуга предоставлена').tap();
    await expect(a.page.locator('[data-question="q8"]')).toHaveCount(0);
    await a.page.getByRole('radio', { name: 'Информирование о статусе услуги: 5' }).tap();
    await option(a.page, 'q13', 'Женский').tap();
    await a.page.getByRole('button', { name: 'Отправить анкету' }).tap();
    await expect(
      a.page.getByRole('heading', { name: 'Спасибо! Ваши ответы приняты.' }),
    ).toBeVisible();
    await axe(a.page, 'online thanks');
    // The same browser again: politely refused, in the page and at the server.
    await a.page.reload();
    await expect(
      a.page.getByRole('heading', { name: 'Вы уже ответили на этот опрос' }),
    ).toBeVisible();
    const again = await a.page.request.post(`${server.url}/v1/online/${url.split('/s/')[1]}`, {
      data: { answers: { q3: 5 }, serviceId: null, officeCode: null },
    });
    expect(again.status()).toBe(409);
    expect((await again.json()).message).toMatch(/уже ответили/);
    await a.context.close();

    // Path 2, large text and contrast: q4 = портал shows 5, q7 = not provided shows 8; the
    // page is reloaded half way and keeps what was typed.
    const b = await phone(browser);
    await b.page.goto(url);
    await b.page.getByRole('button', { name: 'Крупный шрифт' }).tap();
    await b.page.getByRole('button', { name: 'Контраст' }).tap();
    await option(b.page, 'q4', /^При обращении посредством федеральной/).tap();
    await expect(b.page.locator('[data-question="q5"]')).toHaveCount(1);
    await option(b.page, 'q5', '5 баллов').tap();
    // The tab's draft also holds an answer to a question this version does not have (an older
    // version's, or edited by hand): it is dropped on restore, not left to block the answer.
    await b.page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('otklik.draft.'))!;
      const draft = JSON.parse(sessionStorage.getItem(key)!) as { answers: object };
      sessionStorage.setItem(
        key,
        JSON.stringify({ ...draft, answers: { ...draft.answers, q99: 'старая версия' } }),
      );
    });
    await b.page.reload();
    await expect(b.page.getByText('Мы восстановили ответы')).toBeVisible();
    await expect(option(b.page, 'q5', '5 баллов')).toHaveAttribute('aria-checked', 'true');
    await option(b.page, 'q7', 'Нет, услуга не предоставлена').tap();
    await expect(b.page.locator('[data-question="q8"]')).toHaveCount(1);
    await option(b.page, 'q8', 'Скорее удовлетворен').tap();
    await option(b.page, 'q14', '30-44 лет').tap();
    await b.page.getByRole('button', { name: 'Отправить анкету' }).tap();
    await expect(
      b.page.getByRole('heading', { name: 'Спасибо! Ваши ответы приняты.' }),
    ).toBeVisible();
    await b.context.close();
  });

  test('five answers reach the console’s results and, after a sync, the desk’s', async ({
    page,
  }) => {
    const slug = url.split('/s/')[1]!;
    // Three more visitors (each a browser of its own): the office's first batch of five.
    for (let i = 0; i < 3; i++) {
      const r = await fetch(`${server.url}/v1/online/${slug}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answers: { q3: 5, q4: 'mfc' }, serviceId: null, officeCode: null }),
      });
      expect(r.status).toBe(200);
    }
    const year = new Date().getFullYear();
    const quarter = Math.floor(new Date().getMonth() / 3) + 1;
    const period = quarterPeriod(year, quarter as 1 | 2 | 3 | 4);
    const results = (await (
      await fetch(
        `${server.url}/v1/admin/reports/surveys?templateId=${SEED_003}&from=${period.from}&to=${period.to}`,
        { headers: key },
      )
    ).json()) as SurveyResults;
    expect(results.byChannel.find((c) => c.channel === 'online')?.responses).toBe(5);

    // The console shows the day's count.
    await page.goto(`${server.url}/console/`);
    await page.getByLabel('Имя пользователя').fill('admin1');
    await page.getByLabel(/^Пароль/).fill(password);
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('link', { name: 'Онлайн-опросы' }).click();
    await expect(page.getByTestId('online-days')).toContainText('принято 5, отклонено 1');

    desk = startDesk({});
    const code = /: ([A-Z0-9-]{14}) /.exec(serverCli(env, 'enroll-code', 'MIN01'))![1]!;
    await desk.services.sync.enroll(server.url, code, 'Окно 1');
    const run = await desk.services.sync.syncNow();
    expect(run.agreement?.agrees).toBe(true);
    const onDesk = ok(
      desk.dispatch('reports.surveys', {
        templateId: SEED_003,
        period,
        campaignId: null,
        serviceId: null,
      }),
    ) as SurveyResults;
    expect(onDesk.byChannel).toEqual([
      { channel: 'kiosk', responses: 0 },
      { channel: 'paper', responses: 0 },
      { channel: 'online', responses: 5 },
    ]);
  });

  test('a closed survey shows its closing page', async ({ browser }) => {
    const list = (await (
      await fetch(`${server.url}/v1/console/online`, { headers: key })
    ).json()) as { id: string; days: { accepted: number }[] }[];
    expect(list[0]!.days[0]!.accepted).toBe(5);
    const r = await fetch(`${server.url}/v1/console/online/${list[0]!.id}/close`, {
      method: 'POST',
      headers: key,
      body: '{}',
    });
    expect(r.status).toBe(200);
    const c = await phone(browser);
    await c.page.goto(url);
    await expect(c.page.getByRole('heading', { name: 'Опрос завершён' })).toBeVisible();
    await expect(
      c.page.getByText('Опрос завершён. Спасибо! Итоги — на сайте министерства.'),
    ).toBeVisible();
    await axe(c.page, 'online closed');
    await c.context.close();
  });
});
