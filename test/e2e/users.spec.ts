import { expect, test, E2E_ADMIN, harnessCall, sessionFor } from './fixtures';
import { PORT } from './ports';
import { createCard, uniq } from './helpers';
import { coreCall } from './core-call';

const ORIGIN = `http://127.0.0.1:${PORT}`;

test('the administrator adds a registrar, who signs in and is refused the users screen', async ({
  page,
  browser,
}) => {
  const login = uniq('reg').toLowerCase();
  await page.goto('/#/users');
  await expect(page.getByRole('heading', { name: 'Пользователи рабочего места' })).toBeVisible();
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('ФИО').fill('Регистратор Р. Р.');
  await page.getByRole('textbox', { name: 'Пароль' }).fill('short');
  await page.getByRole('button', { name: 'Сохранить пользователя' }).click();
  await expect(page.getByText('Пароль — не короче 8 знаков')).toBeVisible();
  await page.getByRole('textbox', { name: 'Пароль' }).fill('registrar-password');
  await page.getByRole('button', { name: 'Сохранить пользователя' }).click();
  await expect(page.getByRole('cell', { name: login, exact: true })).toBeVisible();

  // Another window, nobody signed in: the sign-in form, then the registrar's own menu.
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto(`${ORIGIN}/#/users`);
  await expect(other.getByRole('heading', { name: 'Вход в систему' })).toBeVisible();
  await other.getByLabel('Логин').fill(login);
  await other.getByLabel('Пароль').fill('wrong-password');
  await other.getByRole('button', { name: 'Войти' }).click();
  await expect(other.getByText('Неверный логин или пароль')).toBeVisible();
  await other.getByLabel('Пароль').fill('registrar-password');
  await other.getByRole('button', { name: 'Войти' }).click();
  await expect(other.getByTestId('current-user')).toHaveText('Регистратор Р. Р. · Регистратор');
  await expect(other.getByRole('heading', { name: 'Недостаточно прав' })).toBeVisible();
  await expect(
    other.getByRole('alert').filter({ hasText: 'Этот раздел доступен ролям' }),
  ).toContainText('Администратор');
  await expect(other.getByRole('link', { name: 'Пользователи' })).toHaveCount(0);
  await expect(other.getByRole('link', { name: 'Новая карточка' })).toBeVisible();
  // The core refuses the registrar whatever the screen shows.
  const session = await other.evaluate(() => sessionStorage.getItem('otklik.session'));
  await expect(harnessCall(other.request, ORIGIN, 'users.list', {}, session)).rejects.toThrow(
    /forbidden/,
  );
  await context.close();
});

test('the audit trail shows who changed a card’s field, from what to what', async ({ page }) => {
  await page.goto('/#/appeals');
  const officials = await coreCall<{ id: string }[]>(page, 'officials.list', {});
  const officialId =
    officials[0]?.id ??
    (
      await coreCall<{ id: string }>(page, 'officials.save', {
        fullName: 'Сергеев С. С.',
        position: 'Министр',
        active: true,
      })
    ).id;
  const card = await createCard(page, officialId, { content: 'Первоначальный текст' });
  const full = await coreCall<Record<string, unknown>>(page, 'appeals.get', { id: card.id });
  const { id, regNumber, deskCode, dueDate, overdue, createdAt, updatedAt, ...data } = full;
  void [regNumber, deskCode, dueDate, overdue, createdAt];
  await coreCall(page, 'appeals.update', {
    id,
    expectedUpdatedAt: updatedAt,
    data: { ...data, content: 'Уточненный текст' },
  });
  await page.goto(`/#/appeals/${card.id}`);
  const trail = page.getByRole('table', { name: 'Журнал изменений' });
  await expect(trail).toBeVisible();
  const row = trail.getByRole('row').filter({ hasText: 'Содержание обращения' });
  await expect(row).toContainText(E2E_ADMIN.fullName);
  await expect(row).toContainText('Первоначальный текст');
  await expect(row).toContainText('Уточненный текст');
  await expect(trail.getByRole('row').filter({ hasText: 'Карточка зарегистрирована' })).toHaveCount(
    1,
  );

  // A scan attached to the card is listed, waits for the central server, and is in the trail;
  // a file that is not a scan is refused with a Russian message.
  const fileInput = page.locator('input[type="file"]');
  await fileInput.setInputFiles({
    name: 'заметки.txt',
    mimeType: 'application/pdf',
    buffer: Buffer.from('не скан'),
  });
  await expect(page.getByText('Прикрепляются сканы: PDF, JPEG, PNG или TIFF')).toBeVisible();
  await fileInput.setInputFiles({
    name: 'заявление.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\nскан\n%%EOF'),
  });
  const files = page.getByRole('table', { name: 'Документы (сканы)' });
  await expect(files.getByRole('row').filter({ hasText: 'заявление.pdf' })).toContainText(
    'ждет отправки в центр',
  );
  await expect(trail.getByRole('row').filter({ hasText: 'заявление.pdf' })).toContainText(
    'Документы (сканы)',
  );
  const download = page.waitForEvent('download');
  await files.getByRole('button', { name: 'Сохранить копию' }).click();
  expect((await download).suggestedFilename()).toBe('заявление.pdf');
});

test('the screen locks by hand and opens with the user’s password only', async ({
  page,
  request,
}) => {
  await page.goto('/#/appeals');
  await page.getByRole('button', { name: 'Заблокировать экран' }).click();
  await expect(page.getByRole('heading', { name: 'Экран заблокирован' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await page.getByLabel('Пароль').fill('not-the-password');
  await page.getByRole('button', { name: 'Разблокировать' }).click();
  await expect(page.getByText('Неверный пароль')).toBeVisible();
  await page.getByLabel('Пароль').fill(E2E_ADMIN.password);
  await page.getByRole('button', { name: 'Разблокировать' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
  // A fresh session of the same user is not locked by another window's lock.
  expect(await sessionFor(request, ORIGIN)).toBeTruthy();
});
