import type { Migration } from './index';

/**
 * Issue 13. Changes the central refused one by one (and pulled ones this desk could not
 * apply) are set aside here with the reason, instead of blocking the outbox or the pull
 * forever; an administrator sees them on the sync page, exports or discards them.
 */
export const m0150SyncRefused: Migration = {
  version: 150,
  name: 'sync-refused',
  up(db) {
    db.exec(`
      CREATE TABLE sync_refused (
        change_id TEXT PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('push', 'pull')),
        entity_id TEXT NOT NULL,
        hlc TEXT NOT NULL,
        fields TEXT NOT NULL,
        code TEXT NOT NULL,
        reason TEXT NOT NULL,
        refused_at TEXT NOT NULL
      );
    `);
  },
};
