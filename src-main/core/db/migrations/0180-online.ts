import type { Migration } from './index';

/**
 * Issue 18, online surveys. Responses given on the body's site come down to the office's desks
 * like kiosk and paper ones, with channel `online` (a table rebuild: SQLite cannot widen a
 * CHECK); `online_surveys` keeps the central's publications the desk shows — the QR code on the
 * kiosk's thank-you screen, the address on the printed paper form.
 */
export const m0180Online: Migration = {
  version: 180,
  name: 'online',
  up(db) {
    // Its indexes and trigger, as they are now, to put back on the rebuilt table.
    const extras = db
      .prepare(
        `SELECT sql FROM sqlite_master WHERE tbl_name = 'survey_responses'
           AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name`,
      )
      .pluck()
      .all() as string[];
    db.exec(`
      CREATE TABLE survey_responses_new (
        id TEXT PRIMARY KEY,
        template_id TEXT NOT NULL REFERENCES survey_templates (id),
        campaign_id TEXT REFERENCES survey_campaigns (id),
        service_id TEXT,
        channel TEXT NOT NULL CHECK (channel IN ('kiosk', 'paper', 'online')),
        office TEXT NOT NULL,
        response_date TEXT NOT NULL,
        complete INTEGER NOT NULL,
        answers TEXT NOT NULL,
        pushed INTEGER NOT NULL DEFAULT 0,
        agree_0 INTEGER,
        agree_1 INTEGER,
        agree_2 INTEGER,
        agree_3 INTEGER
      ) WITHOUT ROWID;
      INSERT INTO survey_responses_new (id, template_id, campaign_id, service_id, channel, office,
          response_date, complete, answers, pushed, agree_0, agree_1, agree_2, agree_3)
        SELECT id, template_id, campaign_id, service_id, channel, office, response_date, complete,
          answers, pushed, agree_0, agree_1, agree_2, agree_3
        FROM survey_responses;
      DROP TABLE survey_responses;
      ALTER TABLE survey_responses_new RENAME TO survey_responses;

      CREATE TABLE online_surveys (
        id TEXT PRIMARY KEY,
        campaign_id TEXT NOT NULL,
        office_code TEXT,
        url TEXT NOT NULL,
        open INTEGER NOT NULL
      );
    `);
    for (const sql of extras) db.exec(sql);
  },
};
