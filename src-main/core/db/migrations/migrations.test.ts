import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appliedVersions, migrate } from '../migrate';
import { MIGRATIONS } from './index';
import { tempDir } from '../../../../test/helpers/temp-core';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function freshDb() {
  const t = tempDir();
  const db = new Database(join(t.dir, 'm.sqlite'));
  db.pragma('foreign_keys = ON');
  cleanups.push(() => {
    db.close();
    t.cleanup();
  });
  return db;
}

const tables = (db: Database.Database) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").pluck().all();

describe('migrations', () => {
  it('are numbered in tens, unique and ascending', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions.every((v) => v % 10 === 0)).toBe(true);
  });

  it('0010-init creates the card, reference and draft tables and records itself', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 10);
    expect(tables(db)).toEqual(
      expect.arrayContaining([
        'appeals',
        'appeal_topics',
        'classifier_nodes',
        'drafts',
        'officials',
        'reg_counters',
        'schema_migrations',
        'services',
        'settings',
      ]),
    );
    expect(appliedVersions(db)).toEqual([10]);
    // Registration numbers are unique across desks and years.
    const insert = db.prepare(
      `INSERT INTO appeals (id, reg_number, desk_code, registered_at, applicant_type, social_category,
        is_collective, is_repeat, kind, form, channel, content, av_recording_notified, oral_consent,
        status, created_at, updated_at)
       VALUES (?, 'A-2026-000001', 'A', '2026-01-01T10:00', 'person', 'none', 0, 0, 'statement',
        'oral', 'post', 'x', 0, 0, 'registered', 'now', 'now')`,
    );
    insert.run('id-1');
    expect(() => insert.run('id-2')).toThrow(/UNIQUE/);
  });

  it('0020-appeals-fts adds a contentless FTS5 index over existing cards', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 10);
    migrate(db, MIGRATIONS, 20);
    expect(appliedVersions(db)).toEqual([10, 20]);
    db.prepare(
      'INSERT INTO appeals_fts (rowid, applicant, content, answer, meta) VALUES (1, ?, ?, ?, ?)',
    ).run('иванов', 'дорог ремонт', '', '');
    expect(
      db.prepare("SELECT rowid FROM appeals_fts WHERE appeals_fts MATCH 'дорог*'").pluck().all(),
    ).toEqual([1]);
    db.prepare('DELETE FROM appeals_fts WHERE rowid = 1').run();
    expect(
      db.prepare("SELECT count(*) FROM appeals_fts WHERE appeals_fts MATCH 'дорог*'").pluck().get(),
    ).toBe(0);
  });

  it('0030-surveys stores responses without any time and outside insertion order', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 30);
    expect(appliedVersions(db)).toEqual([10, 20, 30]);
    const columns = db
      .prepare("SELECT name FROM pragma_table_info('survey_responses')")
      .pluck()
      .all();
    expect(columns).not.toContain('created_at');
    expect(columns).toContain('response_date');
    const sql = db
      .prepare("SELECT sql FROM sqlite_master WHERE name = 'survey_responses'")
      .pluck()
      .get();
    expect(String(sql)).toMatch(/WITHOUT ROWID/);
    db.prepare(
      `INSERT INTO survey_templates VALUES ('t', 'f', 1, NULL, 'T', '{}', 'published', 'now', 'now')`,
    ).run();
    const add = db.prepare(
      `INSERT INTO survey_responses VALUES (?, 't', NULL, NULL, 'kiosk', 'MIN01', '2026-03-10', 1, '{}')`,
    );
    add.run('b');
    add.run('a');
    expect(() => db.prepare("UPDATE survey_responses SET channel = 'web'").run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT id FROM survey_responses').pluck().all()).toEqual(['a', 'b']);
  });

  it('0040-campaign-desks keeps earlier campaigns running on every desk', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 30);
    db.prepare(
      `INSERT INTO survey_templates VALUES ('t', 'f', 1, NULL, 'T', '{}', 'published', 'now', 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO survey_campaigns (id, template_id, title, starts_on, ends_on, created_at,
         updated_at) VALUES ('c', 't', 'C', '2026-01-01', '2026-12-31', 'now', 'now')`,
    ).run();
    migrate(db, MIGRATIONS, 40);
    expect(appliedVersions(db)).toEqual([10, 20, 30, 40]);
    expect(db.prepare('SELECT desk_codes FROM survey_campaigns').pluck().get()).toBe('[]');
  });

  it('0050-sync adds the outbox and clocks and marks earlier responses as not yet sent', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 40);
    db.prepare(
      `INSERT INTO survey_templates VALUES ('t', 'f', 1, NULL, 'T', '{}', 'published', 'now', 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO survey_responses VALUES ('r', 't', NULL, NULL, 'kiosk', 'MIN01', '2026-03-10', 1, '{}')`,
    ).run();
    migrate(db, MIGRATIONS, 50);
    expect(appliedVersions(db)).toEqual([10, 20, 30, 40, 50]);
    expect(db.prepare('SELECT id FROM survey_responses WHERE pushed = 0').pluck().all()).toEqual([
      'r',
    ]);
    const add = db.prepare(
      "INSERT INTO sync_outbox (change_id, entity, entity_id, hlc, fields) VALUES (?, 'appeal', 'a', 'h', '{}')",
    );
    add.run('c1');
    expect(() => add.run('c1')).toThrow(/UNIQUE/);
    add.run('c2');
    expect(db.prepare('SELECT seq FROM sync_outbox').pluck().all()).toEqual([1, 2]);
  });

  it('0060-report-indexes gives existing topics their card’s registration time', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 50);
    db.prepare(
      `INSERT INTO appeals (id, reg_number, desk_code, registered_at, applicant_type, social_category,
        is_collective, is_repeat, kind, form, channel, content, av_recording_notified, oral_consent,
        status, created_at, updated_at)
       VALUES ('a1', 'A-1', 'A', '2026-03-01T10:00', 'person', 'none', 0, 0, 'statement', 'oral',
        'post', 'x', 0, 0, 'registered', 'now', 'now')`,
    ).run();
    db.prepare(
      "INSERT INTO appeal_topics (appeal_id, position, code, section) VALUES ('a1', 0, '0005.0005.0056.1160', '0005.0000.0000.0000')",
    ).run();
    migrate(db, MIGRATIONS, 60);
    expect(db.prepare('SELECT registered_at FROM appeal_topics').pluck().get()).toBe(
      '2026-03-01T10:00',
    );
    const indexes = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE '%report%'")
      .pluck()
      .all();
    expect(indexes.sort()).toEqual(['appeal_topics_report', 'appeals_report']);
  });

  it('0070 and 0080 build the report roll-ups from the cards and responses already stored', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 60);
    db.prepare(
      `INSERT INTO appeals (id, reg_number, desk_code, registered_at, applicant_type, social_category,
        is_collective, is_repeat, kind, form, channel, content, av_recording_notified, oral_consent,
        status, due_date, created_at, updated_at)
       VALUES ('a1', 'A-1', 'A', '2026-03-01T10:00', 'person', 'none', 0, 1, 'complaint', 'oral',
        'post', 'x', 0, 0, 'registered', '2026-03-31', 'now', 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO appeal_topics (appeal_id, position, code, section, registered_at)
       VALUES ('a1', 0, '0005.0005.0056.1160', '0005.0000.0000.0000', '2026-03-01T10:00')`,
    ).run();
    db.prepare(
      `INSERT INTO survey_templates VALUES ('t', 'f', 1, NULL, 'T', '{}', 'published', 'now', 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO survey_responses (id, template_id, campaign_id, service_id, channel, office,
         response_date, complete, answers)
       VALUES ('r', 't', NULL, NULL, 'kiosk', 'A', '2026-03-02', 1, '{"q1":5,"q9":{"speed":4}}')`,
    ).run();
    migrate(db, MIGRATIONS, 80);
    expect(
      db.prepare('SELECT day, kind, channel, final, due_date, repeat, n FROM report_appeals').get(),
    ).toEqual({
      day: '2026-03-01',
      kind: 'complaint',
      channel: 'post',
      final: 0,
      due_date: '2026-03-31',
      repeat: 1,
      n: 1,
    });
    expect(db.prepare('SELECT code FROM report_topics ORDER BY code').pluck().all()).toEqual([
      '*',
      '0005.0000.0000.0000',
      '0005.0005.0000.0000',
    ]);
    expect(db.prepare('SELECT key, value, n FROM report_survey ORDER BY key, value').all()).toEqual(
      [
        { key: '', value: '', n: 1 },
        { key: 'q1', value: '', n: 1 },
        { key: 'q1', value: '5', n: 1 },
        { key: 'q9', value: '', n: 1 },
        { key: 'q9.speed', value: '4', n: 1 },
      ],
    );
  });

  it('0090-deadline-extension allows up to 30 days of extension and nothing else', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 90);
    const insert = db.prepare(
      `INSERT INTO appeals (id, reg_number, desk_code, registered_at, applicant_type, social_category,
        is_collective, is_repeat, kind, form, channel, content, av_recording_notified, oral_consent,
        status, extension_days, extension_reason, created_at, updated_at)
       VALUES (?, ?, 'A', '2026-03-01T10:00', 'person', 'none', 0, 0, 'statement', 'oral', 'post',
        'x', 0, 0, 'registered', ?, 'Запрос', 'now', 'now')`,
    );
    insert.run('a1', 'A-1', 30);
    expect(() => insert.run('a2', 'A-2', 31)).toThrow(/CHECK/);
  });

  it('0100-users-audit keeps the audit trail append-only and roles to the four known', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 100);
    const user = db.prepare(
      `INSERT INTO users (id, login, full_name, role, password_hash, created_at, updated_at)
       VALUES (?, ?, 'Иванова', ?, 'scrypt$x', 'now', 'now')`,
    );
    user.run('u1', 'Ivanova', 'admin');
    expect(() => user.run('u2', 'ivanova', 'registrar')).toThrow(/UNIQUE/);
    expect(() => user.run('u3', 'petrov', 'root')).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO audit_log (appeal_id, at, user_id, user_name, source, action, field, old_value, new_value)
       VALUES ('a1', 'now', 'u1', 'Иванова', 'desk', 'update', 'content', 'было', 'стало')`,
    ).run();
    expect(() => db.prepare("UPDATE audit_log SET new_value = 'подделка'").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT new_value FROM audit_log').pluck().get()).toBe('стало');
  });

  it('0110-consent-repeat gives earlier cards no signature, not signed on paper, no link', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 100);
    db.prepare(
      `INSERT INTO appeals (id, reg_number, desk_code, registered_at, applicant_type, social_category,
        is_collective, is_repeat, kind, form, channel, content, av_recording_notified, oral_consent,
        status, created_at, updated_at)
       VALUES ('a1', 'A-1', 'A', '2026-03-01T10:00', 'person', 'none', 0, 0, 'statement', 'oral',
        'post', 'x', 0, 1, 'registered', 'now', 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO appeal_topics (appeal_id, position, code, section, registered_at)
       VALUES ('a1', 0, '0005.0005.0056.1160', '0005', '2026-03-01T10:00')`,
    ).run();
    migrate(db, MIGRATIONS, 110);
    expect(
      db.prepare('SELECT consent_signature, consent_on_paper, repeat_of_id FROM appeals').get(),
    ).toEqual({ consent_signature: null, consent_on_paper: 0, repeat_of_id: null });
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT appeal_id FROM appeal_topics
         WHERE code = '0005.0005.0056.1160' AND registered_at >= '2025-03-01'`,
      )
      .all()
      .map((r) => (r as { detail: string }).detail)
      .join(' ');
    expect(plan).toContain('appeal_topics_code_date');
  });

  it('0120-schedule and 0130-classifier-favourites keep one visitor per time and known codes', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 130);
    db.prepare(
      `INSERT INTO officials (id, full_name, position, active, created_at, updated_at)
       VALUES ('o1', 'Петров', 'Министр', 1, 'now', 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO schedule_entries (id, official_id, date, start_time, end_time, place,
         created_at, updated_at) VALUES ('e1', 'o1', '2026-12-03', '10:00', '13:00', '101', 'now', 'now')`,
    ).run();
    const book = db.prepare(
      `INSERT INTO bookings (id, entry_id, date, time, source, visitor_name, topic, status,
         created_at, updated_at) VALUES (?, 'e1', '2026-12-03', '10:30', 'phone', 'А', 'Т', ?, 'now', 'now')`,
    );
    book.run('b1', 'booked');
    expect(() => book.run('b2', 'booked')).toThrow(/UNIQUE/);
    book.run('b3', 'cancelled');
    // "received" needs the card it became.
    expect(() => book.run('b4', 'received')).toThrow(/CHECK/);
    db.prepare(
      `INSERT INTO classifier_nodes (code, title, parent_code, level, search_text, retired)
       VALUES ('0001.0000.0000.0000', 'Раздел', NULL, 1, '', 0)`,
    ).run();
    const fav = db.prepare("INSERT INTO classifier_favourites (code, added_at) VALUES (?, 'now')");
    fav.run('0001.0000.0000.0000');
    expect(() => fav.run('9999.0000.0000.0000')).toThrow(/FOREIGN KEY/);
  });

  it('0140-attachments ties each file to a card with its size and full hash', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 140);
    const add = db.prepare(
      `INSERT INTO attachments (id, appeal_id, file_name, mime, size, sha256, created_at)
       VALUES (?, 'no-such-card', 'a.pdf', 'application/pdf', ?, ?, 'now')`,
    );
    expect(() => add.run('x1', 10, 'a'.repeat(64))).toThrow(/FOREIGN KEY/);
    db.pragma('foreign_keys = OFF');
    expect(() => add.run('x2', 10, 'abc')).toThrow(/CHECK/);
    expect(() => add.run('x3', 0, 'a'.repeat(64))).toThrow(/CHECK/);
  });

  it('0160-questions maps every earlier card to its questions as issue 14 says', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 150);
    const insert = db.prepare(
      `INSERT INTO appeals (id, reg_number, desk_code, registered_at, applicant_type,
        social_category, is_collective, is_repeat, kind, form, channel, content,
        av_recording_notified, oral_consent, answer_mode, status, result, answer_date,
        extension_days, extension_reason, redirect_recipient, redirect_date, due_date,
        created_at, updated_at)
       VALUES (@id, @id, 'A', '2026-03-01T10:00', 'person', 'none', 0, 0, 'complaint', 'written',
        'post', 'x', 0, 0, @mode, @status, @result, @answer, @ext, @reason, @to, @on,
        '2026-03-31', 'now', 'now')`,
    );
    const topic = db.prepare(
      `INSERT INTO appeal_topics (appeal_id, position, code, section, registered_at)
       VALUES (?, ?, ?, '0005.0000.0000.0000', '2026-03-01T10:00')`,
    );
    const card = (id: string, over: Record<string, unknown>, codes = ['0005.0005.0056.1160']) => {
      insert.run({
        id,
        mode: 'written',
        status: 'answered_written',
        result: null,
        answer: '2026-03-20',
        ext: null,
        reason: null,
        to: null,
        on: null,
        ...over,
      });
      codes.forEach((c, i) => topic.run(id, i, c));
    };
    card('supported', { result: 'supported' }, ['0005.0005.0056.1160', '0005.0005.0056.1165']);
    card('refused', { result: 'refused' });
    card('explained', { result: 'explained' });
    card('answered', {});
    card('redirected', {
      mode: 'redirected',
      status: 'redirected',
      answer: null,
      to: 'Минздрав',
      on: '2026-03-03',
    });
    card('left', { status: 'left_without_answer', answer: null });
    card('open', { status: 'in_progress', answer: null });
    card('extended', { status: 'registered', answer: null, ext: 20, reason: 'Запрос' });
    db.prepare(
      `INSERT INTO audit_log (appeal_id, at, source, action) VALUES ('open', 'now', 'desk', 'create')`,
    ).run();
    migrate(db, MIGRATIONS, 160);
    const rows = db
      .prepare(
        `SELECT appeal_id, code, status, own, response_date AS responseDate, status_date AS at,
           extended FROM appeal_questions ORDER BY appeal_id, position`,
      )
      .all();
    const q = (appeal_id: string, status: string, responseDate: string | null, extra = {}) => ({
      appeal_id,
      code: '0005.0005.0056.1160',
      status,
      own: 0,
      responseDate,
      at: responseDate,
      extended: 0,
      ...extra,
    });
    expect(rows).toEqual([
      q('answered', 'answered', '2026-03-20'),
      q('explained', 'explained', '2026-03-20'),
      q('extended', 'in_work_extended', null, { extended: 1 }),
      q('left', 'left_without_answer', null),
      q('open', 'in_work', null),
      q('redirected', 'transferred', '2026-03-03'),
      q('refused', 'not_supported', '2026-03-20'),
      q('supported', 'supported', '2026-03-20'),
      q('supported', 'supported', '2026-03-20', { code: '0005.0005.0056.1165' }),
    ]);
    expect(db.prepare('SELECT id, outcome, questions FROM appeals ORDER BY id').all()).toEqual([
      { id: 'answered', outcome: null, questions: '{}' },
      { id: 'explained', outcome: 'explained', questions: '{}' },
      { id: 'extended', outcome: null, questions: '{}' },
      { id: 'left', outcome: null, questions: '{}' },
      { id: 'open', outcome: null, questions: '{}' },
      { id: 'redirected', outcome: null, questions: '{}' },
      { id: 'refused', outcome: 'refused', questions: '{}' },
      { id: 'supported', outcome: 'supported', questions: '{}' },
    ]);
    // The roll-ups' result dimension is the outcome now; the audit trail kept its rows and
    // stays append-only with the new 'export' action.
    expect(
      db.prepare("SELECT sum(n) FROM report_appeals WHERE result = 'supported'").pluck().get(),
    ).toBe(1);
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(1);
    db.prepare(
      `INSERT INTO audit_log (appeal_id, at, source, action, field) VALUES ('open', 'now', 'desk', 'export', 'sstu')`,
    ).run();
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });

  it('0180-online takes online responses and keeps every response, index and trigger', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 170);
    db.prepare(
      `INSERT INTO survey_templates VALUES ('t', 'f', 1, NULL, 'T', '{}', 'published', 'now', 'now')`,
    ).run();
    const add = db.prepare(
      `INSERT INTO survey_responses (id, template_id, channel, office, response_date, complete,
         answers, pushed, agree_0, agree_1, agree_2, agree_3)
       VALUES (?, 't', ?, 'MIN01', '2026-03-10', 1, '{}', 1, 1, 2, 3, 4)`,
    );
    add.run('b', 'paper');
    add.run('a', 'kiosk');
    expect(() => add.run('c', 'online')).toThrow(/CHECK/);
    const shape = () =>
      db
        .prepare(
          `SELECT type, name FROM sqlite_master WHERE tbl_name = 'survey_responses' ORDER BY name`,
        )
        .all();
    const before = shape();
    const rows = db.prepare('SELECT * FROM survey_responses ORDER BY id').all();

    migrate(db, MIGRATIONS, 180);
    expect(shape()).toEqual(before);
    expect(db.prepare('SELECT * FROM survey_responses ORDER BY id').all()).toEqual(rows);
    add.run('c', 'online');
    expect(() => add.run('d', 'web')).toThrow(/CHECK/);
    // The agreement trigger is back: a changed response loses its words.
    db.prepare("UPDATE survey_responses SET answers = '{\"x\":1}' WHERE id = 'a'").run();
    expect(db.prepare("SELECT agree_0 FROM survey_responses WHERE id = 'a'").pluck().get()).toBe(
      null,
    );
    expect(tables(db)).toContain('online_surveys');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('running again changes nothing', () => {
    const db = freshDb();
    migrate(db);
    const before = tables(db);
    migrate(db);
    expect(tables(db)).toEqual(before);
    expect(appliedVersions(db)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('a failing step leaves the schema as it was and is not recorded', () => {
    const db = freshDb();
    const broken = [
      ...MIGRATIONS,
      {
        version: 990,
        name: 'broken',
        up(d: Database.Database) {
          d.exec('CREATE TABLE half_done (x)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(tables(db)).not.toContain('half_done');
    expect(appliedVersions(db)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('refuses a database written by a newer version', () => {
    const db = freshDb();
    migrate(db);
    db.prepare("INSERT INTO schema_migrations VALUES (9990, 'future', 'now')").run();
    expect(() => migrate(db)).toThrow(/newer Otklik/);
  });
});
