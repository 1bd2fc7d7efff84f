import fc from 'fast-check';
import { cpSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Appeal } from '../../src-shared/domain/appeal';
import {
  isStamp,
  MAX_AHEAD_MS,
  MAX_MILLIS,
  parse,
  receive,
  serialize,
  tick,
  type Hlc,
} from '../../src-shared/sync/hlc';
import { packClocks } from '../../src-shared/sync/lww';
import { appealInput } from '../helpers/appeal-input';
import { enroll, ok, officialOf, type Central, type Desk } from '../helpers/central';
import { postgresForTests } from '../helpers/postgres';
import { testScope } from '../helpers/scope';
import { tempDir } from '../helpers/temp-core';

/** Points 2, 3 and 4: poisoned clocks, cloned and replaced desks, one bad change in a batch. */
const pg = postgresForTests();
const scope = testScope();
const { desk } = scope;
const central = (backend: 'sqlite' | 'postgres' = 'sqlite'): Promise<Central> =>
  scope.central({ databaseUrl: pg.databaseUrl(backend) });

function create(d: Desk, official: string, overrides = {}): Appeal {
  return ok<Appeal>(d.dispatch('appeals.create', { data: appealInput(official, overrides) }));
}

async function push(c: Central, d: Desk, changes: unknown[]) {
  const token = d.services.credentials.load()!.token;
  const res = await fetch(`${c.url}/v1/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ protocol: 2, changes }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const count = async (c: Central, table: 'appeals' | 'change_log') =>
  Number(
    (
      await c.central.db
        .selectFrom(table)
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('clock poisoning (point 2)', () => {
  const T = Date.parse('2026-11-27T10:00:00Z');
  const node = fc.stringMatching(/^[0-9a-f]{16}$/);
  const anyStamp = fc.record({
    millis: fc.oneof(
      fc.integer({ min: 0, max: MAX_MILLIS }),
      fc.constantFrom(0, MAX_MILLIS, MAX_MILLIS - 1, T, T + MAX_AHEAD_MS, T + MAX_AHEAD_MS + 1),
    ),
    counter: fc.oneof(fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0, 0xffff)),
    node,
  });
  const now = fc.integer({ min: 0, max: 4_102_444_800_000 }); // up to the year 2100

  it('no stamp received, however extreme, leaves the fixed width or moves the clock beyond the bound', () => {
    fc.assert(
      fc.property(anyStamp, anyStamp, now, (last0, remote, t) => {
        // A clock only ever holds stamps within the bound of its own time (clock.ts drops others).
        const last: Hlc = { ...last0, millis: Math.min(last0.millis, t + MAX_AHEAD_MS) };
        const next = receive(last, remote, t);
        expect(isStamp(serialize(next))).toBe(true);
        expect(serialize(next) > serialize(last)).toBe(true);
        // A stamp beyond the bound is not adopted (the counter's overflow may add 1 ms).
        expect(next.millis).toBeLessThanOrEqual(Math.max(last.millis, t + MAX_AHEAD_MS) + 1);
        if (remote.millis > t + MAX_AHEAD_MS) {
          expect(next.millis).toBeLessThanOrEqual(Math.max(last.millis, t) + 1);
        }
        const after = tick(next, t);
        expect(isStamp(serialize(after))).toBe(true);
        expect(serialize(after) > serialize(next)).toBe(true);
      }),
      { numRuns: 3000, seed: 13 },
    );
  });

  it('at the end of the width a clock throws instead of writing 16 digits', () => {
    expect(() => tick({ millis: MAX_MILLIS, counter: 0xffff, node: 'a'.repeat(16) }, 0)).toThrow(
      /exhausted/,
    );
    expect(() => tick({ millis: 0, counter: 0, node: 'a'.repeat(16) }, 8.64e15)).toThrow(
      /impossible time/,
    );
  });

  it.each(pg.backends)(
    'the central refuses a change stamped far ahead, applies the rest, and its admin edits stay valid (%s)',
    async (backend) => {
      const c = await central(backend);
      const d = desk();
      await enroll(c, d);
      const official = officialOf(d);
      create(d, official);
      create(d, official);
      const batch = d.services.syncStore.batch(0, 10).changes;
      const poisoned = { ...batch[1]!, hlc: `999999999999999-ffff-${batch[1]!.hlc.slice(-16)}` };
      const r = await push(c, d, [batch[0], poisoned]);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({
        applied: 1,
        refused: [{ index: 1, code: 'clock_ahead', message: expect.stringMatching(/30 дней/) }],
      });
      // A card poisoned before this fix (written straight into the database): the central's
      // own edit of it still gets a valid stamp within the bound.
      const id = batch[0]!.entityId;
      await c.central.db
        .updateTable('appeals')
        .set({ clocks: packClocks({ status: '999999999999999-ffff-ffffffffffffffee' }) })
        .where('id', '=', id)
        .execute();
      const edit = await c.app.inject({
        method: 'POST',
        url: `/v1/admin/appeals/${id}`,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${(await c.offices.createAdmin('Центр')).token}`,
        },
        payload: { fields: { resultNote: 'Ответ направлен' } },
      });
      expect(edit.statusCode).toBe(200);
      const stamp = (edit.json() as { hlc: string }).hlc;
      expect(isStamp(stamp)).toBe(true);
      expect(parse(stamp).millis).toBeLessThanOrEqual(Date.now() + MAX_AHEAD_MS);
    },
  );

  it('a desk whose stored clock was poisoned before the fix registers again from its own time', () => {
    const d = desk();
    d.services.settings.set('sync_hlc', `999999999999999-ffff-${'a'.repeat(16)}`);
    const official = officialOf(d);
    create(d, official);
    const stamp = d.services.settings.value('sync_hlc')!;
    expect(parse(stamp).millis).toBeLessThan(Date.now() + 1000);
  });
});

