import { localToday } from '../../../src-shared/domain/dates';
import { FINAL_STATUSES } from '../../../src-shared/domain/enums';
import type { AppealMetrics } from '../../../src-shared/reports/appeal-metrics';
import {
  metricsFromCounts,
  type AnswerRow,
  type CubeRow,
  type Reason,
} from '../../../src-shared/reports/compute';
import type { Period } from '../../../src-shared/reports/period';
import type { CoreContext } from '../context';

const FINAL = FINAL_STATUSES.map((s) => `'${s}'`).join(', ');

export const periodParams = (p: Period) => ({ from: p.from, toEnd: `${p.to}U` });

/**
 * The appeal metrics of a period over the cards this desk holds (docs/metrics.md): three index
 * range scans (migration 0060) produce counts, src-shared/reports/compute.ts does the rest.
 */
export function appealMetrics(ctx: CoreContext, period: Period): AppealMetrics {
  const { db } = ctx;
  const params = periodParams(period);
  const today = localToday(ctx.now());
  const cube = db
    .prepare(
      `SELECT channel, kind, form, answer_mode AS answerMode, result,
         status IN (${FINAL}) AS final,
         (status NOT IN (${FINAL}) AND due_date < @today) AS overdue,
         is_repeat AS repeat, is_collective AS collective,
         coalesce(sum(signatory_count), 0) AS signatories, count(*) AS n
       FROM appeals INDEXED BY appeals_report
       WHERE registered_at >= @from AND registered_at < @toEnd
       GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
    )
    .all({ ...params, today }) as CubeRow[];
  const reasons = (prefix: number, pad: string, deeper: string) =>
    db
      .prepare(
        `SELECT g.code, coalesce(n.title, g.code) AS title, g.appeals FROM (
           SELECT substr(code, 1, ${prefix}) || '${pad}' AS code, count(DISTINCT appeal_id) AS appeals
           FROM appeal_topics INDEXED BY appeal_topics_report
           WHERE registered_at >= @from AND registered_at < @toEnd AND ${deeper}
           GROUP BY 1) g
         LEFT JOIN classifier_nodes n ON n.code = g.code`,
      )
      .all(params) as Reason[];
  const answers = db
    .prepare(
      `SELECT CAST(julianday(answer_date) - julianday(substr(registered_at, 1, 10)) AS INTEGER) AS days,
         (due_date IS NULL OR answer_date <= due_date) AS inTime, count(*) AS n
       FROM appeals INDEXED BY appeals_answered
       WHERE answer_date >= @from AND answer_date <= @to AND answer_date IS NOT NULL
       GROUP BY 1, 2`,
    )
    .all({ from: period.from, to: period.to }) as AnswerRow[];
  return metricsFromCounts(
    period,
    today,
    cube,
    reasons(4, '.0000.0000.0000', '1'),
    reasons(9, '.0000.0000', `substr(code, 6, 4) <> '0000'`),
    answers,
  );
}
