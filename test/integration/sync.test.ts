import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import type { Appeal } from '../../src-shared/domain/appeal';
import { compareDigests } from '../../src-shared/sync/agreement';
import { deskDigest, deskDigestFull } from '../../src-main/core/sync/agreement';
import { officeDigest, officeDigestFull } from '../../src-server/domain/agreement';
import { appealInput } from '../helpers/appeal-input';
import {
  enroll,
  ok,
  officialOf,
  startCentral,
  startDesk,
  type Central,
  type Desk,
  CENTRAL_RESPONSE_COLUMNS,
} from '../helpers/central';
import { answerOnKiosk, surveyCampaign } from '../helpers/core-calls';
import { editAppeal } from '../helpers/edit-appeal';
import { postgresForTests } from '../helpers/postgres';

const DAY = 86_400_000;

const pg = postgresForTests();
const { backends } = pg;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function central(backend: 'sqlite' | 'postgres'): Promise<Central> {
  const c = await startCentral({ databaseUrl: pg.databaseUrl(backend) });
  cleanups.push(() => c.close());
  return c;
}

function desk(options: Parameters<typeof startDesk>[0] = {}): Desk {
  const d = startDesk(options);
  cleanups.push(() => d.cleanup());
  return d;
}

function create(d: Desk, officialId: string, overrides = {}): Appeal {
  const r = d.dispatch('appeals.create', { data: appealInput(officialId, overrides) });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.result as Appeal;
}

const update = (d: Desk, id: string, overrides: Record<string, unknown>) =>
  editAppeal(d, id, overrides);

/**
 * The desk's and the central's digests compared; each side's kept agreement words must also add
 * up to the digest recomputed from its records (issue 16), whatever the test did before.
 */
async function agree(c: Central, d: Desk) {
  const creds = d.services.credentials.load()!;
  const office = await c.offices.officeByCode(creds.officeCode);
  const desk = await deskDigest(d.db);
  const central = await officeDigest(c.central.db, office.id);
  expect(desk).toEqual(await deskDigestFull(d.db));
  expect(central).toEqual(await officeDigestFull(c.central.db, office.id));
  return compareDigests(desk, central);
}

