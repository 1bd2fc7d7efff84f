import { expect, test, type Page } from './fixtures';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { PIN, setUpCampaign } from './kiosk-setup';

function responses() {
  const db = new Database(join(process.env.OTKLIK_E2E_DATA!, 'otklik.sqlite'), { readonly: true });
  try {
    return db.prepare('SELECT * FROM survey_responses').all() as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

const option = (page: Page, question: string, name: string | RegExp) =>
  page.locator(`[data-question="${question}"]`).getByRole('radio', { name });

test.describe.configure({ mode: 'serial' });

test('a visitor fills seed 003 on the kiosk, taking the jumps to 6 and to 9', async ({ page }) => {
  await setUpCampaign(page);
  const before = responses().length;
  await page.goto('/kiosk');
  await page
    .getByRole('button', { name: /^ОЦЕНКА удовлетворенности/ })
    .first()
    .click();
  await expect(
    page.getByRole('heading', { name: /^5\. Насколько Вы удовлетворены работой/ }),
  ).toBeVisible();

  await option(page, 'q3', '4 балла').click();
  // «При личном обращении в МФЦ → ПЕРЕХОД К 6 ВОПРОСУ»: question 5 disappears.
  await option(page, 'q4', /^При личном обращении в многофункциональный центр/).click();
  await expect(page.locator('[data-question="q5"]')).toHaveCount(0);
  await option(page, 'q6', 'Я сам(-а) обратился(-ась) в Учреждение').click();
  // «Да, услуга предоставлена → ПЕРЕХОД к ВОПРОСУ 9»: question 8 disappears.
  await expect(page.locator('[data-question="q8"]')).toHaveCount(1);
  await option(page, 'q7', 'Да, услуга предоставлена').click();
  await expect(page.locator('[data-question="q8"]')).toHaveCount(0);
  await page.getByRole('radio', { name: 'Информирование о статусе услуги: 5' }).click();
  await option(page, 'q13', 'Женский').click();
  await option(page, 'q14', '30-44 лет').click();
  await page.getByRole('button', { name: 'Отправить анкету' }).click();
  await expect(
    page.getByRole('heading', { name: 'Спасибо! Ваши ответы сохранены.' }),
  ).toBeVisible();

  const stored = responses();
  expect(stored).toHaveLength(before + 1);
  const row = stored.find((r) => String(r.answers).includes('"q14":"30_44"'))!;
  expect(JSON.parse(String(row.answers))).toEqual({
    q3: 4,
    q4: 'mfc',
    q6: 'applied',
    q7: 'provided',
    q9: { status_info: 5 },
    q13: 'female',
    q14: '30_44',
  });
  // Date only; no time anywhere; nothing that points to a person or a reception card.
  expect(row.response_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(Object.keys(row).sort()).toEqual([
    // The agreement words (docs/sync.md «Kept words»): a hash of the row's own fields, computed
    // once the central has the response; empty before.
    'agree_0',
    'agree_1',
    'agree_2',
    'agree_3',
    'answers',
    'campaign_id',
    'channel',
    'complete',
    'id',
    'office',
    'pushed',
    'response_date',
    'service_id',
    'template_id',
  ]);
  expect(row.pushed).toBe(0); // a flag for sync (docs/anonymity.md), not a time
  expect([row.agree_0, row.agree_1, row.agree_2, row.agree_3]).toEqual([null, null, null, null]);
  expect(JSON.stringify(row)).not.toMatch(/\d{2}:\d{2}/);
  expect(row.channel).toBe('kiosk');

  // The thank-you screen goes back to the welcome screen by itself, clean.
  await expect(
    page.getByRole('heading', { name: 'Оцените, пожалуйста, качество нашей работы' }),
  ).toBeVisible({
    timeout: 15_000,
  });
});

test('an idle kiosk asks "are you still here?" and then starts over without the answers', async ({
  page,
}) => {
  await page.clock.install();
  await page.goto('/kiosk');
  await page
    .getByRole('button', { name: /^ОЦЕНКА удовлетворенности/ })
    .first()
    .click();
  await option(page, 'q3', '5 баллов').click();
  await page.clock.fastForward('00:21');
  await expect(page.getByRole('heading', { name: 'Вы ещё здесь?' })).toBeVisible();
  await page.clock.fastForward('00:16');
  await expect(
    page.getByRole('heading', { name: 'Оцените, пожалуйста, качество нашей работы' }),
  ).toBeVisible();
  await page
    .getByRole('button', { name: /^ОЦЕНКА удовлетворенности/ })
    .first()
    .click();
  await expect(option(page, 'q3', '5 баллов')).toHaveAttribute('aria-checked', 'false');
});

test('large text, high contrast and one question per screen, switched by the visitor', async ({
  page,
}) => {
  await page.goto('/kiosk');
  const size = () => page.locator('body').evaluate((b) => parseFloat(getComputedStyle(b).fontSize));
  const normal = await size();
  await page.getByRole('button', { name: 'Крупный шрифт' }).click();
  expect(await size()).toBeGreaterThan(normal * 1.3);
  await page.getByRole('button', { name: 'Контраст' }).click();
  await expect(page.locator('main.kiosk-root')).toHaveClass(/contrast/);
  await page
    .getByRole('button', { name: /^ОЦЕНКА удовлетворенности/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'По одному вопросу' }).click();
  await expect(page.getByText('Вопрос 1 из 15')).toBeVisible();
  await page.getByRole('button', { name: 'Далее' }).click();
  await expect(
    page.getByRole('heading', { name: /^2\. Где Вы получили информацию/ }),
  ).toBeVisible();
});

test('leaving the kiosk needs the administrator PIN; a wrong one is refused', async ({ page }) => {
  await page.goto('/kiosk');
  await page.getByRole('button', { name: 'Выход' }).click();
  for (const d of '1111') await page.getByRole('button', { name: d, exact: true }).click();
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText('Неверный PIN-код')).toBeVisible();
  await expect(page).toHaveURL(/\/kiosk/);
  for (const d of PIN) await page.getByRole('button', { name: d, exact: true }).click();
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page).not.toHaveURL(/\/kiosk/);
});

test('the officer opens the kiosk in a window of its own that carries no sign-in', async ({
  page,
}) => {
  await page.goto('/#/surveys');
  const signedIn = await page.evaluate(() => sessionStorage.getItem('otklik.session'));
  expect(signedIn).toBeTruthy();
  const [kiosk] = await Promise.all([
    page.waitForEvent('popup'),
    page.getByRole('button', { name: 'Открыть киоск' }).click(),
  ]);
  await expect(kiosk).toHaveURL(/\/kiosk$/);
  await expect(kiosk.getByRole('button', { name: 'Выход' })).toBeVisible();
  expect(await kiosk.evaluate(() => sessionStorage.getItem('otklik.session'))).toBeNull();
  // The officer's tab is where it was, still signed in.
  await expect(page).toHaveURL(/#\/surveys/);
  expect(await page.evaluate(() => sessionStorage.getItem('otklik.session'))).toBe(signedIn);
  await kiosk.close();
});

test('with the general assessment online, the thank-you screen and the printed form show its QR code', async ({
  page,
}) => {
  // What a sync brings when the region publishes the general assessment online (issue 18):
  // a campaign offered online only (so not on this kiosk) and its publication.
  const url = 'https://opros.example.ru/s/abcdefghjkmn';
  const db = new Database(join(process.env.OTKLIK_E2E_DATA!, 'otklik.sqlite'));
  db.pragma('busy_timeout = 5000');
  const template = db
    .prepare("SELECT id FROM survey_templates WHERE builtin_key = 'general-assessment'")
    .pluck()
    .get() as string;
  const year = new Date().getFullYear();
  db.prepare(
    `INSERT INTO survey_campaigns (id, template_id, title, starts_on, ends_on, service_ids,
       desk_codes, channels, active, created_at, updated_at)
     VALUES ('e2e00000-0000-4000-8000-000000000018', ?, 'Общая оценка онлайн', ?, ?, '[]', '[]',
       '["online"]', 1, 'now', 'now')`,
  ).run(template, `${year}-01-01`, `${year}-12-31`);
  db.prepare(
    `INSERT INTO online_surveys (id, campaign_id, office_code, url, open)
     VALUES ('e2e00000-0000-4000-8000-000000000019', 'e2e00000-0000-4000-8000-000000000018',
       NULL, ?, 1)`,
  ).run(url);
  try {
    await page.goto('/kiosk');
    await page
      .getByRole('button', { name: /^ОЦЕНКА удовлетворенности/ })
      .first()
      .click();
    await option(page, 'q3', '5 баллов').click();
    await page.getByRole('button', { name: 'Отправить анкету' }).click();
    const qr = page.getByTestId('thanks-online');
    await expect(qr).toContainText('Наведите камеру телефона');
    await expect(qr.locator(`svg[data-qr="${url}"]`)).toBeVisible();

    await page.goto(`/#/print/survey/${template}`);
    await expect(page.getByTestId('paper-online')).toContainText(url);
    await expect(page.getByTestId('paper-online').locator('svg')).toHaveAttribute('data-qr', url);
  } finally {
    db.prepare(
      "DELETE FROM online_surveys WHERE id = 'e2e00000-0000-4000-8000-000000000019'",
    ).run();
    db.prepare(
      "DELETE FROM survey_campaigns WHERE id = 'e2e00000-0000-4000-8000-000000000018'",
    ).run();
    db.close();
  }
});
