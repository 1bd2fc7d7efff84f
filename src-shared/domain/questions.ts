import { z } from 'zod';
import { datePart } from './dates';
import { FINAL_STATUSES, type AppealResult, type AppealStatus } from './enums';
import { optDate, optText } from './field-types';
import { LIMITS } from './limits';

/*
 * Questions (issue 14). Every classifier code of a card is a question with its own outcome:
 * the card stays the unit of registration (number, answer mode, due date, overall status), the
 * question is the unit of outcome, as the monthly report to ССТУ.РФ counts it.
 *
 * A question either follows the card («для всех вопросов»: its outcome is derived from the
 * card's status, result and answer, by `questionsOf` below) or is set apart by the officer and
 * carries an outcome of its own, kept in the card's `questions` field under its code. The
 * derivation lives here once: the desk (its questions table and reports), the central server
 * (its questions table and the monthly report) and the renderer all call it.
 */

/**
 * Question statuses, in the order the form offers them. Values are our stable identifiers;
 * their ССТУ names are in src-shared/reports/sstu.ts, their Russian labels in labels-ru.ts.
 */
export const QUESTION_STATUSES = [
  'in_work',
  'in_work_extended',
  'explained',
  'supported',
  'not_supported',
  'answered',
  'transferred',
  'left_without_answer',
  'not_received',
  'not_registered',
] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** Still under consideration: counted as questions in work. */
export const OPEN_QUESTION_STATUSES: readonly QuestionStatus[] = ['in_work', 'in_work_extended'];

/** Considered on the merits or answered: the answer document must be attached (ССТУ check). */
export const ANSWERED_QUESTION_STATUSES: readonly QuestionStatus[] = [
  'explained',
  'supported',
  'not_supported',
  'answered',
];

/** Statuses reached on a date (the response date, or the transfer date for a transfer). */
export const DATED_QUESTION_STATUSES: readonly QuestionStatus[] = [
  ...ANSWERED_QUESTION_STATUSES,
  'transferred',
  'left_without_answer',
];

/** A question's own outcome, set apart from the card's («отдельно»). */
export const questionOutcomeSchema = z
  .object({
    status: z.enum(QUESTION_STATUSES),
    /** «в т.ч. меры приняты»: only meaningful with `supported`. */
    measuresTaken: z.boolean(),
    responseDate: optDate,
    transferRecipient: optText(LIMITS.recipient),
    /** The recipient body's id in ССТУ.РФ (a UUID), where known. */
    transferDepartmentId: z.uuid('invalid_uuid').nullable(),
    transferDate: optDate,
    transferNumber: optText(LIMITS.docNumber),
    /** The card's attachment that answers this question. */
    answerAttachmentId: z.uuid().nullable(),
  })
  .strict();
export type QuestionOutcome = z.output<typeof questionOutcomeSchema>;

/** The card's fields a question's outcome is derived from. */
export interface QuestionSource {
  registeredAt: string;
  topicCodes: readonly string[];
  status: AppealStatus;
  result: AppealResult | null;
  answerDate: string | null;
  extensionDays: number | null;
  redirectRecipient: string | null;
  redirectDate: string | null;
  redirectNumber?: string | null;
  redirectDepartmentId?: string | null;
  measuresTaken?: boolean;
  answerAttachmentId?: string | null;
  questions?: Readonly<Record<string, QuestionOutcome>>;
}

/** A question of a card with its effective outcome (derived or its own). */
export interface Question extends QuestionOutcome {
  code: string;
  position: number;
  /** Set apart by the officer: the outcome is the question's own, not the card's. */
  own: boolean;
  /** The card's answer term was extended (59-FZ art. 12 part 2). */
  extended: boolean;
}

const RESULT_STATUS: Record<AppealResult, QuestionStatus> = {
  supported: 'supported',
  refused: 'not_supported',
  explained: 'explained',
};

/**
 * The status every question following the card has: a redirection or a refusal to answer
 * first (a redirected question has no result of its own here), then the card's result, then
 * «дан ответ» for a card answered without a result, else «на рассмотрении» (extended when the
 * term was extended). Issue 14's mapping of the cards registered before questions existed.
 */
