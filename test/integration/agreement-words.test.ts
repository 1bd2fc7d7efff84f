import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { join } from 'node:path';
import pg_ from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationProvider } from '../../src-server/db/migrations';
import type { Appeal } from '../../src-shared/domain/appeal';
import { compareDigests } from '../../src-shared/sync/agreement';
import { deskDigest, deskDigestFull } from '../../src-main/core/sync/agreement';
import { officeDigest, officeDigestFull } from '../../src-server/domain/agreement';
import { appealInput } from '../helpers/appeal-input';
import { enroll, ok, officialOf, startCentral, startDesk, type Desk } from '../helpers/central';
import { answerOnKiosk, surveyCampaign } from '../helpers/core-calls';
import { editAppeal } from '../helpers/edit-appeal';
import { postgresForTests } from '../helpers/postgres';
import { tempDir } from '../helpers/temp-core';

const { Pool } = pg_;

/**
 * Issue 16: the agreement check sums words kept beside each record instead of hashing every
 * record. These tests hold the kept words to the records they describe: cleared by every other
 * write (local, pulled, or straight into the file), computed for what a pull brings, repaired
 * when they are wrong, and never able to hide a real difference.
 */
const pg = postgresForTests();

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function desk(options: Parameters<typeof startDesk>[0] = {}): Desk {
  const d = startDesk(options);
  cleanups.push(() => d.cleanup());
  return d;
}

const create = (d: Desk, overrides = {}) =>
  ok<Appeal>(d.dispatch('appeals.create', { data: appealInput(officialOf(d), overrides) }));

const unset = (d: Desk) => ({
  cards: Number(d.db.prepare('SELECT count(*) FROM appeals WHERE agree_0 IS NULL').pluck().get()),
  responses: Number(
    d.db
      .prepare('SELECT count(*) FROM survey_responses WHERE agree_0 IS NULL AND pushed = 1')
      .pluck()
      .get(),
  ),
});

describe.each(pg.backends)('agreement words on %s', (backend) => {
  it('every write clears a card’s words; the check recomputes them; pulls bring them computed', async () => {
    const c = await startCentral({ databaseUrl: pg.databaseUrl(backend) });
    cleanups.push(() => c.close());
    const a = desk();
    // B runs no check of its own: what it holds after the pull is what the pull wrote.
    const b = desk({ sync: { agreement: false } });
    await enroll(c, a);
    await enroll(c, b);
    const cards = Array.from({ length: 5 }, (_, i) =>
      create(a, { content: `Обращение ${i}`, registeredAt: `2026-0${i + 1}-10T10:00` }),
    );
    const campaign = surveyCampaign(a);
    for (let i = 0; i < 4; i++) answerOnKiosk(a, campaign);
    await a.services.sync.syncNow();
    await a.services.sync.checkAgreement();
    expect(unset(a)).toEqual({ cards: 0, responses: 0 });

    // Local edits of the card, its topic codes, its question outcomes: each clears its words.
    editAppeal(a, cards[0]!.id, { content: 'Исправленный текст' });
    editAppeal(a, cards[1]!.id, { topicCodes: ['0001.0001.0001.0001'] });
    expect(unset(a).cards).toBe(2);
    expect(await deskDigest(a.db)).toEqual(await deskDigestFull(a.db));
    expect(unset(a).cards).toBe(0);
    await a.services.sync.syncNow();

    // A pull writes the words of what it applies: nothing is left to compute afterwards.
    await b.services.sync.syncNow();
    expect(b.services.appeals.get(cards[0]!.id).content).toBe('Исправленный текст');
    expect(unset(b)).toEqual({ cards: 0, responses: 0 });
    const office = await c.offices.officeByCode('MIN01');
    const central = await officeDigest(c.central.db, office.id);
    expect(central).toEqual(await officeDigestFull(c.central.db, office.id));
    expect(compareDigests(await deskDigest(b.db), central)).toEqual([]);
    expect(await deskDigest(b.db)).toEqual(await deskDigestFull(b.db));
    expect(central.map((p) => [p.entity, p.count]).filter(([e]) => e === 'appeal')).toEqual(
      Array.from({ length: 5 }, () => ['appeal', 1]),
    );
  });

  it('a wrong kept word is repaired before anything is reported; a real difference is still found', async () => {
    const c = await startCentral({ databaseUrl: pg.databaseUrl(backend) });
    cleanups.push(() => c.close());
    const a = desk();
    await enroll(c, a);
    const card = create(a, { registeredAt: '2026-03-02T09:00' });
    const other = create(a, { registeredAt: '2026-04-02T09:00' });
    await a.services.sync.syncNow();
    expect((await a.services.sync.checkAgreement()).agrees).toBe(true);

    // A kept word damaged in the file (the triggers do not see a write of the words
    // themselves): the kept digest disagrees, the recount from the records does not.
    a.db
      .prepare('UPDATE appeals SET agree_2 = (agree_2 + 7) % 4294967296 WHERE id = ?')
      .run(card.id);
    expect(await deskDigest(a.db)).not.toEqual(await deskDigestFull(a.db));
    expect(await a.services.sync.checkAgreement()).toMatchObject({
      agrees: true,
      differences: [],
    });
    expect(await deskDigest(a.db)).toEqual(await deskDigestFull(a.db));

    // The records themselves changed behind the application's back: the triggers clear the
    // words, the check recomputes them and reports the month that differs.
    a.db.prepare('DELETE FROM appeal_topics WHERE appeal_id = ?').run(other.id);
    expect(unset(a).cards).toBe(1);
    expect(await a.services.sync.checkAgreement()).toMatchObject({
      agrees: false,
      differences: [{ entity: 'appeal', period: '2026-04', desk: 1, central: 1 }],
    });
    a.db.prepare("UPDATE appeals SET content = 'подменено' WHERE id = ?").run(card.id);
    expect(unset(a).cards).toBe(1);
    expect(await deskDigest(a.db)).toEqual(await deskDigestFull(a.db));
    const found = await a.services.sync.checkAgreement();
    expect(found.agrees).toBe(false);
    expect(found.differences).toEqual([
      { entity: 'appeal', period: '2026-03', desk: 1, central: 1 },
      { entity: 'appeal', period: '2026-04', desk: 1, central: 1 },
    ]);
  });
});

