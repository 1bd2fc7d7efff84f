import type { Migration } from './index';

/**
 * The first schema: desk settings, reference data (officials, services, classifier) and the
 * reception card. Every entity that will sync has a UUID key and created/updated timestamps.
 */
export const m0010Init: Migration = {
  version: 10,
  name: 'init',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE officials (
        id TEXT PRIMARY KEY,
        full_name TEXT NOT NULL,
        position TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE services (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('service', 'support_measure', 'function')),
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE classifier_nodes (
        code TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        parent_code TEXT,
        level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
        search_text TEXT NOT NULL,
        retired INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX classifier_nodes_parent ON classifier_nodes (parent_code);

      CREATE TABLE reg_counters (
        desk_code TEXT NOT NULL,
        year INTEGER NOT NULL,
        last_seq INTEGER NOT NULL,
        PRIMARY KEY (desk_code, year)
      );

      CREATE TABLE appeals (
        id TEXT PRIMARY KEY,
        reg_number TEXT NOT NULL UNIQUE,
        desk_code TEXT NOT NULL,
        registered_at TEXT NOT NULL,
        official_id TEXT REFERENCES officials (id),
        applicant_type TEXT NOT NULL,
        visitor_name TEXT,
        visitor_address TEXT,
        visitor_phone TEXT,
        visitor_email TEXT,
        social_category TEXT NOT NULL,
        organisation_name TEXT,
        representative_name TEXT,
        power_of_attorney TEXT,
        is_collective INTEGER NOT NULL,
        signatory_count INTEGER,
        is_repeat INTEGER NOT NULL,
        kind TEXT NOT NULL,
        form TEXT NOT NULL,
        channel TEXT NOT NULL,
        content TEXT NOT NULL,
        service_id TEXT REFERENCES services (id),
        av_recording_notified INTEGER NOT NULL,
        answer_mode TEXT,
        oral_consent INTEGER NOT NULL,
        oral_answer TEXT,
        redirect_recipient TEXT,
        redirect_date TEXT,
        executor TEXT,
        status TEXT NOT NULL,
        result TEXT,
        result_note TEXT,
        answer_date TEXT,
        due_date TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX appeals_registered ON appeals (registered_at);
      CREATE INDEX appeals_status ON appeals (status, registered_at);
      CREATE INDEX appeals_due ON appeals (due_date) WHERE due_date IS NOT NULL;
      CREATE INDEX appeals_official ON appeals (official_id, registered_at);
      CREATE INDEX appeals_channel ON appeals (channel, registered_at);

      CREATE TABLE appeal_topics (
        appeal_id TEXT NOT NULL REFERENCES appeals (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        code TEXT NOT NULL,
        section TEXT NOT NULL,
        PRIMARY KEY (appeal_id, position)
      );
      CREATE INDEX appeal_topics_section ON appeal_topics (section, appeal_id);
      CREATE INDEX appeal_topics_code ON appeal_topics (code);

      CREATE TABLE drafts (
        id TEXT PRIMARY KEY,
        appeal_id TEXT REFERENCES appeals (id) ON DELETE CASCADE,
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `);
  },
};
