import { z } from 'zod';
import { isValidIsoDate } from './dates';
import {
  ANSWER_MODES,
  APPEAL_FORMS,
  APPEAL_KINDS,
  APPEAL_STATUSES,
  CHANNELS,
  RESULTS,
} from './enums';
import { CLASSIFIER_CODE } from './classifier';
import { LIMITS } from './limits';
import { QUESTION_STATUSES } from './questions';

const isoDate = z.string().refine(isValidIsoDate, 'invalid_date');

export const appealFilterSchema = z.object({
  from: isoDate.nullable().optional(),
  to: isoDate.nullable().optional(),
  status: z.enum(APPEAL_STATUSES).nullable().optional(),
  channel: z.enum(CHANNELS).nullable().optional(),
  kind: z.enum(APPEAL_KINDS).nullable().optional(),
  form: z.enum(APPEAL_FORMS).nullable().optional(),
  /** Level-1 classifier code, e.g. 0005.0000.0000.0000. */
  section: z
    .string()
    .regex(/^\d{4}\.0000\.0000\.0000$/)
    .nullable()
    .optional(),
  officialId: z.uuid().nullable().optional(),
  /** The figures of a report link here: result, answer mode, a classifier group at any level. */
  result: z.enum(RESULTS).nullable().optional(),
  answerMode: z.enum(ANSWER_MODES).nullable().optional(),
  topic: z.string().regex(CLASSIFIER_CODE).nullable().optional(),
  /** Appeals whose written answer date falls in the period (the waiting-time figures). */
  answeredFrom: isoDate.nullable().optional(),
  answeredTo: isoDate.nullable().optional(),
  late: z.boolean().optional(),
  /** Open cards whose due date is today or within this many days (the deadlines board). */
  dueWithinDays: z.number().int().min(0).max(60).optional(),
  open: z.boolean().optional(),
  /** The figures of the questions table: a status (or «меры приняты») in a section or theme. */
  questionStatus: z
    .enum([...QUESTION_STATUSES, 'measures'])
    .nullable()
    .optional(),
  questionGroup: z
    .string()
    .regex(/^(\*|\d{4}\.\d{4}\.0000\.0000)$/)
    .nullable()
    .optional(),
  overdueOnly: z.boolean().optional(),
  query: z.string().trim().max(LIMITS.searchQuery, 'too_long').optional(),
});
export type AppealFilter = z.input<typeof appealFilterSchema>;

export const appealListInputSchema = z.object({
  filter: appealFilterSchema,
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(500),
});

export const appealListItemSchema = z.object({
  id: z.uuid(),
  regNumber: z.string(),
  registeredAt: z.string(),
  applicant: z.string(),
  kind: z.enum(APPEAL_KINDS),
  channel: z.enum(CHANNELS),
  status: z.enum(APPEAL_STATUSES),
  officialName: z.string().nullable(),
  topicCodes: z.array(z.string()),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  excerpt: z.string(),
});
export type AppealListItem = z.output<typeof appealListItemSchema>;

export const appealListSchema = z.object({
  /** Counted for the first page only (offset 0): later pages of the same filter reuse it. */
  total: z.number().int().nullable(),
  items: z.array(appealListItemSchema),
});
export type AppealList = z.output<typeof appealListSchema>;

/**
 * The list's filter from a page address (`?from=…&kind=complaint&result=supported`): how the
 * figures of a report link to the cards behind them, on the desk and in the central console.
 * Values are not checked here; appealFilterSchema does that where it matters.
 */
export function filterFromParams(params: URLSearchParams): AppealFilter {
  const v = (k: string) => params.get(k) || null;
  return {
    query: params.get('q') || undefined,
    from: v('from'),
    to: v('to'),
    status: v('status') as AppealFilter['status'],
    channel: v('channel') as AppealFilter['channel'],
    kind: v('kind') as AppealFilter['kind'],
    section: v('section'),
    officialId: v('official'),
    overdueOnly: params.get('overdue') === '1',
    form: v('form') as AppealFilter['form'],
    result: v('result') as AppealFilter['result'],
    answerMode: v('mode') as AppealFilter['answerMode'],
    topic: v('topic'),
    answeredFrom: v('answeredFrom'),
    answeredTo: v('answeredTo'),
    late: params.get('late') === '1',
    open: params.get('open') === '1',
    questionStatus: v('qstatus') as AppealFilter['questionStatus'],
    questionGroup: v('qgroup'),
  };
}