describe('agreement words: months', () => {
  it('sums across a year’s end, and dates far apart or malformed in the file, as the recount does', async () => {
    const d = desk();
    for (const at of [
      '2025-11-30T23:59',
      '2025-12-31T23:59',
      '2026-01-01T00:00',
      '2026-02-01T08:00',
    ]) {
      create(d, { registeredAt: at });
    }
    const months = (parts: { entity: string; period: string; count: number }[]) =>
      parts.map((p) => `${p.period}:${p.count}`);
    expect(months(await deskDigest(d.db))).toEqual([
      '2025-11:1',
      '2025-12:1',
      '2026-01:1',
      '2026-02:1',
    ]);
    expect(await deskDigest(d.db)).toEqual(await deskDigestFull(d.db));
    // What validation never lets in, written into the file: a year typed as 1026, a bare
    // month, an empty date. The digest still equals the recount from the records.
    const ids = d.db.prepare('SELECT id FROM appeals ORDER BY registered_at').pluck().all();
    const set = d.db.prepare('UPDATE appeals SET registered_at = ? WHERE id = ?');
    set.run('1026-02-01T08:00', ids[0]);
    expect(await deskDigest(d.db)).toEqual(await deskDigestFull(d.db));
    set.run('2026-01', ids[1]);
    set.run('', ids[2]);
    expect(await deskDigest(d.db)).toEqual(await deskDigestFull(d.db));
    expect(months(await deskDigest(d.db))).toContain('1026-02:1');
  });
});

