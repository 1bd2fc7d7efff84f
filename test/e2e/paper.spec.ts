import { expect, test, type Page } from './fixtures';
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { coreCall } from './core-call';
import { choose, ensureReference } from './helpers';

type Template = { id: string; builtinKey: string | null; status: string };

async function form003(page: Page): Promise<Template> {
  await page.goto('/');
  const templates = await coreCall<Template[]>(page, 'surveys.templates', {});
  return templates.find((t) => t.builtinKey === 'service-satisfaction-003')!;
}

function paperResponses() {
  const db = new Database(join(process.env.OTKLIK_E2E_DATA!, 'otklik.sqlite'), { readonly: true });
  try {
    return db.prepare("SELECT * FROM survey_responses WHERE channel = 'paper'").all() as Record<
      string,
      unknown
    >[];
  } finally {
    db.close();
  }
}

test.describe.configure({ mode: 'serial' });

test('the blank paper form has the kiosk’s words and numbering, the jump notes, and prints to PDF', async ({
  page,
}) => {
  const form = await form003(page);
  await coreCall(page, 'kiosk.saveSettings', {
    idleSeconds: 60,
    keepPartial: false,
    pin: '246810',
  });
  const year = new Date().getFullYear();
  await coreCall(page, 'surveys.saveCampaign', {
    templateId: form.id,
    title: 'Бланк E2E',
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
    serviceIds: [],
    channels: ['kiosk', 'paper'],
    active: true,
  });

  // The questions as the kiosk shows them to a visitor who has not answered yet (all visible).
  await page.goto('/kiosk');
  await page
    .getByRole('button', { name: /^ОЦЕНКА удовлетворенности/ })
    .first()
    .click();
  // allInnerTexts does not wait: the count first, so a list still rendering is not read empty.
  await expect(page.locator('[data-question] h2')).toHaveCount(15);
  const kiosk = await page.locator('[data-question] h2').allInnerTexts();

  await page.goto('/#/surveys');
  await page
    .getByTestId('template-row')
    .filter({ hasText: /^ОЦЕНКА удовлетворенности/ })
    .filter({ hasText: 'Опубликована' })
    .first()
    .getByRole('button', { name: 'Печать бланка' })
    .click();
  await expect(page).toHaveURL(new RegExp(`#/print/survey/${form.id}$`));
  await expect(page.getByRole('button', { name: 'Печать', exact: true })).toBeVisible();
  await expect(page.locator('.paper-question h2')).toHaveCount(kiosk.length);
  const paper = await page.locator('.paper-question h2').allInnerTexts();
  expect(paper).toEqual(kiosk);
  await expect(page.locator('.paper-question[data-question="q4"]')).toContainText(
    '-> ПЕРЕХОД К 6 ВОПРОСУ',
  );
  await expect(page.locator('.paper-matrix tbody tr')).toHaveCount(5);

  // What the print dialog would send to the printer: the toolbar gone, A4 pages.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Печать', exact: true })).toBeHidden();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  expect(pages.length).toBeGreaterThanOrEqual(2);
  expect(pages.length).toBeLessThanOrEqual(6);
});

test('an operator types in a returned paper form with the keyboard only; it is saved as paper', async ({
  page,
}) => {
  await ensureReference(page, 'Петров Петр Петрович', 'Назначение пособия на ребенка');
  const form = await form003(page);
  const year = new Date().getFullYear();
  await coreCall(page, 'surveys.saveCampaign', {
    templateId: form.id,
    title: 'Бумажные анкеты E2E',
    startsOn: `${year}-01-01`,
    endsOn: `${year}-12-31`,
    serviceIds: [],
    channels: ['paper'],
    active: true,
  });
  const before = paperResponses().length;
  const filled = new Date();
  if (filled.getDate() > 3) filled.setDate(filled.getDate() - 3);
  const date = `${filled.getFullYear()}-${String(filled.getMonth() + 1).padStart(2, '0')}-${String(filled.getDate()).padStart(2, '0')}`;

  await page.goto('/#/surveys');
  await page.getByRole('link', { name: 'Ввод бумажных анкет' }).click();
  await choose(page, 'Опрос', 'Бумажные анкеты E2E');
  await page.getByLabel('Дата заполнения анкеты').fill(date);
  await page.getByRole('group', { name: 'Ответы анкеты' }).focus();

  const keys = async (s: string) => {
    for (const token of s.match(/\{[^}]+\}|./g) ?? []) {
      await page.keyboard.press(token.startsWith('{') ? token.slice(1, -1) : token);
    }
  };
  await keys('1{Enter}'); // q1: the first service of the list
  await keys('13{Enter}'); // q2: options 1 and 3
  await keys('4{Enter}'); // q3: «4 балла»
  await keys('2'); // q4: «В учреждении…» → ПЕРЕХОД К 6 ВОПРОСУ
  await expect(page.locator('[data-question="q5"]')).toHaveCount(0);
  await keys('{Enter}');
  await expect(page.locator('[data-question="q6"]')).toHaveAttribute('aria-current', 'step');
  await keys('2{Enter}1{Enter}'); // q6, q7 «Да, услуга предоставлена» → ПЕРЕХОД к ВОПРОСУ 9
  await expect(page.locator('[data-question="q8"]')).toHaveCount(0);
  await keys('54321{Enter}'); // q9: one score a row
  await keys('1{Enter}2{Enter}3{Enter}2{Enter}4{Enter}3{Enter}'); // q10…q15
  await expect(page.getByRole('button', { name: 'Сохранить анкету' })).toBeFocused();
  await keys('{Enter}');
  await expect(page.getByText('Введено анкет: 1')).toBeVisible();
  // The screen is clean for the next form: nothing of the previous one stays visible.
  await expect(page.locator('[aria-pressed="true"]')).toHaveCount(0);

  const stored = paperResponses();
  expect(stored).toHaveLength(before + 1);
  const row = stored.at(-1)!;
  const answers = JSON.parse(String(row.answers));
  expect(answers).toEqual({
    q1: row.service_id,
    q2: ['gosuslugi', 'in_person'],
    q3: 4,
    q4: 'institution',
    q6: 'applied',
    q7: 'provided',
    q9: { application: 5, status_info: 4, documents: 3, speed: 2, electronic: 1 },
    q10: 'satisfied',
    q11: 'not_satisfied',
    q12: 'difficult',
    q13: 'female',
    q14: '61_plus',
    q15: 'vocational',
  });
  expect(row.service_id).toEqual(expect.any(String));
  expect(row.channel).toBe('paper');
  expect(row.complete).toBe(1);
  expect(row.response_date).toBe(date);
  expect(JSON.stringify(row)).not.toMatch(/\d{2}:\d{2}/);
  // Nothing that names a person: the office's officials and visitors appear nowhere in it.
  expect(JSON.stringify(row)).not.toContain('Петров');
  expect(readFileSync(join(process.env.OTKLIK_E2E_DATA!, 'otklik.sqlite')).length).toBeGreaterThan(
    0,
  );
});
