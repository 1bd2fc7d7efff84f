import { z } from 'zod';
import { RESPONSE_CHANNELS } from '../surveys/records';
import { periodSchema, wholeMonthsPeriodSchema } from './period';

/** Fewer responses than this in a breakdown cell and the cell shows «<5» (docs/anonymity.md). */
export const MIN_CELL = 5;
export const SUPPRESSED = '<5' as const;

/** A count, or «<5» where showing it could point to a person. */
export const cellSchema = z.union([z.number().int().min(0), z.literal(SUPPRESSED)]);
export type Cell = z.output<typeof cellSchema>;

export function suppress(n: number): Cell {
  return n > 0 && n < MIN_CELL ? SUPPRESSED : n;
}

const share = z.number().min(0).max(100).nullable();

export const surveyResultsInputSchema = z.object({
  templateId: z.uuid(),
  /** Whole calendar months only (docs/metrics.md): no day can be isolated by differencing. */
  period: wholeMonthsPeriodSchema,
  campaignId: z.uuid().nullable().optional(),
  serviceId: z.uuid().nullable().optional(),
});
export type SurveyResultsInput = z.output<typeof surveyResultsInputSchema>;

export const questionResultSchema = z.object({
  name: z.string(),
  number: z.number().int().nullable(),
  title: z.string(),
  type: z.string(),
  /** A 5-point "would you recommend" question (its wording asks about recommending). */
  recommend: z.boolean(),
  answered: cellSchema,
  options: z.array(z.object({ value: z.string(), label: z.string(), count: cellSchema, share })),
  /** Rating questions: mean score and the share of 4 and 5 of 5 ("satisfied"). */
  mean: z.number().nullable(),
  satisfiedShare: share,
  /** Matrix questions: each row's mean and satisfied share. */
  rows: z.array(
    z.object({
      value: z.string(),
      label: z.string(),
      answered: cellSchema,
      mean: z.number().nullable(),
      satisfiedShare: share,
    }),
  ),
  /** Comment questions and "other" answers: the texts as typed (only with ≥ 5 responses). */
  openAnswers: z.array(z.string()),
});
export type QuestionResult = z.output<typeof questionResultSchema>;

export const surveyResultsSchema = z.object({
  templateId: z.uuid(),
  title: z.string(),
  period: periodSchema,
  responses: z.number().int(),
  /** Fewer than 5 responses in all: nothing but the total is shown. */
  suppressed: z.boolean(),
  byChannel: z.array(z.object({ channel: z.enum(RESPONSE_CHANNELS), responses: cellSchema })),
  questions: z.array(questionResultSchema),
  previous: z.object({
    period: periodSchema,
    responses: z.number().int(),
    /** Question (or matrix row "q.row") → mean score then; null where suppressed or none. */
    means: z.record(z.string(), z.number().nullable()),
  }),
});
export type SurveyResults = z.output<typeof surveyResultsSchema>;
