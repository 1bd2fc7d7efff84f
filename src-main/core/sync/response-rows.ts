import type { Db } from '../db/open';
import { responseColumns, type ResponseRecord } from '../../../src-shared/sync/records';
import type { ResponseChannel } from '../../../src-shared/surveys/records';
import { createSurveyRollups, type RollupResponse } from '../reports/survey-rollups';

export interface ResponseRow {
  id: string;
  template_id: string;
  campaign_id: string | null;
  service_id: string | null;
  channel: ResponseChannel;
  office: string;
  response_date: string;
  complete: number;
  answers: string;
}

export const responseOf = (r: ResponseRow): ResponseRecord => ({
  id: r.id,
  templateId: r.template_id,
  campaignId: r.campaign_id,
  serviceId: r.service_id,
  channel: r.channel,
  office: r.office,
  responseDate: r.response_date,
  complete: r.complete === 1,
  answers: JSON.parse(r.answers) as Record<string, unknown>,
});

const COLUMNS =
  'id, template_id, campaign_id, service_id, channel, office, response_date, complete, answers';

/** Survey responses as sync sees them: append-only, sent once, in key order. */
export function createResponseRows(db: Db, stored?: (row: ResponseRow) => void) {
  const rollups = createSurveyRollups(db);
  const unpushed = db.prepare(
    `SELECT ${COLUMNS} FROM survey_responses WHERE pushed = 0 ORDER BY id LIMIT ?`,
  );
  const unpushedCount = db
    .prepare('SELECT count(*) FROM survey_responses WHERE pushed = 0')
    .pluck();
  const markPushed = db.prepare('UPDATE survey_responses SET pushed = 1 WHERE id = ?');
  const insertPulled = db.prepare(
    `INSERT INTO survey_responses (${COLUMNS}, pushed)
     VALUES (@id, @template_id, @campaign_id, @service_id, @channel, @office, @response_date,
       @complete, @answers, 1)
     ON CONFLICT (id) DO NOTHING`,
  );
  const inPeriod = db.prepare(
    `SELECT ${COLUMNS} FROM survey_responses WHERE response_date BETWEEN ? AND ? ORDER BY id`,
  );
  return {
    unpushed: (limit: number) => (unpushed.all(limit) as ResponseRow[]).map(responseOf),
    unpushedCount: () => Number(unpushedCount.get()),
    markPushed(ids: readonly string[]) {
      for (const id of ids) markPushed.run(id);
    },
    /** Stores pulled responses (each once), counting the new ones into the roll-up; `stored`
     * sees each new one as stored. */
    insertPulled(records: readonly ResponseRecord[]): number {
      const fresh: RollupResponse[] = [];
      for (const r of records) {
        const row = responseColumns(r);
        if (insertPulled.run(row).changes !== 1) continue;
        stored?.(row);
        fresh.push({ ...row, parsed: r.answers });
      }
      rollups.addAll(fresh);
      return fresh.length;
    },
    inPeriod: (from: string, to: string) =>
      (inPeriod.all(from, to) as ResponseRow[]).map(responseOf),
  };
}
