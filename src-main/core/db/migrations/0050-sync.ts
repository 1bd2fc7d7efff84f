import type { Migration } from './index';

/**
 * Sync with the central server (docs/sync.md).
 * - sync_outbox: every local change of a synced record, appended in the write's transaction and
 *   removed only when the server has acknowledged it (after its commit).
 * - sync_clocks: the HLC stamp of each field of each synced record, for last-writer-wins.
 * - survey_responses.pushed: responses are append-only and travel by themselves (no clock: a
 *   time stamp would break their anonymity); 0 until the server has them.
 */
export const m0050Sync: Migration = {
  version: 50,
  name: 'sync',
  up(db) {
    db.exec(`
      CREATE TABLE sync_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        change_id TEXT NOT NULL UNIQUE,
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        hlc TEXT NOT NULL,
        fields TEXT NOT NULL
      );

      CREATE TABLE sync_clocks (
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        clocks TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id)
      ) WITHOUT ROWID;

      ALTER TABLE survey_responses ADD COLUMN pushed INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX survey_responses_unpushed ON survey_responses (id) WHERE pushed = 0;
    `);
  },
};
