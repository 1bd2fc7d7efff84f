import { describe, expect, it } from 'vitest';
import type { Output } from '../../src-shared/contract/api';
import { quarterPeriod } from '../../src-shared/reports/period';
import { compareDigests } from '../../src-shared/sync/agreement';
import { PROTOCOL3_APPEAL_FIELDS } from '../../src-shared/sync/records';
import { deskDigest } from '../../src-main/core/sync/agreement';
import { officeDigest } from '../../src-server/domain/agreement';
import { appealInput } from '../helpers/appeal-input';
import { enroll, officialOf, ok, type Central, type Desk } from '../helpers/central';
import { editAppeal } from '../helpers/edit-appeal';
import { postgresForTests } from '../helpers/postgres';
import { testScope } from '../helpers/scope';
import { ownOutcome } from '../helpers/questions';

/*
 * Questions across the desk and the central server (issue 14): the same monthly table and file
 * on both sides, a question's outcome edited on two desks converging, and a desk of protocol 2
 * still working beside them (docs/sync.md, "Versions").
 */

const pg = postgresForTests();
const { backends } = pg;
const scope = testScope();
const central = (backend: 'sqlite' | 'postgres') =>
  scope.central({ databaseUrl: pg.databaseUrl(backend) });
const desk = scope.desk;

const A = '0005.0005.0056.1160';
const B = '0002.0007.0071.0282.0025';
const C = '0003.0009.0102.0768';
const DEPARTMENT = '11111111-2222-4333-8444-555555555555';
const PDF = Buffer.from('%PDF-1.4\n% otvet\n%%EOF\n').toString('base64');
type Appeal = Output<'appeals.get'>;

const own = ownOutcome;

const create = (d: Desk, official: string, over: object) =>
  ok<Appeal>(d.dispatch('appeals.create', { data: appealInput(official, over as never) }));

/** Two desks of one office with the same card on both; their clock moves by `tick()`. */
async function oneCardOnTwoDesks(c: Central, topicCodes: string[]) {
  let t = Date.parse('2026-10-02T09:00:00Z');
  const now = () => new Date(t);
  const a = desk({ now });
  const b = desk({ now });
  await enroll(c, a);
  await enroll(c, b);
  const card = create(a, officialOf(a), { topicCodes, registeredAt: '2026-10-01T10:00' });
  await a.services.sync.syncNow();
  await b.services.sync.syncNow();
  return { a, b, card, tick: () => (t += 1000) };
}