describe.each(backends)('sync with the central server on %s', (backend) => {
  it('pushes a desk’s cards, pulls them into a second desk of the office, and both agree', async () => {
    const c = await central(backend);
    const a = desk();
    const b = desk();
    const official = officialOf(a);
    const before = create(a, official); // written before enrollment: still sent
    await enroll(c, a, 'MIN01', 'MIN01A');
    await enroll(c, b, 'MIN01', 'MIN01B');
    const after = create(a, official, { content: 'Второе обращение' });
    const pushed = await a.services.sync.syncNow();
    expect(pushed.pushed).toBe(2);
    expect(pushed.agreement?.agrees).toBe(true);
    const pulled = await b.services.sync.syncNow();
    expect(pulled.pulled).toBe(2);
    expect(b.services.appeals.get(after.id).content).toBe('Второе обращение');
    expect(b.services.appeals.get(before.id).regNumber).toBe(before.regNumber);
    expect(pulled.agreement).toMatchObject({ agrees: true, differences: [] });
    // Nothing left to send, nothing new to receive: a second run moves nothing.
    expect(await a.services.sync.syncNow()).toMatchObject({ pushed: 0, pulled: 0 });
    expect(a.services.sync.status().pending).toEqual({ changes: 0, responses: 0, attachments: 0 });
  });

  it('merges concurrent edits of one card field by field, last writer by HLC wins', async () => {
    const c = await central(backend);
    let t = Date.parse('2026-03-02T09:00:00Z');
    const now = () => new Date(t);
    const a = desk({ now });
    const b = desk({ now });
    await enroll(c, a);
    await enroll(c, b);
    const card = create(a, officialOf(a));
    await a.services.sync.syncNow();
    await b.services.sync.syncNow();
    // Offline, both edit: A the executor then (later) the content; B the content in between.
    t += 1000;
    update(a, card.id, { executor: 'Отдел дорог' });
    t += 1000;
    update(b, card.id, { content: 'Текст от Б' });
    t += 1000;
    update(a, card.id, { content: 'Текст от А, позже' });
    await b.services.sync.syncNow();
    await a.services.sync.syncNow();
    await b.services.sync.syncNow();
    for (const d of [a, b]) {
      const x = d.services.appeals.get(card.id);
      expect(x.executor).toBe('Отдел дорог');
      expect(x.content).toBe('Текст от А, позже');
    }
    expect(await agree(c, a)).toEqual([]);
    expect(await agree(c, b)).toEqual([]);
  });

  it('converges with desk clocks wrong by ±7 days', async () => {
    const c = await central(backend);
    const real = Date.parse('2026-03-10T09:00:00Z');
    let ahead = real + 7 * DAY;
    let behind = real - 7 * DAY;
    const a = desk({ now: () => new Date(ahead) });
    const b = desk({ now: () => new Date(behind) });
    await enroll(c, a);
    await enroll(c, b);
    const card = create(a, officialOf(a));
    await a.services.sync.syncNow();
    await b.services.sync.syncNow();
    // B (a week behind) edits after seeing A's stamp: its clock has moved past it, so it wins.
    behind += 60_000;
    update(b, card.id, { executor: 'Исполнитель Б' });
    await b.services.sync.syncNow();
    await a.services.sync.syncNow();
    expect(a.services.appeals.get(card.id).executor).toBe('Исполнитель Б');
    ahead += 60_000;
    update(a, card.id, { executor: 'Исполнитель А' });
    await a.services.sync.syncNow();
    await b.services.sync.syncNow();
    expect(b.services.appeals.get(card.id).executor).toBe('Исполнитель А');
    expect(await agree(c, a)).toEqual([]);
    expect(await agree(c, b)).toEqual([]);
  });

  it('brings central updates of an appeal and reference data to the office’s desks', async () => {
    const c = await central(backend);
    const a = desk();
    await enroll(c, a);
    const card = create(a, officialOf(a));
    await a.services.sync.syncNow();
    const admin = await c.offices.createAdmin('Центр');
    const post = (path: string, body: unknown) =>
      fetch(`${c.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.token}` },
        body: JSON.stringify(body),
      });
    const res = await post(`/v1/admin/appeals/${card.id}`, {
      fields: { status: 'answered_written', answerDate: '2026-03-20', result: 'supported' },
    });
    expect(res.status).toBe(200);
    const refused = await post(`/v1/admin/appeals/${card.id}`, { fields: { content: 'x' } });
    expect(refused.status).toBe(400);
    const serviceId = '0194f0c0-0000-7000-8000-000000000001';
    const put = await post('/v1/admin/reference', {
      entity: 'service',
      data: {
        id: serviceId,
        title: 'Выдача удостоверения многодетной семьи',
        kind: 'service',
        active: true,
      },
    });
    expect(put.status).toBe(200);
    await a.services.sync.syncNow();
    const x = a.services.appeals.get(card.id);
    expect([x.status, x.answerDate, x.result]).toEqual([
      'answered_written',
      '2026-03-20',
      'supported',
    ]);
    expect(a.services.services.list().map((s) => s.title)).toContain(
      'Выдача удостоверения многодетной семьи',
    );
    expect(await agree(c, a)).toEqual([]);
  });

  it('sends anonymous survey responses once, with nothing but their date', async () => {
    const c = await central(backend);
    const a = desk();
    const b = desk();
    await enroll(c, a);
    await enroll(c, b);
    const campaignId = surveyCampaign(a);
    for (let i = 0; i < 3; i++) answerOnKiosk(a, campaignId);
    for (const q3 of [5, 5, 4]) {
      ok(
        a.dispatch('surveys.submit', {
          campaignId,
          serviceId: null,
          channel: 'paper',
          date: '2026-02-10',
          answers: { q3, q2: ['mfc'] },
        }),
      );
    }
    expect(a.services.sync.status().pending.responses).toBe(6);
    expect((await a.services.sync.syncNow()).pushed).toBe(6);
    expect((await b.services.sync.syncNow()).pulled).toBe(6);
    const rows = await c.central.db.selectFrom('responses').selectAll().execute();
    expect(rows).toHaveLength(6);
    expect(Object.keys(rows[0]!).sort()).toEqual(CENTRAL_RESPONSE_COLUMNS);
    expect(await agree(c, b)).toEqual([]);
    // The pulling desk counts them into its survey roll-up as the answering desk did
    // (a page's cells are summed before they are written).
    const cells = (d: Desk) =>
      d.db.prepare('SELECT * FROM report_survey ORDER BY 1, 2, 3, 4, 5, 6, 7').all();
    expect(cells(a)).toContainEqual(expect.objectContaining({ key: 'q3', value: '5', n: 2 }));
    expect(cells(b)).toEqual(cells(a));
  });

  it('applies a retried push once: the same change ids twice change nothing', async () => {
    const c = await central(backend);
    const a = desk();
    await enroll(c, a);
    create(a, officialOf(a));
    const batch = a.services.syncStore.batch(0, 100);
    const token = a.services.credentials.load()!.token;
    const push = () =>
      fetch(`${c.url}/v1/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ protocol: 2, changes: batch.changes }),
      }).then((r) => r.json());
    expect(await push()).toEqual({ applied: 1, duplicates: 0, refused: [] });
    expect(await push()).toEqual({ applied: 0, duplicates: 1, refused: [] });
    const log = await c.central.db.selectFrom('change_log').select('seq').execute();
    expect(log).toHaveLength(1);
  });
  it('uploads a card’s scans once the card is there, once, checked by hash and office', async () => {
    const c = await central(backend);
    const a = desk();
    const other = desk();
    await enroll(c, a, 'MIN01');
    await enroll(c, other, 'MIN02');
    const card = create(a, officialOf(a));
    const scan = Buffer.from('%PDF-1.4\nскан заявления\n%%EOF');
    const attachment = ok<{ id: string; sha256: string }>(
      a.dispatch('attachments.add', {
        appealId: card.id,
        fileName: 'заявление.pdf',
        data: scan.toString('base64'),
      }),
    );
    expect(a.services.sync.status().pending.attachments).toBe(1);
    await a.services.sync.syncNow();
    expect(a.services.sync.status().pending.attachments).toBe(0);
    const rows = await c.central.db.selectFrom('attachments').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(Buffer.from(rows[0]!.data).equals(scan)).toBe(true);
    expect(rows[0]).toMatchObject({ appeal_id: card.id, sha256: attachment.sha256 });
    expect(a.services.attachments.list(card.id)[0]!.uploadedAt).not.toBeNull();
    await a.services.sync.syncNow();
    expect(await c.central.db.selectFrom('attachments').selectAll().execute()).toHaveLength(1);

    const upload = (token: string, body: Record<string, unknown>) =>
      fetch(`${c.url}/v1/attachments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          id: '0194f0c0-0000-4000-8000-00000000bbbb',
          appealId: card.id,
          fileName: 'x.pdf',
          mime: 'application/pdf',
          sha256: attachment.sha256,
          data: scan.toString('base64'),
          ...body,
        }),
      });
    const mine = a.services.credentials.load()!.token;
    const theirs = other.services.credentials.load()!.token;
    const damaged = Buffer.from('%PDF-1.4\nповрежден\n%%EOF').toString('base64');
    expect((await upload(mine, { data: damaged })).status).toBe(400);
    expect((await upload(theirs, {})).status).toBe(403);
    expect((await upload(mine, { appealId: '0194f0c0-0000-4000-8000-00000000cccc' })).status).toBe(
      409,
    );
    expect(await c.central.db.selectFrom('attachments').selectAll().execute()).toHaveLength(1);
  });
});

