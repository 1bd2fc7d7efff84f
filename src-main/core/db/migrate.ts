import type BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

type Db = BetterSqlite3.Database;

/**
 * Forward-only numbered migrations. Each one runs in its own transaction together with the
 * row that records it, so a failed step leaves the schema exactly as it was before that step.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS, upTo = Infinity) {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations')
      .pluck()
      .all()
      .map((v) => Number(v)),
  );
  const latestApplied = Math.max(0, ...applied);
  const known = new Set(migrations.map((m) => m.version));
  for (const version of applied) {
    if (!known.has(version)) {
      throw new Error(`database was written by a newer Otklik (migration ${version} unknown)`);
    }
  }
  const record = db.prepare(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version > upTo || applied.has(migration.version)) continue;
    if (migration.version < latestApplied) {
      throw new Error(`migration ${migration.version} is older than the applied schema`);
    }
    db.transaction(() => {
      migration.up(db);
      record.run(migration.version, migration.name, new Date().toISOString());
    })();
  }
}

export function appliedVersions(db: Db): number[] {
  return db
    .prepare('SELECT version FROM schema_migrations ORDER BY version')
    .pluck()
    .all()
    .map((v) => Number(v));
}
