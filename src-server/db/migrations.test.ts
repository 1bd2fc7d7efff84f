import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/temp-core';
import { openCentralDb } from './database';
import { migrations } from './migrations';

describe('central migrations', () => {
  it('are numbered and ordered like the desk’s', () => {
    const names = Object.keys(migrations('sqlite'));
    expect(names).toEqual([...names].sort());
    expect(names.every((n) => /^\d{4}-[a-z-]+$/.test(n))).toBe(true);
    expect(Object.keys(migrations('postgres'))).toEqual(names);
  });

  it('0010-central creates the tables on SQLite, and opening again changes nothing', async () => {
    const t = tempDir();
    const file = join(t.dir, 'central.sqlite');
    const tables = () => {
      const db = new Database(file, { readonly: true });
      const names = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .pluck()
        .all();
      db.close();
      return names;
    };
    await (await openCentralDb({ sqliteFile: file })).close();
    const first = tables();
    expect(first).toEqual(
      expect.arrayContaining([
        'admins',
        'appeals',
        'change_log',
        'devices',
        'enrollment_codes',
        'offices',
        'reference_records',
        'responses',
      ]),
    );
    await (await openCentralDb({ sqliteFile: file })).close();
    expect(tables()).toEqual(first);
    // Responses have no column that could hold a time of receipt.
    const db = new Database(file, { readonly: true });
    const cols = db.prepare("SELECT name FROM pragma_table_info('responses')").pluck().all();
    db.close();
    expect(cols.filter((c) => /_at$|time/.test(String(c)))).toEqual([]);
    t.cleanup();
  });

  it('0030-attachments keeps the bytes of each scan with its card and hash', async () => {
    const t = tempDir();
    const file = join(t.dir, 'central.sqlite');
    await (await openCentralDb({ sqliteFile: file })).close();
    const db = new Database(file, { readonly: true });
    const cols = db
      .prepare('SELECT name, type, "notnull" AS nn FROM pragma_table_info(\'attachments\')')
      .all() as { name: string; type: string; nn: number }[];
    db.close();
    expect(cols.map((c) => c.name)).toEqual([
      'id',
      'appeal_id',
      'office_id',
      'file_name',
      'mime',
      'size',
      'sha256',
      'data',
      'received_at',
    ]);
    expect(cols.find((c) => c.name === 'data')).toMatchObject({ type: 'BLOB', nn: 1 });
    t.cleanup();
  });
});

describe('central migration 0020-report-columns', () => {
  it('fills the report columns and topics of cards pushed before it', async () => {
    const { Kysely, Migrator, SqliteDialect } = await import('kysely');
    const { migrationProvider } = await import('./migrations');
    const t = tempDir();
    const file = join(t.dir, 'central.sqlite');
    const db = new Kysely<Record<string, Record<string, unknown>>>({
      dialect: new SqliteDialect({ database: new Database(file) }),
    });
    const migrator = new Migrator({ db, provider: migrationProvider('sqlite') });
    expect((await migrator.migrateTo('0010-central')).error).toBeUndefined();
    await db
      .insertInto('offices')
      .values({ id: 'o', code: 'MIN01', name: 'M', created_at: 'now' })
      .execute();
    const record = {
      registeredAt: '2026-03-01T10:00',
      kind: 'complaint',
      channel: 'post',
      form: 'written',
      answerMode: 'written',
      status: 'answered_written',
      result: 'refused',
      isRepeat: true,
      isCollective: false,
      signatoryCount: null,
      dueDate: '2026-03-31',
      answerDate: '2026-03-20',
      topicCodes: ['0005.0005.0056.1160', '0003.0008.0086.0537'],
    };
    await db
      .insertInto('appeals')
      .values({
        id: 'a',
        office_id: 'o',
        desk_code: 'D1',
        registered_at: record.registeredAt,
        data: JSON.stringify(record),
        clocks: '{}',
      })
      .execute();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const row = await db.selectFrom('appeals').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'complaint',
      channel: 'post',
      result: 'refused',
      is_repeat: 1,
      due_date: '2026-03-31',
      answer_date: '2026-03-20',
    });
    const topics = await db.selectFrom('appeal_topics').select(['code', 'registered_at']).execute();
    expect(topics).toHaveLength(2);
    expect(topics[0]!.registered_at).toBe('2026-03-01T10:00');
    await db.destroy();
    t.cleanup();
  });
});