describe('pipelined sync (issue 16)', () => {
  it('asks for the next page while applying one; a failure there loses nothing, repeats nothing', async () => {
    const c = await central('sqlite');
    const a = desk({ sync: { batchChanges: 4 } });
    await enroll(c, a, 'MIN01', 'MIN01A');
    const official = officialOf(a);
    const ids = Array.from({ length: 12 }, (_, i) => create(a, official, { content: `№ ${i}` }).id);
    // Pushed in three batches of four, each acknowledged after its answer.
    const pushes: number[] = [];
    a.close();
    const a2: Desk = desk({
      dir: a.dir,
      sync: {
        batchChanges: 4,
        fetch: (url, init) => {
          if (String(url).endsWith('/v1/push')) {
            pushes.push(a2.services.sync.status().pending.changes);
          }
          return fetch(url, init);
        },
      },
    });
    expect((await a2.services.sync.syncNow()).pushed).toBe(12);
    expect(pushes).toEqual([12, 8, 4]); // one at a time: each sent once the one before is done
    // A second desk pulls pages of five; the third page's request fails.
    let asked: { after: number; applied: number }[] = [];
    let fail = true;
    const b: Desk = desk({
      sync: {
        pullLimit: 5,
        fetch: (url, init) => {
          const m = /\/v1\/pull\?after=(\d+)/.exec(String(url));
          if (m) {
            asked.push({ after: Number(m[1]), applied: b.services.syncStore.cursor() });
            if (fail && asked.length === 3) return Promise.reject(new TypeError('fetch failed'));
          }
          return fetch(url, init);
        },
      },
    });
    await enroll(c, b, 'MIN01', 'MIN01B');
    await expect(b.services.sync.syncNow()).rejects.toThrow();
    // Page 2 was asked for before page 1 was applied, and page 3 before page 2 was.
    expect(asked[1]!.after).toBeGreaterThan(asked[1]!.applied);
    expect(asked[2]!.after).toBeGreaterThan(asked[2]!.applied);
    // Pages 1 and 2 are in, with their cursor; the lost request changed nothing.
    const held = () => b.db.prepare('SELECT count(*) FROM appeals').pluck().get() as number;
    expect(held()).toBe(10);
    expect(b.services.syncStore.cursor()).toBe(asked[2]!.after);
    fail = false;
    asked = [];
    expect((await b.services.sync.syncNow()).pulled).toBe(2);
    expect(held()).toBe(12);
    expect(ids.map((id) => b.services.appeals.get(id).content)).toEqual(
      ids.map((_, i) => `№ ${i}`),
    );
  });
});

