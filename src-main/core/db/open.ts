import Database from 'better-sqlite3';
import { migrate } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  /**
   * Path of a better-sqlite3 binary built for the running ABI. The Electron shell passes its
   * own build (see docs/architecture.md); under plain Node the package's default build is used.
   */
  nativeBinding?: string;
}

/** Opens (creating if needed) the desk database and brings its schema up to date. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(
    file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  );
  db.pragma('journal_mode = WAL');
  // FULL (issue 13, point 5): a registration number shown to an officer, or an outbox the
  // central acknowledged and this desk then emptied, survives a power cut. With NORMAL, WAL
  // mode may lose the last commits; the cost is one fsync per commit (docs/benchmarks.md).
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -32000');
  db.pragma('temp_store = MEMORY');
  // Checkpoints normally run on the core's timer (checkpoint.ts); this is the safety net.
  db.pragma('wal_autocheckpoint = 20000');
  migrate(db);
  return db;
}