describe('central migration 0050-questions', () => {
  it('gives cards pushed before it their questions and the outcome as the report result', async () => {
    const { Kysely, Migrator, SqliteDialect } = await import('kysely');
    const { migrationProvider } = await import('./migrations');
    const t = tempDir();
    const db = new Kysely<Record<string, Record<string, unknown>>>({
      dialect: new SqliteDialect({ database: new Database(join(t.dir, 'central.sqlite')) }),
    });
    const migrator = new Migrator({ db, provider: migrationProvider('sqlite') });
    expect((await migrator.migrateTo('0040-hardening')).error).toBeUndefined();
    await db
      .insertInto('offices')
      .values({ id: 'o', code: 'MIN01', name: 'M', created_at: 'now' })
      .execute();
    const card = (id: string, record: Record<string, unknown>) =>
      db
        .insertInto('appeals')
        .values({
          id,
          office_id: 'o',
          desk_code: 'D1',
          registered_at: '2026-03-01T10:00',
          data: JSON.stringify({ registeredAt: '2026-03-01T10:00', ...record }),
          clocks: '{}',
          result: (record.result as string | undefined) ?? null,
        })
        .execute();
    await card('supported', {
      status: 'answered_written',
      result: 'supported',
      answerDate: '2026-03-20',
      topicCodes: ['0005.0005.0056.1160', '0003.0008.0086.0537'],
    });
    // A result typed on a redirected card: its questions are transferred, no result of their own.
    await card('redirected', {
      status: 'redirected',
      result: 'explained',
      redirectRecipient: 'Минздрав',
      redirectDate: '2026-03-03',
      topicCodes: ['0005.0005.0056.1160'],
    });
    await card('open', {
      status: 'in_progress',
      extensionDays: 10,
      topicCodes: ['0005.0005.0056.1160'],
    });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const questions = await db
      .selectFrom('appeal_questions')
      .select(['appeal_id', 'code', 'status', 'status_date', 'extended'])
      .orderBy('appeal_id')
      .orderBy('position')
      .execute();
    expect(questions).toEqual([
      {
        appeal_id: 'open',
        code: '0005.0005.0056.1160',
        status: 'in_work_extended',
        status_date: null,
        extended: 1,
      },
      {
        appeal_id: 'redirected',
        code: '0005.0005.0056.1160',
        status: 'transferred',
        status_date: '2026-03-03',
        extended: 0,
      },
      {
        appeal_id: 'supported',
        code: '0005.0005.0056.1160',
        status: 'supported',
        status_date: '2026-03-20',
        extended: 0,
      },
      {
        appeal_id: 'supported',
        code: '0003.0008.0086.0537',
        status: 'supported',
        status_date: '2026-03-20',
        extended: 0,
      },
    ]);
    const results = await db.selectFrom('appeals').select(['id', 'result']).orderBy('id').execute();
    expect(results).toEqual([
      { id: 'open', result: null },
      { id: 'redirected', result: null },
      { id: 'supported', result: 'supported' },
    ]);
    await db.destroy();
    t.cleanup();
  });
});