export function statusFromCard(card: QuestionSource): QuestionStatus {
  if (card.status === 'redirected') return 'transferred';
  if (card.status === 'left_without_answer') return 'left_without_answer';
  if (card.result) return RESULT_STATUS[card.result];
  if (FINAL_STATUSES.includes(card.status)) return 'answered';
  return card.extensionDays ? 'in_work_extended' : 'in_work';
}

/** The outcome a question following the card has. */
export function outcomeFromCard(card: QuestionSource): QuestionOutcome {
  const status = statusFromCard(card);
  const transfer = status === 'transferred';
  let responseDate: string | null = null;
  if (transfer) responseDate = card.redirectDate;
  else if (status !== 'in_work' && status !== 'in_work_extended') {
    // An oral answer at the reception is given on the day the card is registered.
    responseDate =
      card.answerDate ?? (card.status === 'answered_oral' ? datePart(card.registeredAt) : null);
  }
  return {
    status,
    measuresTaken: status === 'supported' && card.measuresTaken === true,
    responseDate,
    transferRecipient: transfer ? card.redirectRecipient : null,
    transferDepartmentId: transfer ? (card.redirectDepartmentId ?? null) : null,
    transferDate: transfer ? card.redirectDate : null,
    transferNumber: transfer ? (card.redirectNumber ?? null) : null,
    answerAttachmentId: card.answerAttachmentId ?? null,
  };
}

/** The card's questions, in the order of its codes, each with its effective outcome. */
export function questionsOf(card: QuestionSource): Question[] {
  const shared = outcomeFromCard(card);
  const extended = card.extensionDays !== null && card.extensionDays > 0;
  return card.topicCodes.map((code, position) => {
    const own = card.questions?.[code];
    return own
      ? { ...own, code, position, own: true, extended }
      : { ...shared, code, position, own: false, extended };
  });
}

/** The date a question reached its status: the transfer date for a transfer. */
export function statusDate(q: QuestionOutcome): string | null {
  return q.status === 'transferred' ? (q.transferDate ?? q.responseDate) : q.responseDate;
}

/**
 * A question's status as it stood at the end of `date`: a status reached later was still «на
 * рассмотрении» then (extended if the card's term was). A dated status without a date is taken
 * as reached (the pre-flight list asks for the date).
 */
export function statusAsOf(q: Question, date: string): QuestionStatus {
  return statusAt({ status: q.status, statusDate: statusDate(q), extended: q.extended }, date);
}

/** statusAsOf for a question as stored in a report table (its status date worked out). */
export function statusAt(
  q: { status: QuestionStatus; statusDate: string | null; extended: boolean },
  date: string,
): QuestionStatus {
  if (!DATED_QUESTION_STATUSES.includes(q.status)) return q.status;
  if (q.statusDate !== null && q.statusDate > date) {
    return q.extended ? 'in_work_extended' : 'in_work';
  }
  return q.status;
}

/**
 * The card's outcome for the appeal metrics (docs/metrics.md): supported when any question is
 * supported, refused when none is and any is not supported, explained when neither and any is
 * explained; otherwise none yet. With no question set apart every question carries the card's
 * result, so this is the card's result, except on a card redirected or left without an answer.
 */
export function appealOutcome(questions: readonly Pick<Question, 'status'>[]): AppealResult | null {
  const has = (s: QuestionStatus) => questions.some((q) => q.status === s);
  if (has('supported')) return 'supported';
  if (has('not_supported')) return 'refused';
  if (has('explained')) return 'explained';
  return null;
}

/** The card's `questions` field without the codes the card no longer has. */
export function keptOutcomes<T = QuestionOutcome>(
  codes: readonly string[],
  questions: Readonly<Record<string, T>> | undefined,
): Record<string, T> {
  const kept: Record<string, T> = {};
  for (const code of [...codes].sort()) {
    const q = questions?.[code];
    if (q) kept[code] = q;
  }
  return kept;
}