describe('agreement words: the digests read covering indexes', () => {
  it('neither side reads the records to sum a month (SQLite query plans)', async () => {
    const d = desk();
    const plan = (sql: string) =>
      (d.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join('; ');
    // The desk sums one month per statement (a turn of the event loop between them).
    expect(
      plan(
        `SELECT count(*), sum(agree_0), sum(agree_1), sum(agree_2), sum(agree_3) FROM appeals
         WHERE registered_at >= '2026-01' AND registered_at < '2026-02'`,
      ),
    ).toMatch(/COVERING INDEX appeals_agreement/);
    expect(
      plan(
        `SELECT count(*), sum(agree_0), sum(agree_1), sum(agree_2), sum(agree_3)
         FROM survey_responses WHERE pushed = 1 AND response_date >= '2026-01'
         AND response_date < '2026-02'`,
      ),
    ).toMatch(/COVERING INDEX survey_responses_agreement/);
    const c = await startCentral({});
    cleanups.push(() => c.close());
    const { sql } = await import('kysely');
    for (const [table, column, index] of [
      ['appeals', 'registered_at', 'appeals_agreement'],
      ['responses', 'response_date', 'responses_agreement'],
    ] as const) {
      const rows = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT
        substr(${sql.ref(column)}, 1, 7), count(*), sum(agree_0), sum(agree_1), sum(agree_2),
        sum(agree_3) FROM ${sql.table(table)} WHERE office_id = ${'x'}
        GROUP BY substr(${sql.ref(column)}, 1, 7)`.execute(c.central.db);
      expect(rows.rows.map((r) => r.detail).join('; ')).toContain(`COVERING INDEX ${index}`);
    }
  });
});

describe.each(pg.backends)('central migration 0080-agreement-words on %s', (backend) => {
  it('gives every card and response stored before it the words the digest sums', async () => {
    const t = tempDir();
    const url = pg.databaseUrl(backend);
    const db = new Kysely<Record<string, Record<string, unknown>>>({
      dialect: url
        ? new PostgresDialect({ pool: new Pool({ connectionString: url, max: 2 }) })
        : new SqliteDialect({ database: new Database(join(t.dir, 'central.sqlite')) }),
    });
    const migrator = new Migrator({
      db,
      provider: migrationProvider(url ? 'postgres' : 'sqlite'),
    });
    expect((await migrator.migrateTo('0070-report-rollups')).error).toBeUndefined();
    for (const [id, code] of [
      ['o1', 'MIN01'],
      ['o2', 'MIN02'],
    ]) {
      await db.insertInto('offices').values({ id, code, name: code, created_at: 'now' }).execute();
    }
    // More than one page (2,000) and one statement (500) of each, over two offices and months.
    const cards = Array.from({ length: 2300 }, (_, i) => {
      const registeredAt = `2026-0${1 + (i % 3)}-1${i % 10}T10:00`;
      return {
        id: `card-${String(i).padStart(5, '0')}`,
        office_id: i % 4 === 0 ? 'o2' : 'o1',
        desk_code: 'D1',
        registered_at: registeredAt,
        reg_number: `D1-2026-${i}`,
        data: JSON.stringify({ registeredAt, content: `Обращение «${i}»\n`, topicCodes: [] }),
        clocks: '{}',
      };
    });
    for (let i = 0; i < cards.length; i += 200) {
      await db
        .insertInto('appeals')
        .values(cards.slice(i, i + 200))
        .execute();
    }
    const responses = Array.from({ length: 2100 }, (_, i) => ({
      id: `r-${String(i).padStart(5, '0')}`,
      office_id: i % 3 === 0 ? 'o2' : 'o1',
      feed_seq: i + 1,
      template_id: 'T',
      campaign_id: null,
      service_id: null,
      channel: 'kiosk',
      office: 'MIN01',
      response_date: `2026-0${1 + (i % 2)}-05`,
      complete: i % 2,
      answers: JSON.stringify({ q2: i % 5, q9: 'ё' }),
    }));
    for (let i = 0; i < responses.length; i += 200) {
      await db
        .insertInto('responses')
        .values(responses.slice(i, i + 200))
        .execute();
    }
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const unset = await db
      .selectFrom('appeals')
      .select(db.fn.countAll().as('n'))
      .where('agree_3', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(unset.n)).toBe(0);
    const typed = db as unknown as Parameters<typeof officeDigest>[0];
    for (const office of ['o1', 'o2']) {
      const kept = await officeDigest(typed, office);
      expect(kept).toEqual(await officeDigestFull(typed, office));
      expect(kept.reduce((n, p) => n + p.count, 0)).toBe(
        cards.filter((c) => c.office_id === office).length +
          responses.filter((r) => r.office_id === office).length,
      );
    }
    await db.destroy();
    t.cleanup();
  });
});
