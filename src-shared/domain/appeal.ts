import { z } from 'zod';
import { CLASSIFIER_CODE } from './classifier';
import { datePart, isValidLocalDateTime } from './dates';
import {
  ANSWER_MODES,
  APPEAL_FORMS,
  APPEAL_KINDS,
  APPEAL_STATUSES,
  APPLICANT_TYPES,
  CHANNELS,
  RESULTS,
  SOCIAL_CATEGORIES,
} from './enums';
import { LIMITS } from './limits';
import { optDate, optText, reqText } from './field-types';
import { questionOutcomeSchema } from './questions';

export { optText } from './field-types';

/*
 * Error messages in these schemas are i18n keys ("required", "too_long", …), never prose:
 * the renderer turns them into Russian (or English) text next to the field they name.
 */

const phone = optText(LIMITS.phone).refine(
  (v) => v === null || /^[+\d][\d\s()-]{4,}$/.test(v),
  'invalid_phone',
);

const EMAIL = z.email();
const flag = z
  .boolean()
  .optional()
  .transform((v) => v ?? false);
const email = optText(LIMITS.email).refine(
  (v) => v === null || EMAIL.safeParse(v).success,
  'invalid_email',
);

export const appealFields = {
  registeredAt: z.string().refine(isValidLocalDateTime, 'invalid_datetime'),
  officialId: z.uuid('required').nullable(),
  applicantType: z.enum(APPLICANT_TYPES),
  visitorName: optText(LIMITS.name),
  visitorAddress: optText(LIMITS.address),
  visitorPhone: phone,
  visitorEmail: email,
  socialCategory: z.enum(SOCIAL_CATEGORIES),
  organisationName: optText(LIMITS.organisation),
  representativeName: optText(LIMITS.name),
  powerOfAttorney: optText(LIMITS.powerOfAttorney),
  isCollective: z.boolean(),
  signatoryCount: z.number().int().min(2, 'min_signatories').max(100_000).nullable(),
  isRepeat: z.boolean(),
  kind: z.enum(APPEAL_KINDS),
  form: z.enum(APPEAL_FORMS),
  channel: z.enum(CHANNELS),
  content: reqText(LIMITS.content),
  topicCodes: z
    .array(z.string().regex(CLASSIFIER_CODE, 'invalid_code'))
    .min(1, 'topics_required')
    .max(LIMITS.topics, 'too_many')
    .refine((codes) => new Set(codes).size === codes.length, 'duplicate_codes'),
  serviceId: z.uuid().nullable(),
  avRecordingNotified: z.boolean(),
  answerMode: z.enum(ANSWER_MODES).nullable(),
  oralConsent: z.boolean(),
  oralAnswer: optText(LIMITS.answer),
  redirectRecipient: optText(LIMITS.recipient),
  redirectDate: optDate,
  executor: optText(LIMITS.executor),
  status: z.enum(APPEAL_STATUSES),
  result: z.enum(RESULTS).nullable(),
  resultNote: optText(LIMITS.note),
  answerDate: optDate,
  /** 59-FZ art. 12 part 2: the term of a written answer may be extended by up to 30 days. */
  // Optional and absent-stays-absent (no default): a sync patch without it must not carry it.
  extensionDays: z
    .number()
    .int()
    .min(1, 'extension_range')
    .max(30, 'extension_range')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  extensionReason: optText(LIMITS.note),
  /**
   * Seed 004, 6.6.5: the visitor agrees to an oral answer in their own hand and signs. On
   * screen: the signature as an SVG data URL; or marked as signed on the paper card.
   * Both optional with no default, like extensionDays (a sync patch must not gain them).
   */
  consentSignature: z
    .string()
    .max(LIMITS.signature, 'signature_too_large')
    .regex(/^data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+$/, 'invalid')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  consentOnPaper: z
    .boolean()
    .optional()
    .transform((v) => v ?? false),
  /** The earlier card this one repeats (same person, same topic): see repeat detection. */
  repeatOfId: z
    .uuid()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  /*
   * Issue 14 (questions and the monthly report to ССТУ.РФ). All optional with no default, like
   * extensionDays: cards and sync patches of desks before it lack them (docs/sync.md).
   */
  /** The body that forwarded the appeal to us (not received from its author directly). */
  forwardedFrom: optText(LIMITS.recipient),
  /** Number and date of that body's cover letter. */
  forwardedNumber: optText(LIMITS.docNumber),
  forwardedDate: optDate,
  /** Forwarded electronically through МЭДО. */
  viaMedo: flag,
  /** The day the appeal reached the body, where it differs from the registration day. */
  receivedDate: optDate,
  /** The cover letter of a redirection: its number and the recipient's id in ССТУ.РФ. */
  redirectNumber: optText(LIMITS.docNumber),
  redirectDepartmentId: z
    .uuid('invalid_uuid')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  /** «Поддержано, в т.ч. меры приняты», for the questions following the card. */
  measuresTaken: flag,
  /** The card's attachment that is the answer, for the questions following the card. */
  answerAttachmentId: z
    .uuid()
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  /** Questions set apart with an outcome of their own, by classifier code (questions.ts). */
  questions: z
    .record(z.string().regex(CLASSIFIER_CODE, 'invalid_code'), questionOutcomeSchema)
    .optional()
    .transform((v) => v ?? {})
    .refine((v) => Object.keys(v).length <= LIMITS.topics, 'too_many'),
};

