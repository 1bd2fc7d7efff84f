import { z } from 'zod';
import { isValidIsoDate } from '../domain/dates';
import { DESK_CODE } from '../domain/numbering';
import { surveyDefinitionSchema } from './definition';

const isoDate = z.string().refine(isValidIsoDate, 'invalid_date');

export const TEMPLATE_STATUSES = ['draft', 'published', 'archived'] as const;
/**
 * Where a response was given: the kiosk, a paper form typed in at the desk, or the online
 * survey the central publishes (issue 18; protocol 4). Desks take only the first two.
 */
export const RESPONSE_CHANNELS = ['kiosk', 'paper', 'online'] as const;
export type ResponseChannel = (typeof RESPONSE_CHANNELS)[number];
export const DESK_CHANNELS = ['kiosk', 'paper'] as const;
export type DeskChannel = (typeof DESK_CHANNELS)[number];

export const templateSummarySchema = z.object({
  id: z.uuid(),
  familyId: z.uuid(),
  version: z.number().int(),
  builtinKey: z.string().nullable(),
  title: z.string(),
  status: z.enum(TEMPLATE_STATUSES),
  updatedAt: z.string(),
  responses: z.number().int(),
});
export type TemplateSummary = z.output<typeof templateSummarySchema>;

export const templateSchema = templateSummarySchema.extend({ definition: surveyDefinitionSchema });
export type Template = z.output<typeof templateSchema>;

export const campaignInputSchema = z
  .object({
    id: z.uuid().optional(),
    templateId: z.uuid(),
    title: z.string().trim().min(1, 'required').max(300, 'too_long'),
    startsOn: isoDate,
    endsOn: isoDate,
    /** Services the campaign is about; empty means any. */
    serviceIds: z.array(z.uuid()).max(200),
    /** Desks (desk codes) whose kiosks and paper entry run it; empty means every desk. */
    deskCodes: z
      .array(z.string().trim().toUpperCase().regex(DESK_CODE, 'desk_code'))
      .max(100)
      .default([]),
    channels: z.array(z.enum(RESPONSE_CHANNELS)).min(1, 'required'),
    active: z.boolean(),
  })
  .refine((c) => c.endsOn >= c.startsOn, { path: ['endsOn'], message: 'before_start' });
export type CampaignInput = z.input<typeof campaignInputSchema>;

export const campaignSchema = z.object({
  id: z.uuid(),
  templateId: z.uuid(),
  title: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  serviceIds: z.array(z.string()),
  deskCodes: z.array(z.string()),
  channels: z.array(z.enum(RESPONSE_CHANNELS)),
  active: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.output<typeof campaignSchema>;

const answerSchema = z.union([
  z.string().max(5000),
  z.number(),
  z.array(z.string().max(200)).max(100),
  z.record(z.string(), z.number()),
]);

export const submitInputSchema = z.object({
  campaignId: z.uuid(),
  serviceId: z.uuid().nullable(),
  channel: z.enum(DESK_CHANNELS),
  /** Paper forms: the date written on the form; kiosk responses take today. */
  date: isoDate.nullable(),
  answers: z.record(z.string().max(50), answerSchema),
  /** A kiosk visitor walked away: kept unfinished when the kiosk is set to keep such answers. */
  partial: z.boolean().optional(),
});
export type SubmitInput = z.input<typeof submitInputSchema>;
