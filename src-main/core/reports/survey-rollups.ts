import { countKeys } from '../../../src-shared/reports/survey-compute';
import type BetterSqlite3 from 'better-sqlite3';

export interface RollupResponse {
  template_id: string;
  campaign_id: string | null;
  service_id: string | null;
  channel: string;
  response_date: string;
  answers: string;
}

/** Adds responses to the survey roll-up; call in the transaction that stores them. */
export function createSurveyRollups(db: BetterSqlite3.Database) {
  const add = db.prepare(
    `INSERT INTO report_survey (template_id, day, campaign_id, service_id, channel, key, value, n)
     VALUES (@template_id, @response_date, @campaign, @service, @channel, @key, @value, 1)
     ON CONFLICT DO UPDATE SET n = n + 1`,
  );
  return {
    add(r: RollupResponse) {
      const base = { ...r, campaign: r.campaign_id ?? '', service: r.service_id ?? '' };
      for (const [key, value] of countKeys(JSON.parse(r.answers) as Record<string, unknown>)) {
        add.run({ ...base, key, value });
      }
    },
  };
}

/** Builds the survey roll-up from every stored response (migration 0080). */
export function rebuildSurveyRollups(db: BetterSqlite3.Database) {
  db.exec('DELETE FROM report_survey');
  const rollups = createSurveyRollups(db);
  const page = db.prepare(
    `SELECT id, template_id, campaign_id, service_id, channel, response_date, answers
     FROM survey_responses WHERE id > ? ORDER BY id LIMIT 5000`,
  );
  for (let after = ''; ;) {
    const rows = page.all(after) as (RollupResponse & { id: string })[];
    for (const r of rows) rollups.add(r);
    if (rows.length < 5000) break;
    after = rows[rows.length - 1]!.id;
  }
}