export const appealInputSchema = z.object(appealFields).superRefine((a, ctx) => {
  const need = (path: string, message = 'required') =>
    ctx.addIssue({ code: 'custom', path: [path], message });

  if (a.officialId === null) need('officialId');
  if (a.applicantType === 'person' && !a.visitorName) need('visitorName');
  if (a.applicantType === 'organisation') {
    if (!a.organisationName) need('organisationName');
    if (!a.representativeName) need('representativeName');
  }
  if (a.answerMode === 'oral') {
    if (a.form === 'written') need('answerMode', 'oral_for_written');
    if (!a.oralConsent) need('oralConsent', 'consent_required');
  }
  if (a.status === 'answered_oral') {
    if (a.answerMode !== 'oral') need('answerMode', 'mode_mismatch');
    if (!a.oralAnswer) need('oralAnswer');
  }
  if (a.answerMode === 'redirected' && !a.redirectRecipient) need('redirectRecipient');
  if (a.status === 'redirected') {
    if (a.answerMode !== 'redirected') need('answerMode', 'mode_mismatch');
    if (!a.redirectDate) need('redirectDate');
  }
  if (a.status === 'answered_written' && !a.answerDate) need('answerDate');
  if (a.status === 'left_without_answer' && !a.resultNote) need('resultNote', 'reason_required');
  if (a.repeatOfId !== null && !a.isRepeat) need('isRepeat', 'repeat_link_needs_flag');
  if (a.extensionDays !== null) {
    if (a.answerMode !== 'written') need('extensionDays', 'extension_written_only');
    if (!a.extensionReason) need('extensionReason', 'reason_required');
  }
  const registered = datePart(a.registeredAt);
  if (a.answerDate && a.answerDate < registered) need('answerDate', 'before_registration');
  if (a.redirectDate && a.redirectDate < registered) need('redirectDate', 'before_registration');
  if (a.measuresTaken && a.result !== 'supported') {
    need('measuresTaken', 'measures_supported_only');
  }
  if (a.forwardedFrom === null && (a.forwardedNumber || a.forwardedDate || a.viaMedo)) {
    need('forwardedFrom');
  }
  if (a.forwardedDate && a.forwardedDate > registered) {
    need('forwardedDate', 'after_registration');
  }
  if (a.receivedDate && a.receivedDate > registered) need('receivedDate', 'after_registration');
  for (const [code, q] of Object.entries(a.questions)) {
    const at = (field: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: ['questions', code, field], message });
    if (!a.topicCodes.includes(code)) at('status', 'question_not_on_card');
    if (q.status === 'transferred' && !q.transferRecipient) at('transferRecipient', 'required');
    if (q.responseDate && q.responseDate < registered) at('responseDate', 'before_registration');
    if (q.transferDate && q.transferDate < registered) at('transferDate', 'before_registration');
    if (q.measuresTaken && q.status !== 'supported') at('measuresTaken', 'measures_supported_only');
  }
});

export type AppealInput = z.input<typeof appealInputSchema>;
export type AppealData = z.output<typeof appealInputSchema>;

/** An appeal as the core returns it: the input fields plus identity and derived values. */
export const appealSchema = z.object({
  ...appealFields,
  id: z.uuid(),
  regNumber: z.string(),
  deskCode: z.string(),
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Appeal = z.output<typeof appealSchema>;

/** Who an appeal is from, as lists show it: the person, or the organisation — its representative. */
export function applicantLabel(a: {
  applicantType: string;
  visitorName?: string | null;
  organisationName?: string | null;
  representativeName?: string | null;
}): string {
  if (a.applicantType === 'organisation') {
    return [a.organisationName, a.representativeName].filter(Boolean).join(' — ');
  }
  return a.visitorName ?? '';
}
