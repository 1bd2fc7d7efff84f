import { expect, test } from './fixtures';
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { coreCall } from './core-call';
import { createCard, ensureReference } from './helpers';
import { CENTRAL_PORT } from './ports';

/** A one-time enrollment code from the central server's CLI, as its administrator gets one. */
function enrollmentCode(): string {
  const out = execFileSync('npx', ['tsx', 'src-server/main.ts', 'enroll-code', 'E2E'], {
    env: { ...process.env, OTKLIK_SERVER_DATA: process.env.OTKLIK_E2E_CENTRAL, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  return /: ([A-Z0-9-]{14}) /.exec(out)![1]!;
}

test('an officer connects the desk to the central server, syncs, sees agreement, saves a package and leaves', async ({
  page,
}) => {
  await ensureReference(page, 'Сидоров Сидор Сидорович', 'Назначение пособия');
  await page.goto('/#/sync');
  const badge = page.getByTestId('sync-indicator');
  await expect(badge).toHaveText('Автономно');

  await page.getByLabel('Адрес сервера').fill(`http://127.0.0.1:${CENTRAL_PORT}`);
  await page.getByLabel('Код подключения').fill('AAAA-BBBB-CCCC');
  await page.getByLabel('Название рабочего места').fill('Приемная, окно 1');
  await page.getByRole('button', { name: 'Подключить' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Сервер отказал в доступе' })).toHaveText(
    'Сервер отказал в доступе: Код подключения неверен, уже использован или истёк.',
  );

  // Plain http:// to another machine is refused before anything is sent (a documentation
  // address: nothing listens there), and the form offers the administrator's explicit choice.
  await page.getByLabel('Адрес сервера').fill('http://192.0.2.10:8787');
  await page.getByRole('button', { name: 'Подключить' }).click();
  await expect(page.getByText(/Сервер без TLS \(http:\/\/\) вне этого компьютера/)).toBeVisible();
  await expect(page.getByLabel('Разрешить http:// без TLS (небезопасно)')).not.toBeChecked();

  await page.getByLabel('Адрес сервера').fill(`http://127.0.0.1:${CENTRAL_PORT}`);
  await page.getByLabel('Код подключения').fill(enrollmentCode());
  await page.getByRole('button', { name: 'Подключить' }).click();
  await expect(page.getByRole('cell', { name: 'Министерство (E2E) (E2E)' })).toBeVisible();
  await expect(page.getByRole('cell', { name: /^совпадает с центром на/ })).toBeVisible({
    timeout: 30_000,
  });
  await expect(badge).toHaveText(/^Синхронизировано/);

  // A card written now waits for the next sync; "Sync now" sends it and the check agrees again.
  const [official] = await coreCall<{ id: string }[]>(page, 'officials.list', {});
  const card = await createCard(page, official!.id, {
    visitorName: 'Кузнецова Мария',
    content: 'Вопрос о пособии',
  });
  expect(card.regNumber).toBeTruthy();
  await page.getByRole('button', { name: 'Синхронизировать сейчас' }).click();
  await expect(
    page.getByRole('cell', { name: /^изменений карточек: 0, анкет: \d+/ }),
  ).toBeVisible();
  await expect(page.getByRole('cell', { name: /^совпадает с центром на/ })).toBeVisible();

  // One change the central cannot take (a card it has never seen, sent as a fragment) is set
  // aside with the reason in Russian; everything else goes on, and the administrator exports
  // and discards it.
  const db = new Database(join(process.env.OTKLIK_E2E_DATA!, 'otklik.sqlite'));
  const node = db.prepare("SELECT value FROM settings WHERE key = 'sync_node'").pluck().get();
  db.prepare(
    'INSERT INTO sync_outbox (change_id, entity, entity_id, hlc, fields) VALUES (?, ?, ?, ?, ?)',
  ).run(
    randomUUID(),
    'appeal',
    randomUUID(),
    `${String(Date.now()).padStart(15, '0')}-0000-${String(node)}`,
    JSON.stringify({ content: 'Обрывок карточки' }),
  );
  db.close();
  await page.getByRole('button', { name: 'Синхронизировать сейчас' }).click();
  const refused = page.getByTestId('refused-row');
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText('должно содержать её целиком');
  await expect(page.getByRole('cell', { name: /^изменений карточек: 0/ })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Выгрузить все (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/otklonennye.*\.jsonl$/);
  await refused.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Удалить выбранные (1)' }).click();
  await expect(refused).toHaveCount(0);

  await page.getByRole('button', { name: 'Сохранить пакет' }).click();
  await expect(page.getByRole('status')).toContainText(/Пакет сохранен: изменений \d+/);
  await expect(page.getByRole('status')).toContainText('.otkp');

  await page.getByRole('button', { name: 'Отключиться от сервера' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Отключиться от сервера' }).click();
  await expect(badge).toHaveText('Автономно');
  await expect(page.getByRole('button', { name: 'Подключить' })).toBeVisible();
});
