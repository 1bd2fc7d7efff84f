import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { AppealRecord } from '../../src-shared/sync/records';
import { appealAgreement, responseAgreement } from '../domain/agreement';
import { responseRecordOf } from '../domain/responses';
import { reportColumns } from './report-columns';
import { rebuildRollups } from './rollups';
import type { ServerDatabase } from './schema';

export type Dialect = 'sqlite' | 'postgres';

/**
 * The central schema, one migration list for SQLite and PostgreSQL (Kysely's schema builder
 * writes each dialect's DDL). Numbered like the desk's; never edit a released one.
 */
export function migrations(dialect: Dialect): Record<string, Migration> {
  const serial = dialect === 'postgres' ? 'bigserial' : 'integer';
  return {
    '0010-central': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('offices')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('code', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('devices')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('node', 'text', (c) => c.notNull())
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('desk_code', 'text')
          .addColumn('enrolled_at', 'text', (c) => c.notNull())
          .addColumn('revoked_at', 'text')
          .addColumn('last_seen_at', 'text')
          .execute();
        await db.schema
          .createTable('enrollment_codes')
          .addColumn('code_hash', 'text', (c) => c.primaryKey())
          .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
          .addColumn('desk_code', 'text')
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('used_at', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('admins')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('revoked_at', 'text')
          .execute();
        await db.schema
          .createTable('change_log')
          .addColumn('seq', serial, (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('change_id', 'text', (c) => c.notNull().unique())
          .addColumn('office_id', 'text')
          .addColumn('device_id', 'text')
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('entity', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text', (c) => c.notNull())
          .addColumn('payload', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('change_log_office')
          .on('change_log')
          .columns(['office_id', 'seq'])
          .execute();
        await db.schema
          .createTable('appeals')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
          .addColumn('desk_code', 'text', (c) => c.notNull())
          .addColumn('registered_at', 'text', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('clocks', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('appeals_office')
          .on('appeals')
          .columns(['office_id', 'registered_at'])
          .execute();
        // The agreement check reads an office's records in key order, a page at a time.
        await db.schema
          .createIndex('appeals_office_key')
          .on('appeals')
          .columns(['office_id', 'id'])
          .execute();
        await db.schema
          .createTable('responses')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
          .addColumn('template_id', 'text', (c) => c.notNull())
          .addColumn('campaign_id', 'text')
          .addColumn('service_id', 'text')
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('office', 'text', (c) => c.notNull())
          .addColumn('response_date', 'text', (c) => c.notNull())
          .addColumn('complete', 'integer', (c) => c.notNull())
          .addColumn('answers', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('responses_office')
          .on('responses')
          .columns(['office_id', 'response_date'])
          .execute();
        await db.schema
          .createIndex('responses_office_key')
          .on('responses')
          .columns(['office_id', 'id'])
          .execute();
        await db.schema
          .createTable('reference_records')
          .addColumn('entity', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('reference_records_pk', ['entity', 'entity_id'])
          .execute();
      },
    },
    /**
     * The card fields reports group by, as columns beside the merged record (kept in step by
     * every push), and the cards' classifier codes: the central's reports then count in SQL on
     * SQLite and PostgreSQL alike (docs/metrics.md).
     */
    '0020-report-columns': {
      async up(db: Kysely<unknown>) {
        for (const [column, type] of [
          ['channel', 'text'],
          ['kind', 'text'],
          ['form', 'text'],
          ['answer_mode', 'text'],
          ['result', 'text'],
          ['status', 'text'],
          ['is_repeat', 'integer'],
          ['is_collective', 'integer'],
          ['signatory_count', 'integer'],
          ['due_date', 'text'],
          ['answer_date', 'text'],
        ] as const) {
          await db.schema.alterTable('appeals').addColumn(column, type).execute();
        }
        await db.schema
          .createTable('appeal_topics')
          .addColumn('appeal_id', 'text', (c) => c.notNull())
          .addColumn('code', 'text', (c) => c.notNull())
          .addColumn('office_id', 'text', (c) => c.notNull())
          .addColumn('registered_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('appeal_topics_pk', ['appeal_id', 'code'])
          .execute();
        await db.schema
          .createIndex('appeal_topics_report')
          .on('appeal_topics')
          .columns(['registered_at', 'office_id', 'code', 'appeal_id'])
          .execute();
        await db.schema
          .createIndex('appeals_report')
          .on('appeals')
          .columns(['registered_at', 'office_id'])
          .execute();
        await db.schema
          .createIndex('appeals_answered')
          .on('appeals')
          .columns(['answer_date', 'office_id'])
          .execute();
        // Cards pushed before this migration: fill the columns from their records. Migrations
        // see the schema of their own time, so this one speaks to the tables untyped.
        const loose = db as Kysely<Record<string, Record<string, unknown>>>;
        const rows = await sql<{ id: string; office_id: string; data: string }>`
          SELECT id, office_id, data FROM appeals`.execute(db);
        for (const row of rows.rows) {
          const record = JSON.parse(row.data) as { registeredAt: string };
          const { columns, topics } = reportColumns(record);
          await loose.updateTable('appeals').set(columns).where('id', '=', row.id).execute();
          for (const code of topics) {
            await loose
              .insertInto('appeal_topics')
              .values({
                appeal_id: row.id,
                code,
                office_id: row.office_id,
                registered_at: record.registeredAt,
              })
              .execute();
          }
        }
      },
    },
    '0030-attachments': {
      async up(db: Kysely<unknown>) {
        // Scanned documents of cards, uploaded by desks; the bytes in the database, so one
        // backup of it holds everything (PostgreSQL bytea, SQLite blob).
        await db.schema
          .createTable('attachments')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('appeal_id', 'text', (c) => c.notNull())
          .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
          .addColumn('file_name', 'text', (c) => c.notNull())
          .addColumn('mime', 'text', (c) => c.notNull())
          .addColumn('size', 'integer', (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('data', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
          .addColumn('received_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('attachments_appeal')
          .on('attachments')
          .column('appeal_id')
          .execute();
      },
    },
    /**
     * Issue 13. Desk codes bound to one device each; cards' registration numbers as a unique
     * column (a second card with a number is a cloned or replaced desk, never a stall); devices
     * keep their package signing key and a clone suspicion; survey responses leave the change
     * log and get a sequence of their own, re-drawn here in key (random) order so that neither
     * their rows nor their numbers follow the order the central received them.
     */
    '0040-hardening': {
      async up(db: Kysely<unknown>) {
        const loose = db as Kysely<Record<string, Record<string, unknown>>>;
        await db.schema.alterTable('devices').addColumn('signing_key', 'text').execute();
        await db.schema.alterTable('devices').addColumn('clone_suspected_at', 'text').execute();
        // 1: the code replaces the device that holds its desk code (an explicit replacement).
        await db.schema
          .alterTable('enrollment_codes')
          .addColumn('replaces', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema
          .createTable('desk_codes')
          .addColumn('code', 'text', (c) => c.primaryKey())
          .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
          .addColumn('device_id', 'text')
          .addColumn('bound_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.alterTable('appeals').addColumn('reg_number', 'text').execute();
        const cards = await sql<{
          id: string;
          office_id: string;
          desk_code: string;
          data: string;
          registered_at: string;
        }>`
          SELECT id, office_id, desk_code, data, registered_at FROM appeals ORDER BY registered_at, id`.execute(
          db,
        );
        const taken = new Set<string>();
        const codes = new Map<string, string>();
        for (const row of cards.rows) {
          const regNumber = (JSON.parse(row.data) as { regNumber?: string }).regNumber ?? null;
          // Two cards with one number (a clone before this migration): the later keeps none.
          const value = regNumber === null || taken.has(regNumber) ? null : regNumber;
          if (value) taken.add(value);
          await loose
            .updateTable('appeals')
            .set({ reg_number: value })
            .where('id', '=', row.id)
            .execute();
          if (!codes.has(row.desk_code)) codes.set(row.desk_code, row.office_id);
        }
        await db.schema
          .createIndex('appeals_reg_number')
          .on('appeals')
          .column('reg_number')
          .unique()
          .execute();
        const now = new Date().toISOString();
        const devices = await sql<{ id: string; office_id: string; desk_code: string }>`
          SELECT id, office_id, desk_code FROM devices
          WHERE revoked_at IS NULL AND desk_code IS NOT NULL ORDER BY enrolled_at`.execute(db);
        const bound = new Map<string, { office_id: string; device_id: string | null }>();
        for (const [code, office] of codes) bound.set(code, { office_id: office, device_id: null });
        for (const d of devices.rows) {
          const known = bound.get(d.desk_code);
          if (!known || known.office_id === d.office_id) {
            bound.set(d.desk_code, { office_id: d.office_id, device_id: d.id });
          }
        }
        for (const [code, b] of bound) {
          await loose
            .insertInto('desk_codes')
            .values({ code, office_id: b.office_id, device_id: b.device_id, bound_at: now })
            .execute();
        }
        // Responses: a new table filled in key order, with its own sequence in that order.
        await db.schema
          .createTable('responses_new')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
          .addColumn('feed_seq', dialect === 'postgres' ? 'bigint' : 'integer', (c) =>
            c.notNull().unique(),
          )
          .addColumn('template_id', 'text', (c) => c.notNull())
          .addColumn('campaign_id', 'text')
          .addColumn('service_id', 'text')
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('office', 'text', (c) => c.notNull())
          .addColumn('response_date', 'text', (c) => c.notNull())
          .addColumn('complete', 'integer', (c) => c.notNull())
          .addColumn('answers', 'text', (c) => c.notNull())
          .execute();
        await sql`
          INSERT INTO responses_new (id, office_id, feed_seq, template_id, campaign_id, service_id,
            channel, office, response_date, complete, answers)
          SELECT id, office_id, row_number() OVER (ORDER BY id), template_id, campaign_id,
            service_id, channel, office, response_date, complete, answers
          FROM responses ORDER BY id`.execute(db);
        await db.schema.dropTable('responses').execute();
        await db.schema.alterTable('responses_new').renameTo('responses').execute();
        await db.schema
          .createIndex('responses_office_date')
          .on('responses')
          .columns(['office_id', 'response_date'])
          .execute();
        await db.schema
          .createIndex('responses_office_id')
          .on('responses')
          .columns(['office_id', 'id'])
          .execute();
        await db.schema
          .createIndex('responses_office_feed')
          .on('responses')
          .columns(['office_id', 'feed_seq'])
          .execute();
        await loose.deleteFrom('change_log').where('type', '=', 'response').execute();
        await db.schema
          .createIndex('attachments_office')
          .on('attachments')
          .columns(['office_id', 'size'])
          .execute();
      },
    },
    /**
     * Issue 14: every question of every card with its effective outcome (rebuilt by each push
     * of its card, like appeal_topics), the office's id in ССТУ.РФ, and a record of every file
     * of the monthly report that took visitors' personal data away. The report column `result`
     * becomes the card's outcome from its questions (docs/metrics.md).
     */
    '0050-questions': {
      async up(db: Kysely<unknown>) {
        const loose = db as Kysely<Record<string, Record<string, unknown>>>;
        await db.schema
          .createTable('appeal_questions')
          .addColumn('appeal_id', 'text', (c) => c.notNull())
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('code', 'text', (c) => c.notNull())
          .addColumn('office_id', 'text', (c) => c.notNull())
          .addColumn('registered_at', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('status_date', 'text')
          .addColumn('measures_taken', 'integer', (c) => c.notNull())
          .addColumn('extended', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('appeal_questions_pk', ['appeal_id', 'position'])
          .execute();
        await db.schema
          .createIndex('appeal_questions_registered')
          .on('appeal_questions')
          .columns(['registered_at', 'office_id'])
          .execute();
        await db.schema
          .createIndex('appeal_questions_status_date')
          .on('appeal_questions')
          .columns(['status_date', 'office_id'])
          .execute();
        await db.schema.alterTable('offices').addColumn('sstu_department_id', 'text').execute();
        await db.schema
          .createTable('personal_exports')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('admin_id', 'text', (c) => c.notNull())
          .addColumn('what', 'text', (c) => c.notNull())
          .addColumn('offices', 'text', (c) => c.notNull())
          .addColumn('cards', 'integer', (c) => c.notNull())
          .execute();
        const rows = await sql<{ id: string; office_id: string; data: string }>`
          SELECT id, office_id, data FROM appeals`.execute(db);
        for (const row of rows.rows) {
          const record = JSON.parse(row.data) as { registeredAt: string };
          const { columns, questions } = reportColumns(record);
          await loose
            .updateTable('appeals')
            .set({ result: columns.result })
            .where('id', '=', row.id)
            .execute();
          for (const q of questions) {
            await loose
              .insertInto('appeal_questions')
              .values({
                ...q,
                appeal_id: row.id,
                office_id: row.office_id,
                registered_at: record.registeredAt,
              })
              .execute();
          }
        }
      },
    },
    /**
     * Issue 15: the console's accounts (scrypt password, lockout), their sessions (only the
     * SHA-256 of the cookie is kept), the audit log of every administrative action and the
     * history of offline packages carried in through the console.
     */
    '0060-console': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('accounts')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('login', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('office_id', 'text', (c) => c.references('offices.id'))
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('failed_count', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('locked_until', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('disabled_at', 'text')
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
          .addColumn('csrf', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('last_seen_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('sessions_account')
          .on('sessions')
          .column('account_id')
          .execute();
        await db.schema
          .createTable('audit_log')
          .addColumn('seq', serial, (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('target', 'text')
          .addColumn('detail', 'text')
          .execute();
        await db.schema
          .createTable('package_imports')
          .addColumn('seq', serial, (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('file_name', 'text', (c) => c.notNull())
          .addColumn('sha256', 'text', (c) => c.notNull())
          .addColumn('office', 'text')
          .addColumn('desk_code', 'text')
          .addColumn('changes', 'integer', (c) => c.notNull())
          .addColumn('responses', 'integer', (c) => c.notNull())
          .addColumn('applied', 'integer', (c) => c.notNull())
          .addColumn('duplicates', 'integer', (c) => c.notNull())
          .addColumn('refused', 'integer', (c) => c.notNull())
          .addColumn('error', 'text')
          .execute();
        // What each desk last said about itself (deskStatusSchema) and the change-log position
        // it has confirmed (the cursor it pulls after): which desks have a reference edition.
        await db.schema.alterTable('devices').addColumn('status', 'text').execute();
        await db.schema.alterTable('devices').addColumn('status_at', 'text').execute();
        await db.schema.alterTable('devices').addColumn('pulled_seq', 'integer').execute();
        // Seed 004, 10.7: what each office changed after its visitors' feedback, per quarter,
        // on a public page for the offices that chose to publish.
        await db.schema
          .createTable('publications')
          .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
          .addColumn('quarter', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addColumn('updated_by', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('publications_pk', ['office_id', 'quarter'])
          .execute();
        await db.schema
          .alterTable('offices')
          .addColumn('publish', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        // The consolidated reports read a quarter of the whole region: with every column the
        // counts need in the index, a quarter is one range scan, not a lookup per card
        // (docs/benchmarks.md, «central»).
        await db.schema
          .createIndex('appeals_cube')
          .on('appeals')
          .columns([
            'registered_at',
            'office_id',
            'channel',
            'kind',
            'form',
            'answer_mode',
            'result',
            'status',
            'due_date',
            'is_repeat',
            'is_collective',
            'signatory_count',
          ])
          .execute();
        await db.schema
          .createIndex('appeals_answered_cover')
          .on('appeals')
          .columns(['answer_date', 'office_id', 'registered_at', 'due_date'])
          .execute();
        // Their leading columns are the new indexes' own: kept, they only cost writes and lure
        // the planner into a lookup per row.
        await db.schema.dropIndex('appeals_report').execute();
        await db.schema.dropIndex('appeals_answered').execute();
        // The region's survey results read one questionnaire's period across every office.
        await db.schema
          .createIndex('responses_template')
          .on('responses')
          .columns(['template_id', 'response_date'])
          .execute();
      },
    },
    // Report roll-ups (src-server/db/rollups.ts): the region's quarter sums a few thousand
    // rows kept by every write instead of reading every card (docs/benchmarks.md, «central»).
    '0070-report-rollups': {
      async up(db: Kysely<unknown>) {
        // On SQLite the cells live in their key's B-tree (no second copy in a rowid table):
        // every push upserts them.
        const clustered = dialect === 'sqlite' ? sql`WITHOUT ROWID` : sql``;
        await db.schema
          .createTable('report_appeals')
          .addColumn('day', 'text', (c) => c.notNull())
          .addColumn('office_id', 'text', (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('form', 'text', (c) => c.notNull())
          .addColumn('answer_mode', 'text', (c) => c.notNull())
          .addColumn('result', 'text', (c) => c.notNull())
          .addColumn('final', 'integer', (c) => c.notNull())
          .addColumn('due_date', 'text', (c) => c.notNull())
          .addColumn('repeat', 'integer', (c) => c.notNull())
          .addColumn('collective', 'integer', (c) => c.notNull())
          .addColumn('n', 'integer', (c) => c.notNull())
          .addColumn('signatories', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('report_appeals_pk', [
            'day',
            'office_id',
            'channel',
            'kind',
            'form',
            'answer_mode',
            'result',
            'final',
            'due_date',
            'repeat',
            'collective',
          ])
          .modifyEnd(clustered)
          .execute();
        await db.schema
          .createTable('report_topics')
          .addColumn('day', 'text', (c) => c.notNull())
          .addColumn('office_id', 'text', (c) => c.notNull())
          .addColumn('code', 'text', (c) => c.notNull())
          .addColumn('n', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('report_topics_pk', ['day', 'office_id', 'code'])
          .modifyEnd(clustered)
          .execute();
        await db.schema
          .createTable('report_answers')
          .addColumn('answer_date', 'text', (c) => c.notNull())
          .addColumn('office_id', 'text', (c) => c.notNull())
          .addColumn('registered', 'text', (c) => c.notNull())
          .addColumn('in_time', 'integer', (c) => c.notNull())
          .addColumn('n', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('report_answers_pk', [
            'answer_date',
            'office_id',
            'registered',
            'in_time',
          ])
          .modifyEnd(clustered)
          .execute();
        await db.schema
          .createTable('report_survey')
          .addColumn('template_id', 'text', (c) => c.notNull())
          .addColumn('month', 'text', (c) => c.notNull())
          .addColumn('office_id', 'text', (c) => c.notNull())
          .addColumn('campaign_id', 'text', (c) => c.notNull())
          .addColumn('service_id', 'text', (c) => c.notNull())
          .addColumn('channel', 'text', (c) => c.notNull())
          .addColumn('cell', 'text', (c) => c.notNull())
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('value', 'text', (c) => c.notNull())
          .addColumn('n', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('report_survey_pk', [
            'template_id',
            'month',
            'office_id',
            'campaign_id',
            'service_id',
            'channel',
            'cell',
          ])
          .modifyEnd(clustered)
          .execute();
        // The reports no longer read the cards: the wide covering indexes of 0060 only cost
        // writes now; the lists (drill-down, answered in a period) keep narrow ones.
        await db.schema.dropIndex('appeals_cube').execute();
        await db.schema.dropIndex('appeals_answered_cover').execute();
        await db.schema
          .createIndex('appeals_report')
          .on('appeals')
          .columns(['registered_at', 'office_id'])
          .execute();
        await db.schema
          .createIndex('appeals_answered')
          .on('appeals')
          .columns(['answer_date', 'office_id'])
          .execute();
        // Migrations see the schema of their own time; this one is the roll-ups' first build.
        await rebuildRollups(db as Kysely<ServerDatabase>);
      },
    },
    // Issue 16: each record keeps its agreement words (src-shared/sync/agreement.ts), so an
    // office's digest is a GROUP BY over a covering index instead of a pass over 1M records.
    '0080-agreement-words': {
      async up(db: Kysely<unknown>) {
        for (const table of ['appeals', 'responses']) {
          for (const column of ['agree_0', 'agree_1', 'agree_2', 'agree_3']) {
            await db.schema.alterTable(table).addColumn(column, 'bigint').execute();
          }
        }
        const typed = db as Kysely<ServerDatabase>;
        await fillAgreementWords(typed, 'appeals', async (ids) => {
          const rows = await typed
            .selectFrom('appeals')
            .select(['id', 'data'])
            .where('id', 'in', ids)
            .execute();
          return rows.map((r) => ({
            id: r.id,
            ...appealAgreement(r.id, JSON.parse(r.data) as AppealRecord),
          }));
        });
        await fillAgreementWords(typed, 'responses', async (ids) => {
          const rows = await typed
            .selectFrom('responses')
            .select([
              'id',
              'office_id',
              'feed_seq',
              'template_id',
              'campaign_id',
              'service_id',
              'channel',
              'office',
              'response_date',
              'complete',
              'answers',
            ])
            .where('id', 'in', ids)
            .execute();
          return rows.map((r) => ({ id: r.id, ...responseAgreement(responseRecordOf(r)) }));
        });
        await db.schema
          .createIndex('appeals_agreement')
          .on('appeals')
          .columns(['office_id', 'registered_at', 'agree_0', 'agree_1', 'agree_2', 'agree_3'])
          .execute();
        await db.schema
          .createIndex('responses_agreement')
          .on('responses')
          .columns(['office_id', 'response_date', 'agree_0', 'agree_1', 'agree_2', 'agree_3'])
          .execute();
      },
    },
    /**
     * Issue 18, online surveys (docs/online-surveys.md): publications, the answers that wait for
     * a batch of their office (kept in key order, never in the order they came: WITHOUT ROWID on
     * SQLite), and answers per publication and day for the console.
     */
    '0090-online-surveys': {
      async up(db: Kysely<unknown>) {
        const clustered = dialect === 'sqlite' ? sql`WITHOUT ROWID` : sql``;
        await db.schema
          .createTable('online_surveys')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('slug', 'text', (c) => c.notNull().unique())
          .addColumn('campaign_id', 'text', (c) => c.notNull())
          .addColumn('office_id', 'text', (c) => c.references('offices.id'))
          .addColumn('service_id', 'text')
          .addColumn('closing_text', 'text')
          .addColumn('public_base', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('closed_at', 'text')
          .execute();
        await db.schema
          .createTable('online_pending')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('office_id', 'text', (c) => c.notNull().references('offices.id'))
          .addColumn('record', 'text', (c) => c.notNull())
          .addColumn('response_date', 'text', (c) => c.notNull())
          .modifyEnd(clustered)
          .execute();
        await db.schema
          .createTable('online_daily')
          .addColumn('survey_id', 'text', (c) => c.notNull())
          .addColumn('day', 'text', (c) => c.notNull())
          .addColumn('accepted', 'integer', (c) => c.notNull())
          .addColumn('refused', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('online_daily_pk', ['survey_id', 'day'])
          .modifyEnd(clustered)
          .execute();
      },
    },
    /**
     * Issue 20, the region's topic model (docs/topics.md): each build's JSON, its size, how long
     * it took and what it was built from; desks download the newest.
     */
    '0100-topic-models': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('topic_models')
          .addColumn('version', 'integer', (c) => c.primaryKey())
          .addColumn('built_at', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('cards', 'integer', (c) => c.notNull())
          .addColumn('bytes', 'integer', (c) => c.notNull())
          .addColumn('build_ms', 'integer', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .execute();
      },
    },
  };
}

/**
 * Computes the agreement words of every row of `table`, a page at a time in key order, and
 * writes them with one UPDATE … FROM (VALUES …) per 500 rows (both databases have it).
 */
async function fillAgreementWords(
  db: Kysely<ServerDatabase>,
  table: 'appeals' | 'responses',
  words: (ids: string[]) => Promise<({ id: string } & Record<`agree_${0 | 1 | 2 | 3}`, number>)[]>,
) {
  const PAGE = 2000;
  for (let after = ''; ;) {
    const ids = (
      await db
        .selectFrom(table)
        .select('id')
        .where('id', '>', after)
        .orderBy('id')
        .limit(PAGE)
        .execute()
    ).map((r) => r.id);
    if (ids.length === 0) break;
    const rows = await words(ids);
    for (let i = 0; i < rows.length; i += 500) {
      const values = sql.join(
        rows
          .slice(i, i + 500)
          .map(
            (r) =>
              sql`(${r.id}, CAST(${r.agree_0} AS bigint), CAST(${r.agree_1} AS bigint), CAST(${r.agree_2} AS bigint), CAST(${r.agree_3} AS bigint))`,
          ),
      );
      await sql`WITH v (id, a0, a1, a2, a3) AS (VALUES ${values})
        UPDATE ${sql.table(table)} SET agree_0 = v.a0, agree_1 = v.a1, agree_2 = v.a2,
        agree_3 = v.a3 FROM v WHERE ${sql.table(table)}.id = v.id`.execute(db);
    }
    if (ids.length < PAGE) break;
    after = ids[ids.length - 1]!;
  }
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
