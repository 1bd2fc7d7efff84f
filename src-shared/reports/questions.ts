import { z } from 'zod';
import { sectionOf, themeOf } from '../domain/classifier';
import { QUESTION_STATUSES, statusAt, type QuestionStatus } from '../domain/questions';
import type { Period } from './period';

/*
 * Questions by status (issue 14), for a period: the questions of the cards registered in it,
 * each with its status as it stood at the end of the period (or today, if the period has not
 * ended): a question answered after the period was still in work then. The desk and the
 * central server both hand their questions to `countQuestions`, so their tables agree.
 */

/** A question as the report needs it: its card, its code and its effective outcome. */
export interface ReportQuestion {
  appealId: string;
  code: string;
  status: QuestionStatus;
  measuresTaken: boolean;
  /** statusDate(question): when its status was reached. */
  statusDate: string | null;
  extended: boolean;
}

/** A row of the desk's or the central's `appeal_questions` as the report reads it. */
export interface QuestionRow {
  appeal_id: string;
  code: string;
  status: string;
  measures_taken: number | string;
  status_date: string | null;
  extended: number | string;
}

export function reportQuestionOf(r: QuestionRow): ReportQuestion {
  return {
    appealId: r.appeal_id,
    code: r.code,
    status: r.status as QuestionStatus,
    measuresTaken: Number(r.measures_taken) === 1,
    statusDate: r.status_date,
    extended: Number(r.extended) === 1,
  };
}

export const questionCountsRowSchema = z.object({
  /** '*' for all questions, a section or a theme code otherwise. */
  group: z.string(),
  total: z.number().int(),
  byStatus: z.record(z.enum(QUESTION_STATUSES), z.number().int()),
  measuresTaken: z.number().int(),
});
export type QuestionCountsRow = z.output<typeof questionCountsRowSchema>;

export const questionReportSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  /** The day the statuses are taken at: the period's end, or today if earlier. */
  asOf: z.string(),
  all: questionCountsRowSchema,
  sections: z.array(questionCountsRowSchema),
  themes: z.array(questionCountsRowSchema),
});
export type QuestionReport = z.output<typeof questionReportSchema>;

/** The day the statuses of a period's questions are taken at. */
export function asOfDay(period: Period, today: string): string {
  return period.to < today ? period.to : today;
}

function emptyRow(group: string): QuestionCountsRow {
  const byStatus = Object.fromEntries(QUESTION_STATUSES.map((s) => [s, 0])) as Record<
    QuestionStatus,
    number
  >;
  return { group, total: 0, byStatus, measuresTaken: 0 };
}

/** Counts by status, in all, per section and per theme, with «в т.ч. меры приняты». */
export function countQuestions(
  questions: readonly ReportQuestion[],
  period: Period,
  today: string,
): QuestionReport {
  const asOf = asOfDay(period, today);
  const all = emptyRow('*');
  const sections = new Map<string, QuestionCountsRow>();
  const themes = new Map<string, QuestionCountsRow>();
  const add = (row: QuestionCountsRow, status: QuestionStatus, measures: boolean) => {
    row.total += 1;
    row.byStatus[status] += 1;
    if (measures) row.measuresTaken += 1;
  };
  for (const q of questions) {
    const status = statusAt(q, asOf);
    const measures = status === 'supported' && q.measuresTaken;
    add(all, status, measures);
    const section = sectionOf(q.code);
    if (!sections.has(section)) sections.set(section, emptyRow(section));
    add(sections.get(section)!, status, measures);
    const theme = themeOf(q.code);
    if (theme) {
      if (!themes.has(theme)) themes.set(theme, emptyRow(theme));
      add(themes.get(theme)!, status, measures);
    }
  }
  const sorted = (m: Map<string, QuestionCountsRow>) =>
    [...m.values()].sort((a, b) => a.group.localeCompare(b.group));
  return { period, asOf, all, sections: sorted(sections), themes: sorted(themes) };
}

/** The cards behind one figure of the table: a status (or «меры приняты») in a group. */
export function cardsBehind(
  questions: readonly ReportQuestion[],
  period: Period,
  today: string,
  figure: { group: string; status: QuestionStatus | 'measures' | null },
): string[] {
  const asOf = asOfDay(period, today);
  const ids = new Set<string>();
  for (const q of questions) {
    if (
      figure.group !== '*' &&
      sectionOf(q.code) !== figure.group &&
      themeOf(q.code) !== figure.group
    )
      continue;
    const status = statusAt(q, asOf);
    if (
      figure.status === 'measures'
        ? status === 'supported' && q.measuresTaken
        : figure.status === null || status === figure.status
    )
      ids.add(q.appealId);
  }
  return [...ids];
}
