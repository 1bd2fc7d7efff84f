import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { coreCall } from './core-call';
import { CENTRAL_PORT } from './ports';

/** The central's CLI, as its administrator runs it. */
function serverCli(...args: string[]): string {
  return execFileSync('npx', ['tsx', 'src-server/main.ts', ...args], {
    env: { ...process.env, OTKLIK_SERVER_DATA: process.env.OTKLIK_E2E_CENTRAL, DATABASE_URL: '' },
    encoding: 'utf8',
  });
}

test('a release uploaded at the central is fetched in the background and offered in the header', async ({
  page,
}) => {
  const installer = join(process.env.OTKLIK_E2E_CENTRAL!, 'Otklik-9.9.9-x86_64.AppImage');
  writeFileSync(installer, Buffer.alloc(512 * 1024, 7));
  await page.goto('/#/sync');
  // This desk may have been enrolled before in the run (sync.spec.ts): its desk code is then
  // held at the central by its earlier device, so the administrator hands out a replacement.
  const { deskCode } = await coreCall<{ deskCode: string }>(page, 'app.info', {});
  const code = /: ([A-Z0-9-]{14}) /.exec(
    serverCli('enroll-code', 'E2E', '--desk', deskCode, '--replace'),
  )![1]!;
  await page.getByLabel('Адрес сервера').fill(`http://127.0.0.1:${CENTRAL_PORT}`);
  await page.getByLabel('Код подключения').fill(code);
  await page.getByLabel('Название рабочего места').fill('Приемная, окно обновлений');
  await page.getByRole('button', { name: 'Подключить' }).click();
  await expect(page.getByTestId('sync-indicator')).toHaveText(/^Синхронизировано/, {
    timeout: 30_000,
  });
  try {
    expect(serverCli('release', 'add', '9.9.9', 'linux', installer, '--percent', '100')).toMatch(
      /Выпуск 9\.9\.9 \(linux\) загружен: 100 %/,
    );
    // The desk looks (on its timer in the app; asked here), downloads and verifies it.
    await coreCall(page, 'updates.check', {});
    await page.reload();
    const button = page.getByRole('button', { name: 'Установить обновление 9.9.9' });
    await expect(button).toBeVisible();
    // Not with a card open: the core refuses, and says why.
    await page.goto('/#/appeals/new');
    await button.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Установить сейчас' }).click();
    await expect(
      page.getByText('Сохраните или закройте карточку перед установкой обновления.'),
    ).toBeVisible();
    // Elsewhere it would install; browser mode cannot replace itself, and says so.
    await page.goto('/#/appeals');
    await button.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Установить сейчас' }).click();
    await expect(page.getByText(/В режиме браузера обновление не устанавливается/)).toBeVisible();
  } finally {
    serverCli('release', 'withdraw', '9.9.9', 'linux');
    await coreCall(page, 'updates.check', {});
    await page.goto('/#/sync');
    await page.getByRole('button', { name: 'Отключиться от сервера' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Отключиться от сервера' }).click();
  }
  await page.reload();
  await expect(page.getByRole('button', { name: /^Установить обновление/ })).toHaveCount(0);
});
