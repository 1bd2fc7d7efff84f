import type { Migration } from './index';

/**
 * Scanned documents of a card. The bytes live in the data folder under their SHA-256
 * (attachments/ab/abcdef…), so a file is stored once however often it is attached; the row
 * says which card, under which name, and when it reached the central server.
 */
export const m0140Attachments: Migration = {
  version: 140,
  name: 'attachments',
  up(db) {
    db.exec(`
      CREATE TABLE attachments (
        id TEXT PRIMARY KEY,
        appeal_id TEXT NOT NULL REFERENCES appeals (id),
        file_name TEXT NOT NULL,
        mime TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size > 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        created_at TEXT NOT NULL,
        uploaded_at TEXT
      );
      CREATE INDEX attachments_appeal ON attachments (appeal_id);
      CREATE INDEX attachments_pending ON attachments (created_at) WHERE uploaded_at IS NULL;
    `);
  },
};
