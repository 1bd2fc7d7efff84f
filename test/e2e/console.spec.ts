import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { serverCli, spawnServer } from '../helpers/server-process';
import { postgresBin, startPostgres, type Postgres } from '../helpers/pg-server';
import { officialOf, ok, startDesk, type Desk } from '../helpers/central';
import { appealInput } from '../helpers/appeal-input';
import { axe } from './axe';
import { PROTOCOL_VERSION } from '../../src-shared/sync/protocol';

/**
 * The central's console in Chromium against the real central server (its own process, as
 * `npm run server` runs it) on SQLite and, where Debian's PostgreSQL is installed, on
 * PostgreSQL; with real desk cores that enroll with the codes the console hands out.
 */
const backends = postgresBin() ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const);

/** Last year: its first quarter holds the tests' cards whatever today's date. */
const YEAR = new Date().getFullYear() - 1;

/** I квартал of last year in the period picker. */
async function firstQuarter(page: Page) {
  await page.getByText('I квартал', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Год' }).click();
  await page.getByRole('option', { name: String(YEAR) }).click();
}

async function signIn(page: Page, url: string, login: string, password: string) {
  await page.goto(`${url}/console/`);
  await page.getByLabel('Имя пользователя').fill(login);
  await page.getByLabel(/^Пароль/).fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByTestId('console-user')).toBeVisible();
}

