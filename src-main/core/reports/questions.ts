import { localToday } from '../../../src-shared/domain/dates';
import type { Period } from '../../../src-shared/reports/period';
import {
  countQuestions,
  reportQuestionOf,
  type QuestionReport,
  type QuestionRow,
  type ReportQuestion,
} from '../../../src-shared/reports/questions';
import type { CoreContext } from '../context';

/** The questions of the cards registered in a period, as the shared report counts them. */
export function periodQuestions(ctx: CoreContext, period: Period): ReportQuestion[] {
  const rows = ctx.db
    .prepare<[string, string], QuestionRow>(
      `SELECT appeal_id, code, status, measures_taken, status_date, extended
       FROM appeal_questions WHERE registered_at >= ? AND registered_at < ?`,
    )
    .all(period.from, `${period.to}U`);
  return rows.map(reportQuestionOf);
}

/** Questions by status, per section and theme (issue 14; docs/metrics.md). */
export function questionReport(ctx: CoreContext, period: Period): QuestionReport {
  return countQuestions(periodQuestions(ctx, period), period, localToday(ctx.now()));
}
