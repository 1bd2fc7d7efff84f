import type { Migration } from './index';

/**
 * Desk users with roles (passwords as scrypt hashes, failed attempts and a lockout time) and
 * the audit trail of card changes. The trail is append-only: triggers refuse any UPDATE or
 * DELETE, so not even a bug in the app can rewrite history.
 */
export const m0100UsersAudit: Migration = {
  version: 100,
  name: 'users-audit',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        login TEXT NOT NULL UNIQUE COLLATE NOCASE,
        full_name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('registrar', 'official', 'analyst', 'admin')),
        password_hash TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        locked_until TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        appeal_id TEXT NOT NULL,
        at TEXT NOT NULL,
        user_id TEXT,
        user_name TEXT,
        source TEXT NOT NULL CHECK (source IN ('desk', 'sync')),
        action TEXT NOT NULL CHECK (action IN ('create', 'update')),
        field TEXT,
        old_value TEXT,
        new_value TEXT
      );
      CREATE INDEX audit_log_appeal ON audit_log (appeal_id, id);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
