import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { reportColumns } from './report-columns';

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
  };
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