describe('one desk code, one desk (point 3)', () => {
  it.each(pg.backends)(
    'a replacement PC needs an explicit code, revokes the old one and continues its numbering (%s)',
    async (backend) => {
      const c = await central(backend);
      const old = desk();
      await enroll(c, old, 'MIN01', 'MIN01A');
      const official = officialOf(old);
      for (let i = 0; i < 3; i++) create(old, official, { registeredAt: '2026-03-02T10:00' });
      await old.services.sync.syncNow();

      // The same desk code again without saying "replacement": refused at once.
      await expect(c.offices.createEnrollmentCode('MIN01', 'MIN01A')).rejects.toThrow(
        /уже закреплён.*--replace/,
      );
      const fresh = desk();
      await enroll(c, fresh, 'MIN01', 'MIN01A', true);
      // The new PC holds the code now: an ordinary code for it is refused again.
      await expect(c.offices.createEnrollmentCode('MIN01', 'MIN01A')).rejects.toThrow(/--replace/);
      expect(fresh.services.settings.deskCode()).toBe('MIN01A');
      // The old PC is out…
      create(old, official);
      await expect(old.services.sync.syncNow()).rejects.toThrow(/отозван/);
      // …and the new one numbers on from the last number the central saw.
      await fresh.services.sync.syncNow();
      const card = create(fresh, officialOf(fresh), { registeredAt: '2026-03-05T10:00' });
      expect(card.regNumber).toBe('MIN01A-2026-000004');
      await fresh.services.sync.syncNow();
      expect(fresh.services.sync.status().refused).toBe(0);
      expect(await count(c, 'appeals')).toBe(4);
      // A revoked holder frees its desk code for an ordinary code.
      await c.offices.revoke(fresh.services.credentials.load()!.deviceId);
      await expect(c.offices.createEnrollmentCode('MIN01', 'MIN01A')).resolves.toMatchObject({
        office: 'MIN01',
      });
    },
  );

  it('a cloned disk: duplicate numbers are refused one by one and flagged, nobody stalls', async () => {
    const c = await central();
    const a = desk();
    await enroll(c, a, 'MIN01', 'MIN01A');
    const official = officialOf(a);
    create(a, official);
    await a.services.sync.syncNow();
    // The disk is copied while the desk is off: same token, node id and counter.
    a.close();
    const copy = tempDir();
    scope.defer(() => copy.cleanup());
    cpSync(a.dir, copy.dir, { recursive: true });
    const original = desk({ dir: a.dir });
    const clone = desk({ dir: copy.dir });
    const first = create(original, official);
    const second = create(clone, official);
    expect(second.regNumber).toBe(first.regNumber);
    await original.services.sync.syncNow();
    await clone.services.sync.syncNow();
    // The clone's card is refused with a reason that names the cause, and set aside.
    expect(clone.services.sync.status()).toMatchObject({ refused: 1, pending: { changes: 0 } });
    expect(ok<{ code: string; reason: string }[]>(clone.dispatch('sync.refused', {}))).toEqual([
      expect.objectContaining({ code: 'duplicate_number', reason: expect.stringMatching(/копия/) }),
    ]);
    const devices = await c.offices.listDevices();
    expect(devices[0]!.clone_suspected_at).not.toBeNull();
    // Neither desk is stalled: both keep syncing, and the original registers on.
    await original.services.sync.syncNow();
    await clone.services.sync.syncNow();
    const next = create(original, official);
    await original.services.sync.syncNow();
    expect(next.regNumber).not.toBe(first.regNumber);
    expect(original.services.sync.status()).toMatchObject({ refused: 0, lastError: null });
  });

  it('a clone that tries to enroll on its own is refused (same node id as an enrolled desk)', async () => {
    const c = await central();
    const a = desk();
    await enroll(c, a, 'MIN01', 'MIN01A');
    a.services.sync.leave();
    // Leaving does not free the desk code or the node id: a copy that "leaves" and enrolls
    // again with a fresh code for another desk code is still the same machine's twin.
    await expect(enroll(c, a, 'MIN01', 'MIN01B')).rejects.toThrow(/копия диска/);
  });

  it('a pulled card whose number this desk already holds is set aside, the pull goes on', async () => {
    const c = await central();
    const a = desk();
    const b = desk();
    await enroll(c, a, 'MIN01', 'MIN01A');
    await enroll(c, b, 'MIN01', 'MIN01B');
    const official = officialOf(a);
    const mine = create(b, officialOf(b));
    // A card of desk A arrives with the very number B's own card has (as a desk restored from
    // an old copy could send it); the central takes it in via a package from before binding.
    const record = b.services.appeals.record(mine.id)!;
    const foreign = { ...record, regNumber: mine.regNumber };
    const id = randomUUID();
    await c.central.db
      .insertInto('appeals')
      .values({
        id,
        office_id: (await c.offices.officeByCode('MIN01')).id,
        desk_code: 'MIN01B',
        registered_at: foreign.registeredAt,
        reg_number: null,
        data: JSON.stringify(foreign),
        clocks: '{}',
      })
      .execute();
    await c.central.db
      .insertInto('change_log')
      .values({
        change_id: randomUUID(),
        office_id: (await c.offices.officeByCode('MIN01')).id,
        device_id: null,
        type: 'change',
        entity: 'appeal',
        entity_id: id,
        payload: JSON.stringify({
          id: randomUUID(),
          entity: 'appeal',
          entityId: id,
          hlc: serialize({ millis: Date.now(), counter: 0, node: 'b'.repeat(16) }),
          fields: foreign,
        }),
      })
      .execute();
    create(a, official);
    await a.services.sync.syncNow();
    await b.services.sync.syncNow();
    expect(b.services.sync.status()).toMatchObject({ refused: 1, lastError: null });
    // B's next card is numbered past everything: it registers and syncs.
    await b.services.sync.syncNow();
    create(b, officialOf(b));
    await b.services.sync.syncNow();
    expect(b.services.sync.status().lastError).toBeNull();
  });

  it('refuses a card under another desk’s code or with a malformed number', async () => {
    const c = await central();
    const a = desk();
    const b = desk();
    await enroll(c, a, 'MIN01', 'MIN01A');
    await enroll(c, b, 'MIN01', 'MIN01B');
    create(a, officialOf(a));
    const [change] = a.services.syncStore.batch(0, 1).changes;
    const fields = change!.fields as Record<string, unknown>;
    const year = String(fields.registeredAt).slice(0, 4);
    const tries = [
      { deskCode: 'MIN01B', regNumber: `MIN01B-${year}-000777` },
      { regNumber: '=HYPERLINK("http://evil/")' },
      { regNumber: `MIN01A-1999-000001` },
    ];
    const r = await push(
      c,
      a,
      tries.map((t) => ({
        ...change,
        id: randomUUID(),
        entityId: randomUUID(),
        fields: { ...fields, ...t },
      })),
    );
    expect(r.body).toMatchObject({
      applied: 0,
      refused: tries.map(() => expect.objectContaining({ code: 'foreign_number' })),
    });
  });
});

