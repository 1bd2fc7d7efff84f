import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src-shared/sync/protocol';
import type { AppealMetrics } from '../../src-shared/reports/appeal-metrics';
import type { ConsoleSession, OfficesTable } from '../../src-shared/console/api';
import { quarterPeriod } from '../../src-shared/reports/period';
import { appealInput } from '../helpers/appeal-input';
import { enroll, officialOf, ok, startCentral, startDesk, type Central } from '../helpers/central';
import { postgresForTests } from '../helpers/postgres';
import { consoleAs } from '../helpers/console-client';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';

const pg = postgresForTests();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const Q1 = quarterPeriod(2026, 1);
const q = `from=${Q1.from}&to=${Q1.to}`;

/** A central with an administrator (key), the console's first administrator and a clock. */
async function setup(backend: 'sqlite' | 'postgres') {
  const clock = { t: Date.parse('2026-04-20T06:00:00Z') };
  const c = await startCentral({
    databaseUrl: pg.databaseUrl(backend),
    app: { now: () => new Date(clock.t) },
  });
  cleanups.push(() => c.close());
  const { token } = await c.offices.createAdmin('Автоматизация');
  const key = { authorization: `Bearer ${token}` };
  const createAccount = async (login: string, role: string, office: string | null = null) => {
    const res = await fetch(`${c.url}/v1/console/accounts`, {
      method: 'POST',
      headers: { ...key, 'content-type': 'application/json' },
      body: JSON.stringify({ login, name: `Сотрудник ${login}`, role, office }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { password: string }).password;
  };
  return { c, clock, key, createAccount };
}

/** Two offices with cards synced from two real desks. */
async function withCards(c: Central) {
  const now = () => new Date('2026-04-20T09:00:00');
  for (const [office, n] of [
    ['MIN01', 3],
    ['MIN02', 5],
  ] as const) {
    const d = startDesk({ now });
    cleanups.push(() => d.cleanup());
    await enroll(c, d, office);
    const o = officialOf(d);
    for (let i = 0; i < n; i++) {
      ok(
        d.dispatch('appeals.create', {
          data: appealInput(o, {
            registeredAt: `2026-02-1${i}T10:00`,
            kind: i % 2 ? 'complaint' : 'statement',
            visitorName: `Иванов ${office} ${i}`,
          } as never),
        }),
      );
    }
    await d.services.sync.syncNow();
  }
}

describe.each(pg.backends)('central console API on %s', (backend) => {
  it('signs in with an HttpOnly, Secure, SameSite=Strict cookie; a change needs the CSRF token', async () => {
    const { c, createAccount } = await setup(backend);
    const password = await createAccount('admin1', 'admin');
    const raw = await fetch(`${c.url}/v1/console/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin1', password }),
    });
    expect(raw.status).toBe(200);
    const cookie = raw.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^__Host-otklik-session=[\w-]{43};/);
    for (const flag of ['HttpOnly', 'Secure', 'SameSite=Strict', 'Path=/']) {
      expect(cookie).toContain(flag);
    }
    const session = (await raw.json()) as ConsoleSession;
    expect(session.account).toMatchObject({ login: 'admin1', role: 'admin' });
    const jar = cookie.split(';')[0]!;
    const post = (csrf: string | null) =>
      fetch(`${c.url}/v1/console/offices`, {
        method: 'POST',
        headers: {
          cookie: jar,
          'content-type': 'application/json',
          ...(csrf === null ? {} : { 'x-csrf-token': csrf }),
        },
        body: JSON.stringify({ code: 'MIN09', name: 'Министерство', sstuDepartmentId: null }),
      });
    // Without the token, or with another one: refused, nothing created.
    for (const csrf of [null, '', 'x'.repeat(32), session.csrf.slice(1)]) {
      const res = await post(csrf);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: string }).error).toBe('csrf');
    }
    expect((await c.offices.listOffices()).length).toBe(0);
    expect((await post(session.csrf)).status).toBe(200);
    expect((await c.offices.listOffices()).map((o) => o.code)).toEqual(['MIN09']);
    // A made-up session cookie is no session.
    const forged = await fetch(`${c.url}/v1/console/session`, {
      headers: { cookie: `__Host-otklik-session=${'A'.repeat(43)}` },
    });
    expect(forged.status).toBe(401);
    // Logging out ends the session on the server, not only in the browser.
    expect(
      (
        await fetch(`${c.url}/v1/console/logout`, {
          method: 'POST',
          headers: { cookie: jar, 'x-csrf-token': session.csrf },
        })
      ).status,
    ).toBe(200);
    expect((await fetch(`${c.url}/v1/console/session`, { headers: { cookie: jar } })).status).toBe(
      401,
    );
  });

  it('locks an account after five wrong passwords without telling a prober that it exists', async () => {
    const { c, clock, createAccount } = await setup(backend);
    const password = await createAccount('analyst1', 'analyst');
    const login = (l: string, p: string) =>
      fetch(`${c.url}/v1/console/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: l, password: p }),
      });
    const unknown = await login('nobody', 'whatever-password');
    expect(unknown.status).toBe(401);
    const unknownMessage = ((await unknown.json()) as { message: string }).message;
    for (let i = 0; i < 5; i++) {
      const res = await login('analyst1', `wrong-password-${i}`);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { message: string }).message).toBe(unknownMessage);
    }
    // Locked: a wrong password still reads like an unknown login; the right one is told why.
    const wrong = await login('analyst1', 'wrong-again-123');
    expect(((await wrong.json()) as { message: string }).message).toBe(unknownMessage);
    const right = await login('analyst1', password);
    expect(right.status).toBe(403);
    expect(((await right.json()) as { message: string }).message).toMatch(/заблокирован/);
    // Fifteen minutes later it opens again.
    clock.t += 16 * 60_000;
    expect((await login('analyst1', password)).status).toBe(200);
  });

  it('ends a session after 30 idle minutes; activity keeps it', async () => {
    const { c, clock, createAccount } = await setup(backend);
    const password = await createAccount('admin1', 'admin');
    const s = await consoleAs(c.url, 'admin1', password);
    clock.t += 25 * 60_000;
    expect((await s.get('/v1/console/session')).status).toBe(200);
    clock.t += 25 * 60_000;
    expect((await s.get('/v1/console/session')).status).toBe(200);
    clock.t += 31 * 60_000;
    const late = await s.get('/v1/console/session');
    expect(late.status).toBe(401);
    expect(((await late.json()) as { message: string }).message).toMatch(/бездействия/);
  });

  it('roles: the analyst reads the region, the office viewer only their office, in the API', async () => {
    const { c, createAccount } = await setup(backend);
    await withCards(c);
    const admin = await consoleAs(c.url, 'admin1', await createAccount('admin1', 'admin'));
    const analyst = await consoleAs(c.url, 'analyst1', await createAccount('analyst1', 'analyst'));
    const viewer = await consoleAs(
      c.url,
      'viewer1',
      await createAccount('viewer1', 'office_viewer', 'MIN01'),
    );
    // The offices table: the analyst sees both offices and the region, the viewer only MIN01.
    const table = await analyst.json<OfficesTable>(`/v1/console/reports/offices?${q}`);
    expect(table.offices.map((o) => [o.code, o.metrics.appeals])).toEqual([
      ['MIN01', 3],
      ['MIN02', 5],
    ]);
    expect(table.region.appeals).toBe(8);
    const region = await analyst.json<AppealMetrics>(`/v1/admin/reports/appeals?${q}`);
    expect(table.region).toEqual(region);
    for (const o of ['MIN01', 'MIN02']) {
      const one = await analyst.json<AppealMetrics>(`/v1/admin/reports/appeals?${q}&office=${o}`);
      expect(table.offices.find((x) => x.code === o)!.metrics).toEqual(one);
    }
    const own = await viewer.json<OfficesTable>(`/v1/console/reports/offices?${q}`);
    expect(own.offices.map((o) => o.code)).toEqual(['MIN01']);
    expect(own.region.appeals).toBe(3);
    expect((await viewer.json<AppealMetrics>(`/v1/admin/reports/appeals?${q}`)).appeals).toBe(3);
    for (const path of [
      `/v1/admin/reports/appeals?${q}&office=MIN02`,
      `/v1/admin/reports/appeals?${q}&office=min02`,
      `/v1/admin/reports/questions?${q}&office=MIN02`,
      `/v1/console/appeals?${q}&office=MIN02`,
      `/v1/console/appeals?${q}&office=MIN01,MIN02`,
      `/v1/console/export?format=csv&${q}&office=MIN02`,
      `/v1/admin/sstu/check?month=2026-02`,
      `/v1/console/accounts`,
      `/v1/console/audit`,
    ]) {
      expect([path, (await viewer.get(path)).status]).toEqual([path, 403]);
    }
    // Drill-down: the analyst sees the cards behind a figure without names; the admin with them.
    const cardsA = await analyst.json<{
      total: number;
      personal: boolean;
      items: { applicant: string | null; office: string }[];
    }>(`/v1/console/appeals?${q}&kind=complaint`);
    expect(cardsA.total).toBe(1 + 2);
    expect(cardsA.personal).toBe(false);
    expect(cardsA.items.every((i) => i.applicant === null)).toBe(true);
    const cardsAdmin = await admin.json<{ items: { applicant: string | null }[] }>(
      `/v1/console/appeals?${q}&kind=complaint&office=MIN02`,
    );
    expect(cardsAdmin.items.map((i) => i.applicant).sort()).toEqual([
      'Иванов MIN02 1',
      'Иванов MIN02 3',
    ]);
    const cardsV = await viewer.json<{ items: { office: string }[] }>(`/v1/console/appeals?${q}`);
    expect(new Set(cardsV.items.map((i) => i.office))).toEqual(new Set(['MIN01']));
    // Administration is the administrator's: the analyst is refused.
    for (const [path, body] of [
      ['/v1/console/offices', { code: 'MIN05', name: 'X', sstuDepartmentId: null }],
      ['/v1/console/enrollment-codes', { office: 'MIN01', desk: null, days: 7, replace: false }],
      ['/v1/console/accounts', { login: 'x1', name: 'X', role: 'admin', office: null }],
    ] as const) {
      expect([path, (await analyst.post(path, body)).status]).toEqual([path, 403]);
    }
    expect((await analyst.get('/v1/admin/sstu/file?month=2026-02')).status).toBe(403);
    expect((await analyst.get('/v1/admin/sstu/check?month=2026-02')).status).toBe(200);
  });

  it('keeps an audit log of every administrative action, visible to the administrator', async () => {
    const { c, createAccount } = await setup(backend);
    const admin = await consoleAs(c.url, 'admin1', await createAccount('admin1', 'admin'));
    expect(
      (
        await admin.post('/v1/console/offices', {
          code: 'min07',
          name: 'Министерство',
          sstuDepartmentId: '0b2f6a0e-4d4c-4f8e-9c55-2f0f7f9a1b11',
        })
      ).status,
    ).toBe(200);
    const code = await admin.json<{ code: string; expiresAt: string }>(
      '/v1/console/enrollment-codes',
      {
        office: 'MIN07',
        desk: 'ab1',
        days: 3,
        replace: false,
      },
    );
    expect(code.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await admin.get(`/v1/console/export?format=xlsx&${q}`)).status).toBe(200);
    const log =
      await admin.json<{ actor: string; action: string; target: string | null }[]>(
        '/v1/console/audit',
      );
    const lines = log.map((l) => [l.actor, l.action, l.target]);
    expect(lines).toEqual(
      expect.arrayContaining([
        ['ключ:Автоматизация', 'account_created', 'admin1'],
        ['admin1', 'login', null],
        ['admin1', 'office_created', 'MIN07'],
        ['admin1', 'enrollment_code', 'MIN07'],
        ['admin1', 'export', 'регион'],
      ]),
    );
    // Newest first; the enrollment code itself is never written down.
    expect(log[0]!.action).toBe('export');
    expect(JSON.stringify(log)).not.toContain(code.code);
    expect((await c.offices.listOffices())[0]!.sstu_department_id).toBe(
      '0b2f6a0e-4d4c-4f8e-9c55-2f0f7f9a1b11',
    );
  });

  it('worst values: bad logins, filters, periods and formats get a 4xx in Russian', async () => {
    const { c, createAccount } = await setup(backend);
    const admin = await consoleAs(c.url, 'admin1', await createAccount('admin1', 'admin'));
    const bad = async (res: Response) => {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const body = (await res.json()) as { message: string };
      expect(body.message).toMatch(/[а-яё]/i);
    };
    for (const body of [
      {},
      { login: 'a'.repeat(101), password: 'x' },
      { login: 'admin1', password: 'p'.repeat(201) },
      { login: "admin1' OR 1=1 --", password: 'x' },
      { login: 'admin1', password: 'x', extra: 1 },
    ]) {
      await bad(
        await fetch(`${c.url}/v1/console/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    }
    for (const path of [
      '/v1/console/reports/offices?from=2026-13-01&to=2026-12-31',
      '/v1/console/reports/offices?from=2026-04-01&to=2026-01-01',
      '/v1/console/appeals?kind=nonsense',
      '/v1/console/appeals?from=2026-01-01&q=налог',
      '/v1/console/appeals?limit=100000',
      '/v1/console/appeals?offset=-1',
      `/v1/console/appeals?office=${'A,'.repeat(300)}`,
      '/v1/console/appeals?office=NOPE',
      `/v1/console/export?format=pdf&${q}`,
      `/v1/console/export?format=xlsx&from=x&to=y`,
      '/v1/console/audit?limit=100000',
    ]) {
      await bad(await admin.get(path));
    }
    for (const [path, body] of [
      ['/v1/console/accounts', { login: 'x', name: 'X', role: 'admin', office: null }],
      ['/v1/console/accounts', { login: 'viewer', name: 'X', role: 'office_viewer', office: null }],
      ['/v1/console/accounts', { login: 'root', name: 'X', role: 'root', office: null }],
      ['/v1/console/offices', { code: 'М01', name: 'Кириллица в коде', sstuDepartmentId: null }],
      ['/v1/console/offices', { code: 'MIN01', name: 'X', sstuDepartmentId: 'not-a-uuid' }],
      ['/v1/console/enrollment-codes', { office: 'NOPE', desk: null, days: 7, replace: false }],
      ['/v1/console/enrollment-codes', { office: 'MIN01', desk: null, days: 365, replace: false }],
      ['/v1/console/password', { current: 'wrong', next: 'new-password-1' }],
      ['/v1/console/accounts/admin1/disable', { disabled: true }],
    ] as const) {
      await bad(await admin.post(path, body));
    }
  });

  it('questionnaires: published from the console, checked first, versioned, counted on desks', async () => {
    const { c, createAccount } = await setup(backend);
    const admin = await consoleAs(c.url, 'admin1', await createAccount('admin1', 'admin'));
    const desk = startDesk();
    cleanups.push(() => desk.cleanup());
    await enroll(c, desk, 'MIN01');
    const definition = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '../../resources/surveys/general-assessment.json'),
        'utf8',
      ),
    ) as { title: string; pages: unknown[] };
    // A broken questionnaire is refused with the reason, nothing published.
    for (const bad of [{}, { ...definition, pages: 'x' }, 'not json at all', null]) {
      const res = await admin.post('/v1/console/reference/templates', {
        definition: bad,
        familyId: null,
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/Анкета не прошла/);
    }
    const unknownFamily = await admin.post('/v1/console/reference/templates', {
      definition,
      familyId: '0b2f6a0e-4d4c-4f8e-9c55-2f0f7f9a1b11',
    });
    expect(unknownFamily.status).toBe(400);
    const first = await admin.json<{ id: string; version: number }>(
      '/v1/console/reference/templates',
      { definition: { ...definition, title: 'Опрос региона' }, familyId: null },
    );
    type Row = {
      id: string;
      familyId: string | null;
      version: number;
      desksHave: number;
      desksTotal: number;
      builtin: boolean;
    };
    const list = async () => admin.json<Row[]>('/v1/console/reference/templates');
    const row = (await list()).find((r) => r.id === first.id)!;
    expect([row.version, row.desksHave, row.desksTotal, row.builtin]).toEqual([1, 0, 1, false]);
    expect((await list()).filter((r) => r.builtin).length).toBe(4); // the shipped ones
    await desk.services.sync.syncNow();
    expect((await list()).find((r) => r.id === first.id)!.desksHave).toBe(1);
    const titles = ok<{ title: string }[]>(desk.dispatch('surveys.templates', {})).map(
      (t) => t.title,
    );
    expect(titles).toContain('Опрос региона');
    const second = await admin.json<{ version: number }>('/v1/console/reference/templates', {
      definition: { ...definition, title: 'Опрос региона, ред. 2' },
      familyId: row.familyId,
    });
    expect(second.version).toBe(2);
  });

  it('packages: bytes that are not a package are refused in Russian and kept in the history', async () => {
    const { c, createAccount } = await setup(backend);
    const admin = await consoleAs(c.url, 'admin1', await createAccount('admin1', 'admin'));
    const send = (body: Uint8Array | string, type = 'application/octet-stream') =>
      fetch(`${c.url}/v1/console/packages?name=x.otkp`, {
        method: 'POST',
        headers: { cookie: admin.cookie, 'x-csrf-token': admin.session.csrf, 'content-type': type },
        body,
      });
    for (const [body, type] of [
      [new Uint8Array(1000).fill(7), 'application/octet-stream'],
      [new Uint8Array(0), 'application/octet-stream'],
      [JSON.stringify({ a: 1 }), 'application/json'],
      ['OTKP', 'application/octet-stream'],
    ] as const) {
      const res = await send(body, type);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(/[а-яё]/i);
    }
    const history = await admin.json<{ error: string | null }[]>('/v1/console/packages');
    expect(history.length).toBeGreaterThanOrEqual(2);
    expect(history.every((h) => h.error)).toBe(true);
  });

  it('a desk reports how it stands; a forged or malformed report is refused', async () => {
    const { c, createAccount } = await setup(backend);
    const admin = await consoleAs(c.url, 'admin1', await createAccount('admin1', 'admin'));
    const desk = startDesk();
    cleanups.push(() => desk.cleanup());
    await enroll(c, desk, 'MIN01');
    await desk.services.sync.syncNow();
    const offices = await admin.json<
      {
        desks: {
          lastSeenAt: string | null;
          status: {
            protocol: number;
            pendingChanges: number;
            agreement: { agrees: boolean } | null;
          } | null;
        }[];
      }[]
    >('/v1/console/offices');
    const d = offices[0]!.desks[0]!;
    expect(d.lastSeenAt).not.toBeNull();
    expect(d.status).toMatchObject({
      protocol: PROTOCOL_VERSION,
      pendingChanges: 0,
      agreement: { agrees: true },
    });
    // A second device enrolled by hand, to send reports of any shape.
    const { code } = await c.offices.createEnrollmentCode('MIN01', null, 1);
    const enrolled = await fetch(`${c.url}/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        code,
        deviceName: 'Проба',
        node: 'abcdef0123456789',
        deskCode: 'PR1',
        signingKey: generateKeyPairSync('ed25519')
          .publicKey.export({ type: 'spki', format: 'der' })
          .toString('base64'),
      }),
    });
    expect(enrolled.status).toBe(200);
    const { token, deviceId } = (await enrolled.json()) as { token: string; deviceId: string };
    const good = {
      app: '1',
      protocol: 3,
      pendingChanges: 0,
      refused: 0,
      cursor: 0,
      agreement: null,
    };
    const post = (auth: string, body: unknown) =>
      fetch(`${c.url}/v1/status`, {
        method: 'POST',
        headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('forged-token', good)).status).toBe(401);
    for (const bad of [
      { ...good, pendingChanges: -1 },
      { ...good, protocol: 1000 },
      { ...good, app: 'x'.repeat(41) },
      { ...good, extra: true },
      { ...good, agreement: { at: 'now', agrees: false, differs: Array(25).fill('2026-01') } },
      { ...good, cursor: 1.5 },
      'x'.repeat(5000),
    ]) {
      expect((await post(token, bad)).status).toBe(typeof bad === 'string' ? 413 : 400);
    }
    // A cursor beyond the change log is clamped: it cannot claim editions yet to come.
    expect((await post(token, { ...good, cursor: 10 ** 12 })).status).toBe(200);
    const row = await c.central.db
      .selectFrom('devices')
      .select('pulled_seq')
      .where('id', '=', deviceId)
      .executeTakeFirstOrThrow();
    expect(Number(row.pulled_seq)).toBeLessThan(10 ** 6);
  });

  it('serves the console from its folder only, with its security headers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'otklik-console-files-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'console.html'), '<!doctype html><title>консоль</title>');
    writeFileSync(join(dir, 'assets', 'app-1.js'), 'console.log(1)');
    writeFileSync(join(dir, '..', 'secret.txt'), 'SECRET');
    cleanups.push(() => rmSync(join(dir, '..', 'secret.txt'), { force: true }));
    const c = await startCentral({
      databaseUrl: pg.databaseUrl(backend),
      app: { consoleDir: dir },
    });
    cleanups.push(() => c.close());
    const page = await fetch(`${c.url}/console/reports?x=1`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('консоль');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cache-control')).toBe('no-store');
    const asset = await fetch(`${c.url}/console/assets/app-1.js`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    for (const path of [
      '/console/../secret.txt',
      '/console/%2e%2e/secret.txt',
      '/console/..%2fsecret.txt',
      '/console/assets/..%2f..%2fsecret.txt',
      '/console/%2e%2e%2f%2e%2e%2fpackage.json',
      '/console/%E0%A4%A',
    ]) {
      const res = await fetch(`${c.url}${path}`);
      const text = await res.text();
      expect([path, text.includes('SECRET') || text.includes('"name": "otklik"')]).toEqual([
        path,
        false,
      ]);
      expect(res.status).toBeLessThan(500);
    }
    expect((await fetch(`${c.url}/`, { redirect: 'manual' })).headers.get('location')).toBe(
      '/console/',
    );
  });

  it('officials, services and campaigns: saved for every desk, bad ones refused in Russian', async () => {
    const { c, createAccount } = await setup(backend);
    const admin = await consoleAs(c.url, 'admin1', await createAccount('admin1', 'admin'));
    const bad = async (path: string, body: unknown, status = 400) => {
      const res = await admin.post(path, body);
      expect([path, res.status]).toEqual([path, status]);
    };
    await bad('/v1/console/reference/official', { fullName: '', position: 'x', active: true });
    await bad('/v1/console/reference/official', {
      fullName: 'x'.repeat(201),
      position: 'x',
      active: true,
    });
    await bad('/v1/console/reference/service', { title: 'Услуга', kind: 'nonsense', active: true });
    const template = '0b2f6a0e-4d4c-4f8e-9c55-2f0f7f9a1b11';
    const campaign = {
      templateId: template,
      title: 'Опрос',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      serviceIds: [],
      deskCodes: [],
      channels: ['kiosk'],
      active: true,
    };
    await bad('/v1/console/reference/campaign', campaign, 404);
    const shipped = (
      await admin.json<{ id: string; builtin: boolean }[]>('/v1/console/reference/templates')
    ).find((x) => x.builtin)!.id;
    await bad('/v1/console/reference/campaign', {
      ...campaign,
      templateId: shipped,
      endsOn: '2025-01-01',
    });
    await bad('/v1/console/reference/campaign', { ...campaign, templateId: shipped, channels: [] });
    await bad('/v1/console/reference/campaign', {
      ...campaign,
      templateId: shipped,
      deskCodes: ['не код'],
    });
    const official = await admin.json<{ id: string }>('/v1/console/reference/official', {
      fullName: 'Петрова Анна Сергеевна',
      position: 'Заместитель министра',
      active: true,
    });
    await admin.json('/v1/console/reference/service', {
      title: 'Выдача справок',
      kind: 'service',
      active: true,
    });
    await admin.json('/v1/console/reference/campaign', {
      ...campaign,
      templateId: shipped,
      deskCodes: ['ab1'],
    });
    const officials = await admin.json<{ id: string; data: { fullName: string } }[]>(
      '/v1/console/reference/official',
    );
    expect(officials.map((o) => [o.id, o.data.fullName])).toEqual([
      [official.id, 'Петрова Анна Сергеевна'],
    ]);
    const campaigns = await admin.json<{ data: { deskCodes: string[] } }[]>(
      '/v1/console/reference/campaign',
    );
    expect(campaigns[0]!.data.deskCodes).toEqual(['AB1']);
    // Saving again changes the record, it does not add one.
    await admin.json('/v1/console/reference/official', {
      id: official.id,
      fullName: 'Петрова Анна Сергеевна',
      position: 'Министр',
      active: true,
    });
    expect((await admin.json<unknown[]>('/v1/console/reference/official')).length).toBe(1);
    const log = await admin.json<{ action: string; target: string }[]>('/v1/console/audit');
    expect(log.filter((l) => l.action === 'reference_saved').map((l) => l.target)).toContain(
      'должностное лицо Петрова Анна Сергеевна',
    );
  });

  it('a classifier edition: only what changed goes out, a vanished code is retired', async () => {
    const { c, createAccount } = await setup(backend);
    const admin = await consoleAs(c.url, 'admin1', await createAccount('admin1', 'admin'));
    const csv = readFileSync(
      join(import.meta.dirname, '../../resources/classifier/thematic-classifier.csv'),
      'utf8',
    );
    const lines = csv.trimEnd().split(/\r?\n/);
    const first = await admin.json<{ nodes: number; written: number; retired: number }>(
      '/v1/console/reference/classifier',
      { csv },
    );
    expect(first).toEqual({ nodes: lines.length - 1, written: lines.length - 1, retired: 0 });
    expect(await admin.json('/v1/console/reference/classifier', { csv })).toMatchObject({
      written: 0,
      retired: 0,
    });
    // A leaf (no line names it as parent) leaves; another node gets a new title.
    const codes = lines.slice(1).map((l) => l.split(';'));
    const parents = new Set(codes.map((f) => f[2]));
    const leaf = codes.find((f) => !parents.has(f[0]))![0]!;
    const renamed = codes.find((f) => f[0] !== leaf)![0]!;
    const next = lines
      .filter((l) => !l.startsWith(`${leaf};`))
      .map((l) =>
        l.startsWith(`${renamed};`) ? l.replace(/^([^;]+);[^;]*;/, '$1;Новое наименование;') : l,
      )
      .join('\n');
    expect(await admin.json('/v1/console/reference/classifier', { csv: next })).toEqual({
      nodes: lines.length - 2,
      written: 2,
      retired: 1,
    });
    const row = await c.central.db
      .selectFrom('reference_records')
      .select('data')
      .where('entity', '=', 'classifier')
      .where('entity_id', '=', leaf)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.data)).toMatchObject({ code: leaf, retired: true });
    for (const bad of [
      '',
      'code;title\n',
      `${lines[0]}\n0001.0000.0000.0000;;;1`,
      `${lines[0]}\nx;y;;1`,
    ]) {
      const res = await admin.post('/v1/console/reference/classifier', { csv: bad });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toMatch(
        /Файл классификатора не принят/,
      );
    }
  });

  it('publication and the public page: worst values get a 4xx, never a page of another office', async () => {
    const { c, createAccount } = await setup(backend);
    const admin = await consoleAs(c.url, 'admin1', await createAccount('admin1', 'admin'));
    await admin.json('/v1/console/offices', {
      code: 'MIN01',
      name: 'Орган',
      sstuDepartmentId: null,
    });
    await admin.json('/v1/console/offices', {
      code: 'MIN02',
      name: 'Скрытый',
      sstuDepartmentId: null,
    });
    for (const [path, body] of [
      ['/v1/console/publications', { office: 'MIN01', quarter: '2026-Q5', text: 'x' }],
      ['/v1/console/publications', { office: 'MIN01', quarter: '2026-1', text: 'x' }],
      ['/v1/console/publications', { office: 'MIN01', quarter: '2026-Q1', text: 'x'.repeat(5001) }],
      ['/v1/console/publications', { office: 'NOPE', quarter: '2026-Q1', text: 'x' }],
      ['/v1/console/offices/NOPE/publish', { publish: true }],
      ['/v1/console/offices/MIN01/publish', { publish: 'yes' }],
    ] as const) {
      const res = await admin.post(path, body);
      expect([path, res.status]).toEqual([path, 400]);
    }
    await admin.json('/v1/console/offices/MIN01/publish', { publish: true });
    await admin.json('/v1/console/publications', {
      office: 'MIN01',
      quarter: '2026-Q1',
      text: '<script>alert(1)</script>',
    });
    const page = await fetch(`${c.url}/public/min01`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(page.headers.get('set-cookie')).toBeNull();
    for (const code of ['MIN02', 'x'.repeat(21), '%00', '..%2F..%2Fpackage.json', "MIN01'--"]) {
      const res = await fetch(`${c.url}/public/${code}`);
      expect([code, res.status >= 400 && res.status < 500]).toEqual([code, true]);
    }
  });
});
