import type BetterSqlite3 from 'better-sqlite3';

export interface RollupResponse {
  template_id: string;
  campaign_id: string | null;
  service_id: string | null;
  channel: string;
  response_date: string;
  answers: string;
}

/**
 * The counts a response adds to the survey roll-up (migration 0080): key '' counts the
 * response, a question's name with value '' counts an answer to it, and every value given
 * (each choice of a multiple choice, each matrix row as "question.row", each text) counts once.
 */
export function surveyRollupKeys(answers: Record<string, unknown>): [string, string][] {
  const keys: [string, string][] = [['', '']];
  for (const name in answers) {
    keys.push([name, '']);
    const a = answers[name];
    if (Array.isArray(a)) for (const v of a) keys.push([name, String(v)]);
    else if (typeof a === 'object' && a !== null) {
      for (const [row, v] of Object.entries(a)) keys.push([`${name}.${row}`, String(v)]);
    } else keys.push([name, String(a)]);
  }
  return keys;
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
      for (const [key, value] of surveyRollupKeys(
        JSON.parse(r.answers) as Record<string, unknown>,
      )) {
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