describe('one bad change does not block the outbox (point 4)', () => {
  it.each(pg.backends)(
    'one forbidden change among 999 good ones: 999 applied, one set aside with its reason (%s)',
    async (backend) => {
      const c = await central(backend);
      const a = desk({ sync: { batchChanges: 1000 } });
      const other = desk();
      await enroll(c, a, 'MIN01');
      await enroll(c, other, 'MIN02');
      const foreignCard = create(other, officialOf(other));
      await other.services.sync.syncNow();
      const official = officialOf(a);
      const db = a.db;
      const insert = db.prepare(
        'INSERT INTO sync_outbox (change_id, entity, entity_id, hlc, fields) VALUES (?, ?, ?, ?, ?)',
      );
      for (let i = 0; i < 500; i++) create(a, official);
      // An edit of another office's card slipped into the middle of the outbox.
      const badId = randomUUID();
      const hlc = a.services.clock.stamp();
      insert.run(badId, 'appeal', foreignCard.id, hlc, JSON.stringify({ content: 'Чужая правка' }));
      for (let i = 0; i < 499; i++) create(a, official);
      expect(a.services.sync.status().pending.changes).toBe(1000);
      await a.services.sync.syncNow();
      expect(await count(c, 'appeals')).toBe(1000); // 999 of MIN01 and MIN02's one
      const status = a.services.sync.status();
      expect(status).toMatchObject({ pending: { changes: 0 }, refused: 1, lastError: null });
      const refused = ok<{ changeId: string; code: string; reason: string }[]>(
        a.dispatch('sync.refused', {}),
      );
      expect(refused).toEqual([
        expect.objectContaining({
          changeId: badId,
          code: 'forbidden',
          reason: expect.stringMatching(/другому органу/),
        }),
      ]);
      const exported = ok<{ fileName: string; data: string }>(a.dispatch('sync.exportRefused', {}));
      expect(exported.fileName).toMatch(/\.jsonl$/);
      expect(Buffer.from(exported.data, 'base64').toString('utf8')).toContain('Чужая правка');
      expect(ok(a.dispatch('sync.discardRefused', { changeIds: [badId] }))).toEqual({
        discarded: 1,
      });
      expect(a.services.sync.status().refused).toBe(0);
      // And the other office's card is as it was.
      const stored = await c.central.db
        .selectFrom('appeals')
        .select('data')
        .where('id', '=', foreignCard.id)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(stored.data).content).toBe(foreignCard.content);
    },
  );
});
