import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';
import { migrationProvider, type Dialect } from './migrations';
import type { ServerDatabase } from './schema';

export interface CentralDb {
  db: Kysely<ServerDatabase>;
  dialect: Dialect;
  close(): Promise<void>;
}

/**
 * Opens the central database: PostgreSQL when a URL is given, else a SQLite file (WAL), and
 * brings its schema up to date.
 */
export async function openCentralDb(options: {
  databaseUrl?: string | undefined;
  sqliteFile: string;
}): Promise<CentralDb> {
  let db: Kysely<ServerDatabase>;
  let dialect: Dialect;
  if (options.databaseUrl) {
    dialect = 'postgres';
    db = new Kysely({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: options.databaseUrl, max: 10 }),
      }),
    });
  } else {
    dialect = 'sqlite';
    mkdirSync(dirname(options.sqliteFile), { recursive: true });
    const file = new Database(options.sqliteFile);
    file.pragma('journal_mode = WAL');
    // FULL: a push acknowledged to a desk (which then empties its outbox) survives a power
    // cut; with NORMAL the last commits of WAL mode may be lost (issue 13, point 5).
    file.pragma('synchronous = FULL');
    file.pragma('foreign_keys = ON');
    file.pragma('busy_timeout = 5000');
    // 64 MB of page cache: the change log and cards outgrow the default 2 MB.
    file.pragma('cache_size = -65536');
    file.pragma('temp_store = MEMORY');
    file.pragma('wal_autocheckpoint = 16384');
    db = new Kysely({ dialect: new SqliteDialect({ database: file }) });
  }
  const { error, results } = await new Migrator({
    db,
    provider: migrationProvider(dialect),
  }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    await db.destroy();
    throw new Error(`central schema migration failed: ${String(error ?? failed?.migrationName)}`);
  }
  return { db, dialect, close: () => db.destroy() };
}
