import { localToday } from '../../../src-shared/domain/dates';
import type { QuestionStatus } from '../../../src-shared/domain/questions';
import type { Period } from '../../../src-shared/reports/period';
import {
  countQuestions,
  type QuestionReport,
  type ReportQuestion,
} from '../../../src-shared/reports/questions';
import type { CoreContext } from '../context';

interface Row {
  appeal_id: string;
  code: string;
  status: string;
  measures_taken: number;
  status_date: string | null;
  extended: number;
}

/** The questions of the cards registered in a period, as the shared report counts them. */
export function periodQuestions(ctx: CoreContext, period: Period): ReportQuestion[] {
  const rows = ctx.db
    .prepare<[string, string], Row>(
      `SELECT appeal_id, code, status, measures_taken, status_date, extended
       FROM appeal_questions WHERE registered_at >= ? AND registered_at < ?`,
    )
    .all(period.from, `${period.to}U`);
  return rows.map((r) => ({
    appealId: r.appeal_id,
    code: r.code,
    status: r.status as QuestionStatus,
    measuresTaken: r.measures_taken === 1,
    statusDate: r.status_date,
    extended: r.extended === 1,
  }));
}

/** Questions by status, per section and theme (issue 14; docs/metrics.md). */
export function questionReport(ctx: CoreContext, period: Period): QuestionReport {
  return countQuestions(periodQuestions(ctx, period), period, localToday(ctx.now()));
}
