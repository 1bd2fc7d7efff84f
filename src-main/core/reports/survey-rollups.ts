import { countKeys } from '../../../src-shared/reports/survey-compute';
import type BetterSqlite3 from 'better-sqlite3';

export interface RollupResponse {
  template_id: string;
  campaign_id: string | null;
  service_id: string | null;
  channel: string;
  response_date: string;
  answers: string;
  /** The answers already parsed, when the caller has them. */
  parsed?: Record<string, unknown>;
}

/**
 * Adds responses to the survey roll-up; call in the transaction that stores them. `addAll`
 * sums the cells of a batch first (a page of 2,000 pulled responses shares most of its cells),
 * then upserts each cell once.
 */
export function createSurveyRollups(db: BetterSqlite3.Database) {
  const add = db.prepare(
    `INSERT INTO report_survey (template_id, day, campaign_id, service_id, channel, key, value, n)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET n = n + excluded.n`,
  );
  function addAll(rows: Iterable<RollupResponse>) {
    const cells = new Map<string, { cell: string[]; n: number }>();
    for (const r of rows) {
      const base = [
        r.template_id,
        r.response_date,
        r.campaign_id ?? '',
        r.service_id ?? '',
        r.channel,
      ];
      const prefix = JSON.stringify(base);
      const answers = r.parsed ?? (JSON.parse(r.answers) as Record<string, unknown>);
      for (const [key, value] of countKeys(answers)) {
        const id = `${prefix}${JSON.stringify([key, value])}`;
        const found = cells.get(id);
        if (found) found.n++;
        else cells.set(id, { cell: [...base, key, value], n: 1 });
      }
    }
    for (const { cell, n } of cells.values()) add.run(...cell, n);
  }
  return { addAll, add: (r: RollupResponse) => addAll([r]) };
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
    rollups.addAll(rows);
    if (rows.length < 5000) break;
    after = rows[rows.length - 1]!.id;
  }
}