describe('pulled pages applied in slices (issue 16)', () => {
  it('a page is applied a slice at a time, each with its cursor; a failure mid-page keeps the slices before it', async () => {
    const c = await central('sqlite');
    const a = desk();
    await enroll(c, a, 'MIN01', 'MIN01A');
    const official = officialOf(a);
    const ids = Array.from({ length: 30 }, (_, i) => create(a, official, { content: `№ ${i}` }).id);
    await a.services.sync.syncNow();

    // Slices of one card each: between them the event loop runs, and the cursor moves.
    const b = desk({ sync: { pullLimit: 100, pullSliceMs: 0, agreement: false } });
    await enroll(c, b, 'MIN01', 'MIN01B');
    const seen = new Set<number>();
    let watching = true;
    const watch = () => {
      seen.add(b.services.syncStore.cursor());
      if (watching) setImmediate(watch);
    };
    watch();
    expect((await b.services.sync.syncNow()).pulled).toBeGreaterThanOrEqual(30);
    watching = false;
    expect(seen.size).toBeGreaterThan(25);

    // A card that fails to apply in the middle of a page: the slices before it stay, with the
    // cursor they reached; the next run applies the rest, nothing twice.
    const d = desk({ sync: { pullLimit: 100, pullSliceMs: 0, agreement: false } });
    await enroll(c, d, 'MIN01', 'MIN01D');
    const applySynced = d.services.appeals.applySynced;
    let calls = 0;
    d.services.appeals.applySynced = (id, record) => {
      if (++calls === 17) throw new Error('диск отказал');
      applySynced(id, record);
    };
    await expect(d.services.sync.syncNow()).rejects.toThrow('диск отказал');
    const held = () => d.db.prepare('SELECT count(*) FROM appeals').pluck().get() as number;
    expect(held()).toBe(16);
    // Slices commit without an fsync; what the desk itself writes still waits for the disk,
    // and foreign keys are checked again, even after a slice that failed.
    for (const x of [b, d]) {
      expect(x.db.pragma('synchronous', { simple: true })).toBe(2);
      expect(x.db.pragma('foreign_keys', { simple: true })).toBe(1);
    }
    calls = 0;
    d.services.appeals.applySynced = (id, record) => {
      calls++;
      applySynced(id, record);
    };
    await d.services.sync.syncNow();
    expect(calls).toBe(14);
    expect(held()).toBe(30);
    expect(ids.map((id) => d.services.appeals.get(id).content)).toEqual(
      ids.map((_, i) => `№ ${i}`),
    );
    expect(await agree(c, d)).toEqual([]);
  });
});

