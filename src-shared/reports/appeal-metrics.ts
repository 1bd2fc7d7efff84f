import { z } from 'zod';
import { ANSWER_MODES, APPEAL_FORMS, APPEAL_KINDS, CHANNELS } from '../domain/enums';
import { periodSchema } from './period';

/** How many classifier sections and themes "main reasons" lists. */
export const TOP_REASONS = 10;

const count = z.number().int().min(0);
const share = z.number().min(0).max(100);

const reasonSchema = z.object({ code: z.string(), title: z.string(), appeals: count, share });

/**
 * The appeal metrics of a period, named after the orders' wording (docs/metrics.md says what
 * counts and which date decides). Every share is in percent with one decimal.
 */
export const appealMetricsSchema = z.object({
  period: periodSchema,
  /** The date "today" used for "still open and overdue". */
  asOf: z.string(),
  appeals: count,
  complaints: count,
  /** 1. Appeals and complaints by channel, with each channel's share. */
  byChannel: z.array(
    z.object({
      channel: z.enum(CHANNELS),
      appeals: count,
      appealsShare: share,
      complaints: count,
      complaintsShare: share,
    }),
  ),
  /** 2. Main reasons: the top classifier sections and themes. */
  topSections: z.array(reasonSchema),
  topThemes: z.array(reasonSchema),
  /** 4. Waiting time for a written answer and answers in time or late. */
  answerTime: z.object({
    answered: count,
    meanDays: z.number().nullable(),
    medianDays: z.number().nullable(),
    p90Days: z.number().nullable(),
    inTime: count,
    inTimeShare: share,
    late: count,
    lateShare: share,
    open: count,
    overdue: count,
  }),
  /** 5 and 6. Satisfied and unsatisfied (refused) complaints among all complaints. */
  satisfiedComplaints: count,
  satisfiedShare: share,
  unsatisfiedComplaints: count,
  unsatisfiedShare: share,
  /** 7. Appeals redirected by jurisdiction. */
  redirected: count,
  redirectedShare: share,
  byKind: z.array(z.object({ kind: z.enum(APPEAL_KINDS), appeals: count, share })),
  byForm: z.array(z.object({ form: z.enum(APPEAL_FORMS), appeals: count, share })),
  byAnswerMode: z.array(
    z.object({ mode: z.enum([...ANSWER_MODES, 'none']), appeals: count, share }),
  ),
  repeat: count,
  repeatShare: share,
  collective: count,
  collectiveShare: share,
  signatories: count,
});
export type AppealMetrics = z.output<typeof appealMetricsSchema>;

/** 3. Appeals by classifier group, one level at a time (drill down from a parent group). */
export const classifierGroupsSchema = z.object({
  period: periodSchema,
  parent: z.string().nullable(),
  appeals: count,
  groups: z.array(
    z.object({
      /** Null for appeals coded at the parent itself, with no finer code. */
      code: z.string().nullable(),
      title: z.string(),
      level: z.number().int(),
      appeals: count,
      share,
    }),
  ),
});
export type ClassifierGroups = z.output<typeof classifierGroupsSchema>;