for (const backend of backends) {
  test.describe(`central console on ${backend}`, () => {
    // One region, one story: each test builds on the one before.
    test.describe.configure({ mode: 'serial', timeout: 180_000 });
    let pg: Postgres | null = null;
    let dir: string;
    let env: NodeJS.ProcessEnv;
    let server: Awaited<ReturnType<typeof spawnServer>>;
    const desks: Desk[] = [];

    test.beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'otklik-console-'));
      if (backend === 'postgres') pg = await startPostgres();
      env = {
        OTKLIK_SERVER_DATA: dir,
        DATABASE_URL: pg ? pg.newDatabase() : '',
      };
      server = await spawnServer(env);
    });
    test.afterAll(async () => {
      await server?.stop();
      for (const d of desks) d.cleanup();
      pg?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    /** A new account made with the CLI (the first administrator) or the console; its password. */
    const cliAccount = (login: string, role: string, office?: string): string =>
      /Пароль \(показывается один раз\): (\S+)/.exec(
        serverCli(
          env,
          'account',
          'create',
          login,
          '--role',
          role,
          '--name',
          `Сотрудник ${login}`,
          ...(office ? ['--office', office] : []),
        ),
      )![1]!;

    test('an administrator creates an office, enrolls a desk with a code from the console', async ({
      page,
    }) => {
      const password = cliAccount('admin1', 'admin');
      await signIn(page, server.url, 'admin1', password);
      await axe(page, 'reports');
      // The cookie the browser holds: HttpOnly (no script reads it), Secure, SameSite=Strict.
      const cookie = (await page.context().cookies()).find((c) =>
        c.name.startsWith('__Host-otklik-session'),
      )!;
      expect([cookie.httpOnly, cookie.secure, cookie.sameSite]).toEqual([true, true, 'Strict']);
      expect(await page.evaluate(() => document.cookie)).toBe('');

      await page.getByRole('link', { name: 'Органы и рабочие места' }).click();
      for (const [code, name] of [
        ['MIN01', 'Министерство здравоохранения'],
        ['MIN02', 'Министерство образования'],
      ] as const) {
        await page.getByRole('textbox', { name: /^Код/ }).fill(code);
        await page.getByLabel('Название').fill(name);
        await page.getByRole('button', { name: 'Создать орган' }).click();
        await expect(page.getByTestId(`office-${code}`)).toBeVisible();
      }
      await axe(page, 'offices');
      for (const [office, n] of [
        ['MIN01', 2],
        ['MIN02', 4],
      ] as const) {
        await page
          .getByTestId(`office-${office}`)
          .getByRole('button', { name: 'Код подключения' })
          .click();
        await page.getByRole('button', { name: 'Выдать код' }).click();
        const code = (await page.getByTestId('enrollment-code').textContent())!;
        expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
        await expect(page.getByText(/Действует до \d\d\.\d\d\.\d{4}/)).toBeVisible();
        await expect(page.getByRole('dialog')).toBeVisible();
        await page.getByRole('button', { name: 'Готово' }).click();
        // A real desk enrolls with the code and sends its cards of the first quarter.
        const desk = startDesk({ now: () => new Date(`${YEAR}-04-20T09:00:00`) });
        desks.push(desk);
        await desk.services.sync.enroll(server.url, code, `Приёмная ${office}`);
        const o = officialOf(desk);
        for (let i = 0; i < n; i++) {
          ok(
            desk.dispatch('appeals.create', {
              data: appealInput(o, {
                registeredAt: `${YEAR}-02-1${i}T10:00`,
                kind: i % 2 ? 'complaint' : 'statement',
                visitorName: `Заявитель ${office} ${i}`,
              } as never),
            }),
          );
        }
        await desk.services.sync.syncNow();
      }
      await page.reload();
      await expect(page.getByTestId('office-MIN02').getByText('Приёмная MIN02')).toBeVisible();
      await expect(page.getByTestId('office-MIN02').getByText('Карточек: 4')).toBeVisible();
      // Each desk said how it stands after its sync: version, nothing pending, agreement.
      await expect(page.getByTestId('office-MIN02').getByTestId('desk-agreement')).toHaveText(
        'совпадает',
      );
      await expect(page.getByTestId('office-MIN02')).toContainText(
        `test · протокол ${PROTOCOL_VERSION}`,
      );
      await expect(page.getByTestId('office-MIN02')).toContainText('0 / 0');

      // An offline package from MIN01's desk (a card of April, away from the network), carried
      // in through the console: chosen with the file dialog, then dropped again (nothing twice).
      const offline = desks[0]!;
      ok(
        offline.dispatch('appeals.create', {
          data: appealInput(officialOf(offline), {
            registeredAt: `${YEAR}-04-02T10:00`,
            visitorName: 'Заявитель без сети',
          } as never),
        }),
      );
      const pkg = ok<{ path: string }>(offline.dispatch('sync.exportPackage', { kind: 'pending' }));
      await page.getByRole('link', { name: 'Пакеты без сети' }).click();
      await expect(page.getByRole('button', { name: 'Выбрать файл…' })).toBeVisible();
      await page.locator('input[type=file]').setInputFiles(pkg.path);
      await expect(page.getByTestId('package-report')).toContainText('принято новых 1');
      await expect(page.getByTestId('package-report')).toContainText('отклонено 0');
      const bytes = readFileSync(pkg.path).toString('base64');
      await page.getByTestId('package-drop').evaluate((zone, b64) => {
        const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([data], 'desk.otkp', { type: 'application/octet-stream' }));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true }));
      }, bytes);
      await expect(page.getByTestId('package-report')).toContainText('принято новых 0');
      await expect(page.getByTestId('package-report')).toContainText('уже было 1');
      await expect(page.getByTestId('package-history').locator('tbody tr')).toHaveCount(2);
      await axe(page, 'packages');

      // A desk release uploaded from the console for 10 % of desks, widened, then withdrawn.
      await page.getByRole('link', { name: 'Обновления рабочих мест' }).click();
      await expect(page.getByText('Выпусков пока нет.')).toBeVisible();
      await page.getByLabel('Версия').fill('2.0.0');
      const installerFile = join(dir, 'Otklik-Setup-2.0.0.exe');
      writeFileSync(installerFile, Buffer.alloc(256 * 1024, 1));
      await page.locator('input[type=file]').setInputFiles(installerFile);
      const release = page.getByRole('row').filter({ hasText: 'Otklik-Setup-2.0.0.exe' });
      const share = release.getByLabel('Доля рабочих мест: 2.0.0 windows');
      await expect(share).toHaveValue('10 %');
      await share.fill('100');
      await release.getByRole('button', { name: 'Применить' }).click();
      await page.reload();
      await expect(share).toHaveValue('100 %');
      await axe(page, 'releases');
      await release.getByRole('button', { name: 'Отозвать' }).click();
      await expect(release).toContainText('отозван');

      // A questionnaire published from the console: previewed as the kiosk shows it, then on
      // every desk after its next sync, and the table says how many desks have it.
      const survey = JSON.parse(
        readFileSync(
          join(import.meta.dirname, '../../resources/surveys/general-assessment.json'),
          'utf8',
        ),
      ) as { title: string };
      survey.title = 'Оценка работы приёмной (опрос региона)';
      const surveyFile = join(dir, 'survey.json');
      writeFileSync(surveyFile, JSON.stringify(survey));
      await page.getByRole('link', { name: 'Анкеты и справочники' }).click();
      await expect(
        page.getByRole('button', { name: 'Опубликовать анкету из файла JSON…' }),
      ).toBeVisible();
      await page.locator('input[type=file]').first().setInputFiles(surveyFile);
      await expect(page.getByRole('dialog')).toContainText(
        'Насколько Вы в целом удовлетворены деятельностью ведомства?',
      );
      await page.getByRole('button', { name: 'Опубликовать на все рабочие места' }).click();
      const row = page.locator(`tr[data-template="${survey.title}"]`);
      await expect(row.getByTestId('template-desks')).toHaveText('0 из 2');
      await axe(page, 'reference');
      for (const d of desks) await d.services.sync.syncNow();
      await page.reload();
      await expect(row.getByTestId('template-desks')).toHaveText('2 из 2');
      const onDesk = ok<{ title: string }[]>(desks[1]!.dispatch('surveys.templates', {}));
      expect(onDesk.map((x) => x.title)).toContain(survey.title);

      // A survey campaign for MIN01's desks only, and an official for every desk.
      await page.getByRole('tab', { name: 'Опросы' }).click();
      await page.getByRole('combobox', { name: /^Анкета/ }).click();
      await page.getByRole('option', { name: survey.title }).click();
      await page.getByRole('textbox', { name: /^Название опроса/ }).fill('Опрос приёмной 2026');
      await page.getByLabel(/^Начало/).fill(`${YEAR + 1}-01-01`);
      await page.getByLabel(/^Окончание/).fill(`${YEAR + 1}-12-31`);
      await page.getByRole('combobox', { name: /^Органы \(все их/ }).click();
      await page.getByRole('option', { name: /MIN01/ }).click();
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Создать опрос' }).click();
      await expect(page.getByTestId('campaigns-table')).toContainText('Опрос приёмной 2026');
      await axe(page, 'campaigns');
      await page.getByRole('tab', { name: 'Должностные лица' }).click();
      await page.getByRole('textbox', { name: /^ФИО/ }).fill('Петрова Анна Сергеевна');
      await page.getByRole('textbox', { name: /^Должность/ }).fill('Заместитель министра');
      await page.getByRole('button', { name: 'Добавить' }).click();
      await expect(page.getByTestId('officials-table')).toContainText('Петрова Анна Сергеевна');
      await expect(page.getByTestId('officials-table')).toContainText('0 из 2');
      // A classifier edition: the shipped one, so nothing differs but every node is checked.
      await page.getByRole('tab', { name: 'Классификатор' }).click();
      await page
        .locator('input[type=file]')
        .setInputFiles(
          join(import.meta.dirname, '../../resources/classifier/thematic-classifier.csv'),
        );
      // 2,109 nodes checked and written in one transaction: room for a loaded 2-core machine
      // (a query per node once took over 10 s on PostgreSQL here).
      await expect(page.getByTestId('classifier-result')).toContainText('выведено кодов: 0', {
        timeout: 45_000,
      });
      await axe(page, 'classifier');
      // The region's topic model: built at once from the cards the central holds, listed.
      await page.getByRole('tab', { name: 'Подсказка тем' }).click();
      await page.getByRole('button', { name: 'Построить сейчас' }).click();
      await expect(page.getByTestId('topic-model-note')).toContainText(
        /Построена модель № \d+|не изменились/,
      );
      await expect(page.getByTestId('topic-model-builds').getByRole('row')).not.toHaveCount(1);
      await axe(page, 'topic model');
      for (const d of desks) await d.services.sync.syncNow();
      const campaigns = ok<{ title: string; deskCodes: string[] }[]>(
        desks[0]!.dispatch('surveys.campaigns', {}),
      );
      const min01Desk = ok<{ deskCode: string }>(desks[0]!.dispatch('app.info', {})).deskCode;
      expect(campaigns.find((x) => x.title === 'Опрос приёмной 2026')?.deskCodes).toEqual([
        min01Desk,
      ]);
      const officials = ok<{ fullName: string }[]>(desks[1]!.dispatch('officials.list', {}));
      expect(officials.map((o) => o.fullName)).toContain('Петрова Анна Сергеевна');

      // Users: an analyst and an office viewer, passwords shown once.
      await page.getByRole('link', { name: 'Пользователи' }).click();
      await page.getByLabel('Имя пользователя').fill('analyst1');
      await page.getByLabel('ФИО').fill('Аналитик Иванова');
      await page.getByRole('button', { name: 'Создать пользователя' }).click();
      await expect(page.getByTestId('new-password')).toHaveText(/\S{12,}/);
      await page.getByRole('button', { name: 'Готово' }).click();
      await axe(page, 'accounts');
      await page.getByRole('link', { name: 'Журнал действий' }).click();
      await expect(page.getByTestId('audit-table')).toContainText('создан орган');
      await expect(page.getByTestId('audit-table')).toContainText('выдан код подключения');
      await expect(page.getByTestId('audit-table')).toContainText('создан пользователь');
      await expect(page.getByTestId('audit-table')).toContainText('принят пакет без сети');
      await expect(page.getByTestId('audit-table')).toContainText('опубликована анкета');
      await expect(page.getByTestId('audit-table')).toContainText(
        'загружена редакция классификатора',
      );
      await axe(page, 'audit');
    });

    test('an analyst opens the quarter, sorts the offices table, drills in, exports XLSX and DOCX', async ({
      page,
    }) => {
      const password = cliAccount('analyst2', 'analyst');
      await signIn(page, server.url, 'analyst2', password);
      // The first quarter of last year, the whole region.
      await firstQuarter(page);
      const table = page.getByTestId('offices-table');
      await expect(table.locator('tfoot')).toContainText('6');
      const order = async () =>
        table
          .locator('tbody tr')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-office')));
      await expect.poll(order).toEqual(['MIN02', 'MIN01']); // most appeals first
      await table.getByRole('button', { name: /^Орган/ }).click();
      await expect.poll(order).toEqual(['MIN01', 'MIN02']); // by name: здравоохранения < образования
      await table.getByRole('button', { name: /^Жалоб/ }).click();
      await expect(table.getByRole('columnheader', { name: /^Жалоб/ })).toHaveAttribute(
        'aria-sort',
        'descending',
      );
      await axe(page, 'offices table');
      // Drill-down: MIN02's complaints are its cards behind the figure, names hidden for the analyst.
      await table.locator('tr[data-office="MIN02"]').getByRole('link', { name: '2' }).click();
      await expect(page.getByTestId('cards-total')).toHaveText('Карточек: 2');
      await expect(page.getByTestId('cards-table')).toContainText('MIN02');
      await expect(page.getByTestId('cards-table')).not.toContainText('Заявитель');
      await expect(
        page.getByText('ФИО заявителей и текст обращений вашей роли не показываются.'),
      ).toBeVisible();
      await axe(page, 'cards');
      await page.getByRole('link', { name: 'К отчёту' }).click();
      await firstQuarter(page);
      await expect(page.getByTestId('offices-table').locator('tfoot')).toContainText('6');
      // The metrics tab: the desk's own view; its figures open the region's cards.
      await page.getByRole('tab', { name: 'Обращения' }).click();
      await axe(page, 'metrics');

      const save = async (name: RegExp) => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name }).click(),
        ]);
        const path = join(dir, download.suggestedFilename());
        await download.saveAs(path);
        return path;
      };
      const xlsx = new ExcelJS.Workbook();
      await xlsx.xlsx.readFile(await save(/^XLSX$/));
      const offices = xlsx.getWorksheet('Органы')!;
      const rows = offices.getSheetValues().filter(Boolean) as unknown[][];
      const byCode = new Map(rows.map((r) => [r[1], r]));
      expect(byCode.get('MIN01')?.[3]).toBe(2);
      expect(byCode.get('MIN02')?.[3]).toBe(4);
      expect(rows.find((r) => r[2] === 'Итого')?.[3]).toBe(6);
      expect(xlsx.worksheets.map((w) => w.name)).toContain('1. Каналы');
      const docx = unzipSync(readFileSync(await save(/Справка DOCX/)));
      const text = strFromU8(docx['word/document.xml']!);
      expect(text).toContain('ИНФОРМАЦИОННАЯ СПРАВКА');
      expect(text).toContain('Министерство здравоохранения: поступило 2 обращений');
      expect(text).toContain('Министерство образования: поступило 4 обращений');
      const csv = readFileSync(await save(/CSV/), 'utf8');
      expect(csv.startsWith('\uFEFFКод;Орган;Обращений')).toBe(true);
    });

    test('an office viewer sees only their office, in the UI and in the API', async ({ page }) => {
      const password = cliAccount('viewer1', 'office_viewer', 'MIN01');
      await signIn(page, server.url, 'viewer1', password);
      await firstQuarter(page);
      const table = page.getByTestId('offices-table');
      await expect(table.locator('tbody tr')).toHaveCount(1);
      await expect(table.locator('tbody')).toContainText('MIN01');
      await expect(page.getByRole('link', { name: 'Пользователи' })).toHaveCount(0);
      await expect(page.getByRole('tab', { name: 'ССТУ.РФ' })).toHaveCount(0);
      // The same session asking the API for another office directly is refused.
      const status = await page.evaluate(async () =>
        Promise.all(
          [
            '/v1/admin/reports/appeals?from=2025-01-01&to=2025-03-31&office=MIN02',
            '/v1/console/appeals?from=2025-01-01&to=2025-03-31&office=MIN02',
            '/v1/console/accounts',
          ].map(async (u) => (await fetch(u)).status),
        ),
      );
      expect(status).toEqual([403, 403, 403]);
      // A page it may not use says so.
      await page.goto(`${server.url}/console/accounts`);
      await expect(page.getByText('Это действие недоступно вашей роли.')).toBeVisible();
    });

    test('an administrator publishes what was changed; the public page shows it with the surveys', async ({
      page,
      browser,
    }) => {
      // Six visitors of MIN01 answered a questionnaire in February (kiosk answers, synced).
      const desk = desks[0]!;
      const templateId = ok<{ id: string; builtinKey: string | null }[]>(
        desk.dispatch('surveys.templates', {}),
      ).find((x) => x.builtinKey === 'service-recipient-000')!.id;
      const campaignId = ok<{ id: string }>(
        desk.dispatch('surveys.saveCampaign', {
          templateId,
          title: 'Опрос',
          startsOn: `${YEAR}-01-01`,
          endsOn: `${YEAR}-12-31`,
          serviceIds: [],
          channels: ['paper'],
          active: true,
        }),
      ).id;
      [5, 5, 4, 4, 2, 1].forEach((q2, i) =>
        ok(
          desk.dispatch('surveys.submit', {
            campaignId,
            serviceId: null,
            channel: 'paper',
            date: `${YEAR}-02-${String(10 + i).padStart(2, '0')}`,
            answers: { q1: q2 >= 4 ? 'satisfied' : 'not_satisfied', q2 },
          }),
        ),
      );
      await desk.services.sync.syncNow();

      const password = cliAccount('admin4', 'admin');
      await signIn(page, server.url, 'admin4', password);
      await page.getByRole('link', { name: 'Публикация итогов' }).click();
      // Saved at once (the box follows the server's answer).
      const optIn = page.getByLabel('Показывать итоги этого органа на публичной странице');
      await optIn.click();
      await expect(optIn).toBeChecked();
      await page.getByRole('combobox', { name: 'Квартал' }).click();
      await page.getByRole('option', { name: `I квартал ${YEAR}`, exact: true }).click();
      await page
        .getByLabel('Что изменено по итогам обратной связи')
        .fill('Продлили часы приёма по четвергам до 20:00 <по просьбам посетителей>.');
      await page.getByRole('button', { name: 'Сохранить' }).click();
      await expect(page.getByText('Заметка сохранена.')).toBeVisible();
      await axe(page, 'publication');

      // Anyone, signed in or not, reads it at a stable address.
      const visitor = await browser.newContext();
      const pub = await visitor.newPage();
      await pub.goto(`${server.url}/public/MIN01`);
      await expect(pub.getByRole('heading', { level: 1 })).toHaveText(
        'Министерство здравоохранения',
      );
      await expect(
        pub.getByText('Продлили часы приёма по четвергам до 20:00 <по просьбам посетителей>.'),
      ).toBeVisible();
      await expect(pub.getByText(`I квартал ${YEAR} года`)).toBeVisible();
      await expect(pub.getByText('Получено анкет: 6.')).toBeVisible();
      await expect(pub.locator('script')).toHaveCount(0);
      await axe(pub, 'public page');
      // MIN02 did not agree to publish: no page.
      expect((await pub.goto(`${server.url}/public/MIN02`))!.status()).toBe(404);
      await pub.goto(`${server.url}/public/`);
      await expect(pub.getByRole('link', { name: 'Министерство здравоохранения' })).toBeVisible();
      await expect(pub.getByRole('link', { name: 'Министерство образования' })).toHaveCount(0);
      await visitor.close();
    });

    test('a change without the console’s CSRF token is refused, even with the cookie', async ({
      page,
    }) => {
      const password = cliAccount('admin3', 'admin');
      await signIn(page, server.url, 'admin3', password);
      const status = await page.evaluate(async () => {
        const res = await fetch('/v1/console/offices', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ code: 'EVIL', name: 'x', sstuDepartmentId: null }),
        });
        return res.status;
      });
      expect(status).toBe(403);
      await page.getByRole('button', { name: 'Выйти' }).click();
      await expect(page.getByRole('button', { name: 'Войти' })).toBeVisible();
      await axe(page, 'login');
    });
  });
}