describe('compression on the wire (issue 16)', () => {
  it('a desk gzips its pushes once the central says it takes them; pages come back gzipped', async () => {
    const c = await central('sqlite');
    const seen: { path: string; sent: string | null; got: string | null }[] = [];
    const watching: typeof fetch = async (url, init) => {
      const r = await fetch(url, init);
      seen.push({
        path: new URL(String(url)).pathname,
        sent: new Headers(init?.headers).get('content-encoding'),
        got: r.headers.get('content-encoding'),
      });
      return r;
    };
    const a = desk({ sync: { batchChanges: 5, fetch: watching } });
    await enroll(c, a, 'MIN01', 'MIN01A');
    const official = officialOf(a);
    const ids = Array.from({ length: 12 }, (_, i) => create(a, official, { content: `№ ${i}` }).id);
    expect((await a.services.sync.syncNow()).pushed).toBe(12);
    // The first batch goes plain (nothing said yet), the next ones gzipped.
    expect(seen.filter((x) => x.path === '/v1/push').map((x) => x.sent)).toEqual([
      null,
      'gzip',
      'gzip',
    ]);
    const b = desk({ sync: { fetch: watching } });
    await enroll(c, b, 'MIN01', 'MIN01B');
    expect((await b.services.sync.syncNow()).pulled).toBe(12);
    // b's page of twelve cards came gzipped (a's empty pages, under 1 kB, did not).
    const pulls = seen.filter((x) => x.path === '/v1/pull').map((x) => x.got);
    expect(pulls[0]).toBeNull();
    expect(pulls).toContain('gzip');
    expect(ids.map((id) => b.services.appeals.get(id).content)).toEqual(
      ids.map((_, i) => `№ ${i}`),
    );
  });

  it('worst bodies: a gzip bomb stops at the body limit, other codings and broken gzip are refused', async () => {
    const c = await central('sqlite');
    const a = desk();
    await enroll(c, a, 'MIN01', 'MIN01A');
    const token = a.services.credentials.load()!.token;
    const post = (body: Buffer | string, headers: Record<string, string>, path = '/v1/push') =>
      fetch(`${c.url}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...headers,
        },
        body,
      });
    const json = JSON.stringify({ protocol: 3, changes: [] });
    const plain = await post(json, {});
    const zipped = await post(gzipSync(json), { 'content-encoding': 'gzip' });
    expect(zipped.status).toBe(plain.status);
    expect(await zipped.json()).toEqual(await plain.json());
    expect(zipped.headers.get('accept-encoding')).toBe('gzip');
    // 200 MB of spaces in about 200 kB: refused at 32 MB, the process still answers.
    const bomb = gzipSync(Buffer.alloc(200 * 1024 * 1024, 0x20));
    expect(bomb.length).toBeLessThan(300_000);
    const started = Date.now();
    const big = await post(bomb, { 'content-encoding': 'gzip' });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { message: string }).message).toBe('Слишком большой запрос.');
    expect(Date.now() - started).toBeLessThan(10_000);
    const br = await post(json, { 'content-encoding': 'br' });
    expect(br.status).toBe(415);
    expect(((await br.json()) as { message: string }).message).toMatch(/ожидается gzip/);
    const broken = await post(Buffer.concat([gzipSync(json).subarray(0, 12), randomBytes(64)]), {
      'content-encoding': 'gzip',
    });
    expect(broken.status).toBe(400);
    // Routes other than sync take no coded bodies at all.
    const admin = await post(gzipSync('{}'), { 'content-encoding': 'gzip' }, '/v1/console/login');
    expect(admin.status).toBe(415);
    // A client that does not accept gzip gets the page as it is.
    const page = await fetch(`${c.url}/v1/pull?after=0&limit=1000&protocol=3`, {
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'identity' },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-encoding')).toBeNull();
    // The central is still there for the desk.
    expect((await a.services.sync.syncNow()).pushed).toBe(0);
  });
});

describe('sync authorisation', () => {
  it('refuses an unenrolled device, a revoked one, and writes into another office', async () => {
    const c = await central('sqlite');
    const a = desk();
    const other = desk();
    await enroll(c, a, 'MIN01');
    await enroll(c, other, 'MIN02');
    const card = create(a, officialOf(a));
    await a.services.sync.syncNow();

    const unknown = await fetch(`${c.url}/v1/pull`, {
      headers: { authorization: 'Bearer nope-nope-nope' },
    });
    expect(unknown.status).toBe(401);
    expect(((await unknown.json()) as { message: string }).message).toMatch(
      /Ключ доступа неизвестен/,
    );
    expect((await fetch(`${c.url}/v1/pull`)).status).toBe(401);

    // The other office's desk tries to overwrite MIN01's card: refused, nothing written.
    const token = other.services.credentials.load()!.token;
    const node = other.services.settings.value('sync_node')!;
    const res = await fetch(`${c.url}/v1/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        protocol: 2,
        changes: [
          {
            id: '0194f0c0-0000-4000-8000-00000000aaaa',
            entity: 'appeal',
            entityId: card.id,
            hlc: `${String(Date.now()).padStart(15, '0')}-0000-${node}`,
            fields: { content: 'Чужая правка' },
          },
        ],
      }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      applied: 0,
      refused: [{ code: 'forbidden', message: expect.stringMatching(/другому органу/) }],
    });
    const stored = await c.central.db
      .selectFrom('appeals')
      .select('data')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.data).content).toBe(card.content);
    // Nor does it see MIN01's cards.
    expect((await other.services.sync.syncNow()).pulled).toBe(0);

    await c.offices.revoke(a.services.credentials.load()!.deviceId);
    create(a, officialOf(a));
    await expect(a.services.sync.syncNow()).rejects.toThrow(/отозван/);
    expect(a.services.sync.status().lastError).toMatch(/отозван/);
    expect(a.services.sync.status().pending.changes).toBe(1); // kept for later, nothing lost
  });

  it('an enrollment code works once', async () => {
    const c = await central('sqlite');
    await c.offices.createOffice('MIN01', 'Орган');
    const { code } = await c.offices.createEnrollmentCode('MIN01', null);
    await desk().services.sync.enroll(c.url, code, 'Окно 1');
    await expect(desk().services.sync.enroll(c.url, code, 'Окно 2')).rejects.toThrow(
      /неверен, уже использован или истёк/,
    );
  });
});

describe('background sync on the desk', () => {
  it('syncs soon after a local change, never runs twice at once, and backs off when the server is away', async () => {
    const c = await central('sqlite');
    const d = desk({ sync: { debounceMs: 50, intervalMs: 60_000, random: () => 1 } });
    await enroll(c, d);
    const first = d.services.sync.syncNow();
    expect(d.services.sync.syncNow()).toBe(first); // joins the run in progress
    await first;
    d.services.sync.start();
    create(d, officialOf(d));
    const deadline = Date.now() + 5000;
    while (d.services.sync.status().pending.changes > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(d.services.sync.status().pending.changes).toBe(0);
    d.services.sync.stop();
    // The background run may still be pulling or reporting: let it end before the server goes.
    await d.services.sync.syncNow();

    await c.stop();
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      await d.services.sync.syncNow().catch(() => undefined);
      delays.push(d.services.sync.backoff());
    }
    expect(delays.slice(0, 4)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(delays.at(-1)).toBe(300_000); // capped at 5 minutes
    expect(d.services.sync.status().lastError).toBe('Центральный сервер недоступен (нет связи).');
    await c.restart();
    await d.services.sync.syncNow();
    expect(d.services.sync.status().lastError).toBeNull();
  });
});