describe('central migration 0060-console', () => {
  it('adds accounts, sessions, the audit log, imports, publications and the report indexes', async () => {
    const t = tempDir();
    const file = join(t.dir, 'central.sqlite');
    const c = await openCentralDb({ sqliteFile: file });
    await c.db
      .insertInto('offices')
      .values({ id: 'o1', code: 'MIN01', name: 'Орган', created_at: '2026-01-01' })
      .execute();
    await c.close();
    const db = new Database(file, { readonly: true });
    const names = (type: string) =>
      db.prepare('SELECT name FROM sqlite_master WHERE type = ?').pluck().all(type) as string[];
    expect(names('table')).toEqual(
      expect.arrayContaining([
        'accounts',
        'sessions',
        'audit_log',
        'package_imports',
        'publications',
      ]),
    );
    // 0070 replaced 0060's covering report indexes by roll-ups and narrow list indexes again.
    const indexes = names('index');
    expect(indexes).toEqual(
      expect.arrayContaining(['appeals_report', 'appeals_answered', 'responses_template']),
    );
    expect(indexes).not.toContain('appeals_cube');
    expect(indexes).not.toContain('appeals_answered_cover');
    const columns = (table: string) =>
      (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((r) => r.name);
    expect(columns('devices')).toEqual(
      expect.arrayContaining(['status', 'status_at', 'pulled_seq']),
    );
    // Sessions keep a hash of the cookie, never the cookie.
    expect(columns('sessions')).toEqual([
      'token_hash',
      'account_id',
      'csrf',
      'created_at',
      'last_seen_at',
    ]);
    expect(db.prepare("SELECT publish FROM offices WHERE code = 'MIN01'").pluck().get()).toBe(0);
    db.close();
    t.cleanup();
  });
});

describe('central migration 0070-report-rollups', () => {
  it('counts the cards and responses stored before it into the roll-ups', async () => {
    const { Kysely, Migrator, SqliteDialect } = await import('kysely');
    const { migrationProvider } = await import('./migrations');
    const t = tempDir();
    const db = new Kysely<Record<string, Record<string, unknown>>>({
      dialect: new SqliteDialect({ database: new Database(join(t.dir, 'central.sqlite')) }),
    });
    const migrator = new Migrator({ db, provider: migrationProvider('sqlite') });
    expect((await migrator.migrateTo('0060-console')).error).toBeUndefined();
    await db
      .insertInto('offices')
      .values({ id: 'o', code: 'MIN01', name: 'M', created_at: 'now' })
      .execute();
    const card = (id: string, columns: Record<string, unknown>, codes: string[]) =>
      Promise.all([
        db
          .insertInto('appeals')
          .values({
            id,
            office_id: 'o',
            desk_code: 'D1',
            registered_at: '2026-03-01T10:00',
            data: '{}',
            clocks: '{}',
            channel: 'personal',
            kind: 'complaint',
            form: 'oral',
            is_repeat: 0,
            is_collective: 0,
            ...columns,
          })
          .execute(),
        ...codes.map((code) =>
          db
            .insertInto('appeal_topics')
            .values({ appeal_id: id, code, office_id: 'o', registered_at: '2026-03-01T10:00' })
            .execute(),
        ),
      ]);
    // Two codes of one section: the card counts once in it, once in each theme.
    await card(
      'a',
      {
        status: 'answered_written',
        result: 'supported',
        answer_date: '2026-03-20',
        due_date: '2026-03-31',
      },
      ['0005.0005.0056.1160', '0005.0006.0060.0000'],
    );
    await card('b', { status: 'in_progress', due_date: '2026-03-31' }, []);
    await card(
      'c',
      { status: 'in_progress', due_date: '2026-03-31', is_collective: 1, signatory_count: 7 },
      [],
    );
    await db
      .insertInto('responses')
      .values({
        id: 'r1',
        office_id: 'o',
        feed_seq: 1,
        template_id: 'T',
        campaign_id: null,
        service_id: null,
        channel: 'kiosk',
        office: 'MIN01',
        response_date: '2026-03-05',
        complete: 1,
        answers: '{"q2":5}',
      })
      .execute();
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const rows = (table: string, columns: string[]) =>
      db
        .selectFrom(table)
        .select(columns as never[])
        .orderBy(columns as never[])
        .execute();
    expect(
      await rows('report_appeals', [
        'final',
        'due_date',
        'result',
        'collective',
        'n',
        'signatories',
      ]),
    ).toEqual([
      { final: 0, due_date: '2026-03-31', result: '', collective: 0, n: 1, signatories: 0 },
      { final: 0, due_date: '2026-03-31', result: '', collective: 1, n: 1, signatories: 7 },
      { final: 1, due_date: '', result: 'supported', collective: 0, n: 1, signatories: 0 },
    ]);
    expect(await rows('report_topics', ['day', 'code', 'n'])).toEqual([
      { day: '2026-03-01', code: '*', n: 1 },
      { day: '2026-03-01', code: '0005.0000.0000.0000', n: 1 },
      { day: '2026-03-01', code: '0005.0005.0000.0000', n: 1 },
      { day: '2026-03-01', code: '0005.0006.0000.0000', n: 1 },
    ]);
    expect(await rows('report_answers', ['answer_date', 'registered', 'in_time', 'n'])).toEqual([
      { answer_date: '2026-03-20', registered: '2026-03-01', in_time: 1, n: 1 },
    ]);
    expect(await rows('report_survey', ['month', 'channel', 'key', 'value', 'n'])).toEqual([
      { month: '2026-03', channel: 'kiosk', key: '', value: '', n: 1 },
      { month: '2026-03', channel: 'kiosk', key: 'q2', value: '', n: 1 },
      { month: '2026-03', channel: 'kiosk', key: 'q2', value: '5', n: 1 },
    ]);
    await db.destroy();
    t.cleanup();
  });
});

// Migration 0080 is tested on both databases: test/integration/agreement-words.test.ts.
