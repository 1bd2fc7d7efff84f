import { localToday } from '../../../src-shared/domain/dates';
import { FINAL_STATUSES } from '../../../src-shared/domain/enums';
import { OPEN_QUESTION_STATUSES } from '../../../src-shared/domain/questions';
import type { CoreContext } from '../context';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * The deadlines board's question figures: questions still under consideration on cards not
 * yet final, and those of them whose card's term has passed (issue 14).
 */
export function questionsInWork(ctx: CoreContext): { inWork: number; overdue: number } {
  const row = ctx.db
    .prepare<[string], { inWork: number; overdue: number | null }>(
      `SELECT count(*) AS inWork, sum(a.due_date < ?) AS overdue
       FROM appeal_questions q JOIN appeals a ON a.id = q.appeal_id
       WHERE q.status IN (${list(OPEN_QUESTION_STATUSES)})
         AND a.status NOT IN (${list(FINAL_STATUSES)})`,
    )
    .get(localToday(ctx.now()))!;
  return { inWork: row.inWork, overdue: row.overdue ?? 0 };
}
