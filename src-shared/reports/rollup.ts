import { FINAL_STATUSES, type AppealStatus } from '../domain/enums';

/**
 * What one card contributes to the report roll-ups (docs/metrics.md, «Where it is computed»):
 * the rule the desk (migration 0070) and the central server (migration 0070-report-rollups)
 * both keep their counts by, so a report sums a few thousand rows instead of reading every card.
 */

/** The columns of a card the roll-ups count (as stored in both sides' `appeals` tables). */
export interface RollupCard {
  registered_at: string;
  channel: string;
  kind: string;
  form: string;
  answer_mode: string | null;
  /** The card's outcome from its questions (appealOutcome), not its own result field. */
  outcome: string | null;
  status: string;
  due_date: string | null;
  is_repeat: number;
  is_collective: number;
  signatory_count: number | null;
  answer_date: string | null;
}

/** A row of `report_appeals`: the key columns ('' for none) and what the card adds. */
export interface AppealCell {
  day: string;
  channel: string;
  kind: string;
  form: string;
  answer_mode: string;
  result: string;
  final: number;
  /** Only for cards not yet final: whether one is overdue is decided at report time. */
  due_date: string;
  repeat: number;
  collective: number;
  signatories: number;
}

/** A row of `report_answers`: a written answer by its date, the card's day and whether in time. */
export interface AnswerCell {
  answer_date: string;
  registered: string;
  in_time: number;
}

/** Classifier groups a card counts in for the report: its sections and themes, once each. */
export function reportGroups(codes: readonly string[]): string[] {
  // '*' counts the cards with any code at all: the whole of the classifier drill-down's top.
  const groups = new Set<string>(codes.length ? ['*'] : []);
  for (const code of codes) {
    groups.add(`${code.slice(0, 4)}.0000.0000.0000`);
    if (code.slice(5, 9) !== '0000') groups.add(`${code.slice(0, 9)}.0000.0000`);
  }
  return [...groups];
}

/** The roll-up rows one card counts in (each with n = 1 for the card). */
export function rollupOf(card: RollupCard, topics: readonly string[]) {
  const day = card.registered_at.slice(0, 10);
  const final = FINAL_STATUSES.includes(card.status as AppealStatus) ? 1 : 0;
  const appeal: AppealCell = {
    day,
    channel: card.channel,
    kind: card.kind,
    form: card.form,
    answer_mode: card.answer_mode ?? '',
    result: card.outcome ?? '',
    final,
    due_date: final === 0 ? (card.due_date ?? '') : '',
    repeat: card.is_repeat,
    collective: card.is_collective,
    signatories: card.is_collective ? (card.signatory_count ?? 0) : 0,
  };
  const answer: AnswerCell | null = card.answer_date
    ? {
        answer_date: card.answer_date,
        registered: day,
        in_time: card.due_date === null || card.answer_date <= card.due_date ? 1 : 0,
      }
    : null;
  return { day, appeal, groups: reportGroups(topics), answer };
}
