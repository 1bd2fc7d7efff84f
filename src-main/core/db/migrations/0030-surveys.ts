import type { Migration } from './index';

/**
 * Questionnaires, campaigns and anonymous responses (docs/anonymity.md).
 *
 * A response has no timestamp of any kind: its date only, a random UUIDv4 key (a v7 key would
 * carry the time), and the table is WITHOUT ROWID so rows are stored in key order, not in the
 * order visitors finished: nothing lets a response be lined up with the reception cards of the
 * same hour.
 */
export const m0030Surveys: Migration = {
  version: 30,
  name: 'surveys',
  up(db) {
    db.exec(`
      CREATE TABLE survey_templates (
        id TEXT PRIMARY KEY,
        family_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        builtin_key TEXT,
        title TEXT NOT NULL,
        definition TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (family_id, version)
      );

      CREATE TABLE survey_campaigns (
        id TEXT PRIMARY KEY,
        template_id TEXT NOT NULL REFERENCES survey_templates (id),
        title TEXT NOT NULL,
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL,
        service_ids TEXT NOT NULL DEFAULT '[]',
        channels TEXT NOT NULL DEFAULT '["kiosk","paper"]',
        active INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE survey_responses (
        id TEXT PRIMARY KEY,
        template_id TEXT NOT NULL REFERENCES survey_templates (id),
        campaign_id TEXT REFERENCES survey_campaigns (id),
        service_id TEXT,
        channel TEXT NOT NULL CHECK (channel IN ('kiosk', 'paper')),
        office TEXT NOT NULL,
        response_date TEXT NOT NULL,
        complete INTEGER NOT NULL,
        answers TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX survey_responses_template ON survey_responses (template_id, response_date);
      CREATE INDEX survey_responses_campaign ON survey_responses (campaign_id, response_date);
    `);
  },
};