async function adminGet<T>(c: Central, path: string): Promise<T> {
  const { token } = await c.offices.createAdmin('Аналитик');
  const res = await fetch(`${c.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}

describe.each(backends)('questions on %s', (backend) => {
  it('desk and central give the same monthly table, pre-flight list and file', async () => {
    const c = await central(backend);
    const d = desk({ now: () => new Date('2026-11-10T09:00:00Z') });
    await enroll(c, d, 'MIN01');
    ok(d.dispatch('sstu.saveSettings', { departmentId: DEPARTMENT }));
    await c.offices.setSstuDepartment('MIN01', DEPARTMENT);
    const o = officialOf(d);
    const two = create(d, o, {
      registeredAt: '2026-10-07T11:00',
      topicCodes: [A, B],
      forwardedFrom: 'Администрация Губернатора',
      forwardedNumber: 'АГ-1',
      forwardedDate: '2026-10-02',
      viaMedo: true,
    });
    const doc = ok<{ id: string }>(
      d.dispatch('attachments.add', { appealId: two.id, fileName: 'otvet.pdf', data: PDF }),
    ).id;
    editAppeal(d, two.id, {
      status: 'answered_written',
      answerDate: '2026-10-20',
      result: 'supported',
      measuresTaken: true,
      answerAttachmentId: doc,
      questions: { [B]: own({ status: 'not_supported', responseDate: '2026-10-21' }) },
    });
    create(d, o, {
      registeredAt: '2026-10-12T09:00',
      topicCodes: [A, B, C],
      status: 'in_progress',
    });
    create(d, o, {
      registeredAt: '2026-09-20T10:00',
      status: 'answered_written',
      answerDate: '2026-10-10',
      result: 'refused',
    });
    create(d, o, {
      registeredAt: '2026-10-28T10:00',
      status: 'answered_written',
      answerDate: '2026-11-05',
      result: 'explained',
      extensionDays: 5,
      extensionReason: 'Запрос',
    });
    await d.services.sync.syncNow();
    expect(d.services.attachments.pendingCount()).toBe(0);

    const local = ok<Output<'sstu.check'>>(d.dispatch('sstu.check', { month: '2026-10' }));
    const remote = await adminGet<{ table: unknown; problems: unknown; cards: number }>(
      c,
      '/v1/admin/sstu/check?month=2026-10&office=MIN01',
    );
    expect(local.cards).toBe(4);
    expect(remote.table).toEqual(local.table);
    expect(remote.problems).toEqual(local.problems);
    expect(local.problems.map((p) => p.message)).toEqual([
      // B of the two-question card is set apart without its own answer document.
      '«Рассмотрено. Не поддержано»: не приложен документ с ответом.',
      // The card from September, refused in October, has none either.
      '«Рассмотрено. Не поддержано»: не приложен документ с ответом.',
    ]);
    const deskFile = ok<Output<'sstu.file'>>(
      await d.call('sstu.file', { month: '2026-10', format: 'json' }),
    );
    const centralFile = await adminGet<{ data: string }>(
      c,
      '/v1/admin/sstu/file?month=2026-10&office=MIN01&format=json',
    );
    const records = (f: { data: string }) => JSON.parse(Buffer.from(f.data, 'base64').toString());
    expect(records(centralFile)).toEqual(records(deskFile));
    expect(records(deskFile)).toHaveLength(4);
    const exports = await c.central.db.selectFrom('personal_exports').selectAll().execute();
    expect(exports.map((e) => [e.what, e.offices, Number(e.cards)])).toEqual([
      ['ССТУ.РФ 2026-10 json', 'MIN01', 4],
    ]);

    // The quarter's questions table: the same on both sides.
    const Q4 = quarterPeriod(2026, 4);
    const deskQ = ok<Output<'reports.questions'>>(d.dispatch('reports.questions', { period: Q4 }));
    const centralQ = await adminGet<typeof deskQ>(
      c,
      `/v1/admin/reports/questions?from=${Q4.from}&to=${Q4.to}&office=MIN01`,
    );
    expect({ ...centralQ, asOf: null }).toEqual({ ...deskQ, asOf: null });
    expect(deskQ.all.total).toBe(6); // 2 + 3 + 1: the September card is Q3’s
    expect([deskQ.all.byStatus.supported, deskQ.all.measuresTaken]).toEqual([1, 1]);
  });

  it('the report routes refuse the worst values: no key, a bad month or id, unknown or too many offices', async () => {
    const c = await central(backend);
    await c.offices.createOffice('MIN01', 'Орган');
    const { token } = await c.offices.createAdmin('Администратор');
    const call = (path: string, init: RequestInit = {}, key: string | null = token) =>
      fetch(`${c.url}${path}`, {
        ...init,
        headers: {
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
      });
    // No key, or a forged one: refused before anything is read.
    expect((await call('/v1/admin/sstu/file?month=2026-10', {}, null)).status).toBe(401);
    expect((await call('/v1/admin/sstu/check?month=2026-10', {}, 'x'.repeat(64))).status).toBe(401);
    for (const month of ['2026-13', '2026-1', '26-10', "2026-10'--", '']) {
      expect((await call(`/v1/admin/sstu/check?month=${encodeURIComponent(month)}`)).status).toBe(
        400,
      );
    }
    expect((await call('/v1/admin/sstu/check?month=2026-10&office=NOPE')).status).toBe(400);
    const many = Array.from({ length: 400 }, (_, i) => `X${i}`).join(',');
    expect((await call(`/v1/admin/sstu/check?month=2026-10&office=${many}`)).status).toBe(400);
    expect((await call('/v1/admin/sstu/file?month=2026-10&format=pdf')).status).toBe(400);
    expect((await call('/v1/admin/reports/questions?from=2026-10-31&to=2026-10-01')).status).toBe(
      400,
    );
    const set = (departmentId: unknown) =>
      call('/v1/admin/offices/sstu', {
        method: 'POST',
        body: JSON.stringify({ office: 'MIN01', departmentId }),
      });
    for (const bad of ['не uuid', '1'.repeat(61), 42]) expect((await set(bad)).status).toBe(400);
    // Without the office's id, no file leaves: the table and the list still answer.
    expect((await call('/v1/admin/sstu/file?month=2026-10&office=MIN01')).status).toBe(400);
    expect((await call('/v1/admin/sstu/check?month=2026-10&office=MIN01')).status).toBe(200);
    expect((await set(DEPARTMENT)).status).toBe(200);
    expect((await call('/v1/admin/sstu/file?month=2026-10&office=MIN01')).status).toBe(200);
  });

  it('a question’s outcome edited on two desks converges, and so does the card’s outcome', async () => {
    const c = await central(backend);
    const { a, b, card, tick } = await oneCardOnTwoDesks(c, [A, B]);
    tick();
    editAppeal(a, card.id, {
      questions: { [B]: own({ status: 'supported', responseDate: '2026-10-05' }) },
    });
    tick();
    editAppeal(b, card.id, {
      status: 'answered_written',
      answerDate: '2026-10-06',
      result: 'explained',
      questions: { [B]: own({ status: 'not_supported', responseDate: '2026-10-06' }) },
    });
    await a.services.sync.syncNow();
    await b.services.sync.syncNow();
    await a.services.sync.syncNow();
    const rows = (d: Desk) =>
      d.db
        .prepare(
          'SELECT code, status, own FROM appeal_questions WHERE appeal_id = ? ORDER BY position',
        )
        .all(card.id);
    for (const d of [a, b]) {
      expect(d.services.appeals.get(card.id).questions[B]!.status).toBe('not_supported');
      expect(rows(d)).toEqual([
        { code: A, status: 'explained', own: 0 },
        { code: B, status: 'not_supported', own: 1 },
      ]);
    }
    const office = await c.offices.officeByCode('MIN01');
    expect(
      compareDigests(await deskDigest(a.db), await officeDigest(c.central.db, office.id)),
    ).toEqual([]);
    expect(
      compareDigests(await deskDigest(b.db), await officeDigest(c.central.db, office.id)),
    ).toEqual([]);
    const centralRows = await c.central.db
      .selectFrom('appeal_questions')
      .select(['code', 'status'])
      .where('appeal_id', '=', card.id)
      .orderBy('position')
      .execute();
    expect(centralRows).toEqual([
      { code: A, status: 'explained' },
      { code: B, status: 'not_supported' },
    ]);
    // The card's outcome for the metrics: explained and not supported → refused (metrics.md).
    const result = await c.central.db
      .selectFrom('appeals')
      .select('result')
      .where('id', '=', card.id)
      .executeTakeFirstOrThrow();
    expect(result.result).toBe('refused');
    expect(a.db.prepare('SELECT outcome FROM appeals WHERE id = ?').pluck().get(card.id)).toBe(
      'refused',
    );
  });

  it('two desks setting apart different questions of one card both keep theirs', async () => {
    const c = await central(backend);
    const { a, b, card, tick } = await oneCardOnTwoDesks(c, [A, B, C]);
    // Offline, A sets apart question A, B sets apart question B (later) and the content.
    tick();
    editAppeal(a, card.id, {
      questions: { [A]: own({ status: 'explained', responseDate: '2026-10-05' }) },
    });
    tick();
    editAppeal(b, card.id, {
      content: 'Уточнено на втором месте',
      questions: { [B]: own({ status: 'answered', responseDate: '2026-10-06' }) },
    });
    await b.services.sync.syncNow();
    await a.services.sync.syncNow();
    await b.services.sync.syncNow();
    for (const d of [a, b]) {
      const x = d.services.appeals.get(card.id);
      expect(
        Object.fromEntries(Object.entries(x.questions).map(([k, q]) => [k, q.status])),
      ).toEqual({
        [A]: 'explained',
        [B]: 'answered',
      });
      expect(x.content).toBe('Уточнено на втором месте');
    }
    // One desk gives its question back to the card: the other desk and the central follow.
    tick();
    editAppeal(a, card.id, {
      questions: { [B]: own({ status: 'answered', responseDate: '2026-10-06' }) },
    });
    await a.services.sync.syncNow();
    await b.services.sync.syncNow();
    expect(Object.keys(b.services.appeals.get(card.id).questions)).toEqual([B]);
    const office = await c.offices.officeByCode('MIN01');
    for (const d of [a, b]) {
      expect(
        compareDigests(await deskDigest(d.db), await officeDigest(c.central.db, office.id)),
      ).toEqual([]);
    }
  });

  it('a desk of protocol 2 pushes cards without the new fields and pulls cards without them', async () => {
    const c = await central(backend);
    const d = desk();
    await enroll(c, d, 'MIN01');
    const card = create(d, officialOf(d), {
      topicCodes: [A, B],
      questions: { [B]: own({ status: 'answered', responseDate: '2026-03-05' }) },
    });
    await d.services.sync.syncNow();
    // An old desk of the same office: its own token, protocol 2, no new fields.
    const old = desk();
    await enroll(c, old, 'MIN01');
    const token = old.services.credentials.load()!.token;
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const pulled = await fetch(`${c.url}/v1/pull?after=0&limit=100`, { headers: auth });
    const page = (await pulled.json()) as {
      items: { type: string; change?: { entityId: string; fields: Record<string, unknown> } }[];
    };
    const change = page.items.find((i) => i.type === 'change' && i.change!.entityId === card.id)!;
    for (const f of PROTOCOL3_APPEAL_FIELDS) expect(change.change!.fields).not.toHaveProperty(f);
    expect(change.change!.fields.topicCodes).toEqual([A, B]);
    // Its new card, whole in protocol 2's terms, is accepted and reads with empty new fields.
    const outbox = old.services.syncStore.batch(0, 10);
    const oldCard = create(old, officialOf(old), { registeredAt: '2026-03-02T10:00' });
    const fresh = old.services.syncStore.batch(outbox.lastSeq, 10).changes[0]!;
    const fields = { ...fresh.fields } as Record<string, unknown>;
    for (const f of PROTOCOL3_APPEAL_FIELDS) delete fields[f];
    const pushed = await fetch(`${c.url}/v1/push`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ protocol: 2, changes: [{ ...fresh, fields }] }),
    });
    expect(await pushed.json()).toEqual({ applied: 1, duplicates: 0, refused: [] });
    await d.services.sync.syncNow();
    const there = d.services.appeals.get(oldCard.id);
    expect([there.questions, there.viaMedo, there.forwardedFrom]).toEqual([{}, false, null]);
    expect(
      d.db
        .prepare('SELECT status FROM appeal_questions WHERE appeal_id = ?')
        .pluck()
        .all(oldCard.id),
    ).toEqual(['in_work']);
  });
});
