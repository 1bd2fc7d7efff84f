import { z } from 'zod';
import { surveyDefinitionSchema } from './definition';
import { OFFICE_CODE, ONLINE_LIMITS, ONLINE_STATES } from './online-rules';

export * from './online-rules';

/**
 * Online surveys (issue 18, docs/online-surveys.md): a campaign's questionnaire published by the
 * central at a public address, for one office or for the region (the visitor then names the
 * office). These are the schemas of the console's publishing, the visitor's page and the
 * reference record desks receive (for the kiosk's QR code and the paper form's address).
 */

export const onlinePublishSchema = z
  .object({
    campaignId: z.uuid(),
    /** One office's survey, or null: the region's, where the visitor names the office. */
    officeCode: z.string().trim().toUpperCase().regex(OFFICE_CODE, 'office_code').nullable(),
    /** The service the survey is about, or null: the visitor picks it if the form asks. */
    serviceId: z.uuid().nullable(),
    /** Shown once the campaign is over or the survey closed; a polite default when empty. */
    closingText: z.string().trim().max(ONLINE_LIMITS.closingText, 'too_long').nullable(),
  })
  .strict();
export type OnlinePublish = z.output<typeof onlinePublishSchema>;

export const onlineSurveySchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  url: z.string(),
  campaignId: z.uuid(),
  campaignTitle: z.string(),
  templateTitle: z.string(),
  officeCode: z.string().nullable(),
  officeName: z.string().nullable(),
  serviceId: z.string().nullable(),
  closingText: z.string().nullable(),
  state: z.enum(ONLINE_STATES),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  /** Answers per day, newest first, the last 14 days: how an administrator sees a flood. */
  days: z.array(
    z.object({ day: z.string(), accepted: z.number().int(), refused: z.number().int() }),
  ),
  /** Answers waiting for a batch before they join the office's responses. */
  pending: z.number().int(),
});
export type OnlineSurvey = z.output<typeof onlineSurveySchema>;

/** What the visitor's page receives (GET /v1/online/<slug>): nothing about anyone. */
export const onlinePageSchema = z.object({
  state: z.enum(ONLINE_STATES),
  title: z.string(),
  campaignId: z.uuid(),
  /** Present while the survey is open. */
  definition: surveyDefinitionSchema.nullable(),
  services: z.array(z.object({ id: z.string(), title: z.string() })),
  /** A region's survey: the offices the visitor chooses from; null for one office's. */
  offices: z.array(z.object({ code: z.string(), name: z.string() })).nullable(),
  officeName: z.string().nullable(),
  closingText: z.string().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
});
export type OnlinePage = z.output<typeof onlinePageSchema>;

const answerSchema = z.union([
  z.string().max(5000),
  z.number(),
  z.array(z.string().max(200)).max(100),
  z.record(z.string().max(100), z.number()),
]);

export const onlineSubmitSchema = z
  .object({
    answers: z
      .record(z.string().max(50), answerSchema)
      .refine((a) => Object.keys(a).length <= 500, 'too_many'),
    serviceId: z.uuid().nullable(),
    officeCode: z.string().regex(OFFICE_CODE, 'office_code').nullable(),
  })
  .strict();
export type OnlineSubmit = z.output<typeof onlineSubmitSchema>;

/** The publication as desks receive it (reference entity `online`, protocol 4). */
export const onlineRefSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  officeCode: z.string().nullable(),
  url: z.string().max(500),
  open: z.boolean(),
});
export type OnlineRef = z.output<typeof onlineRefSchema>;
