import { localToday } from '../../../src-shared/domain/dates';
import type { AppealMetrics } from '../../../src-shared/reports/appeal-metrics';
import {
  metricsFromCounts,
  type AnswerRow,
  type CubeRow,
  type Reason,
} from '../../../src-shared/reports/compute';
import type { Period } from '../../../src-shared/reports/period';
import type { CoreContext } from '../context';

export const periodParams = (p: Period) => ({ from: p.from, toEnd: `${p.to}U` });

/**
 * The appeal metrics of a period over the cards this desk holds (docs/metrics.md): sums over
 * the roll-ups kept by every write (migration 0070), then src-shared/reports/compute.ts.
 */
export function appealMetrics(ctx: CoreContext, period: Period): AppealMetrics {
  const { db } = ctx;
  const days = { from: period.from, to: period.to };
  const today = localToday(ctx.now());
  const cube = (
    db
      .prepare(
        `SELECT channel, kind, form, answer_mode AS answerMode, result, final,
           (final = 0 AND due_date <> '' AND due_date < @today) AS overdue,
           repeat, collective, sum(signatories) AS signatories, sum(n) AS n
         FROM report_appeals WHERE day BETWEEN @from AND @to
         GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
      )
      .all({ ...days, today }) as (Omit<CubeRow, 'answerMode' | 'result'> & {
      answerMode: string;
      result: string;
    })[]
  )
    .filter((r) => r.n > 0)
    .map((r): CubeRow => ({
      ...r,
      answerMode: (r.answerMode || null) as CubeRow['answerMode'],
      result: (r.result || null) as CubeRow['result'],
    }));
  const groups = db
    .prepare(
      `SELECT g.code, coalesce(c.title, g.code) AS title, g.appeals FROM (
         SELECT code, sum(n) AS appeals FROM report_topics
         WHERE day BETWEEN @from AND @to AND code <> '*' GROUP BY code HAVING sum(n) > 0) g
       LEFT JOIN classifier_nodes c ON c.code = g.code`,
    )
    .all(days) as Reason[];
  const answers = db
    .prepare(
      `SELECT CAST(julianday(answer_date) - julianday(registered) AS INTEGER) AS days,
         in_time AS inTime, sum(n) AS n
       FROM report_answers WHERE answer_date BETWEEN @from AND @to
       GROUP BY 1, 2 HAVING sum(n) > 0`,
    )
    .all(days) as AnswerRow[];
  return metricsFromCounts(
    period,
    today,
    cube,
    groups.filter((g) => g.code.endsWith('.0000.0000.0000')),
    groups.filter((g) => !g.code.endsWith('.0000.0000.0000')),
    answers,
  );
}
