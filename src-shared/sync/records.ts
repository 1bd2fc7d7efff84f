import { z } from 'zod';
import { appealFields } from '../domain/appeal';
import { isValidIsoDate } from '../domain/dates';
import { CLASSIFIER_CODE } from '../domain/classifier';
import { LIMITS } from '../domain/limits';
import { DESK_CODE } from '../domain/numbering';
import { questionOutcomeSchema, type QuestionOutcome } from '../domain/questions';
import { mergeKeyed, type Clocks } from './lww';
import { RESPONSE_CHANNELS } from '../surveys/records';
import { OFFICE_CODE } from '../surveys/online';

/**
 * The synced shape of a reception card: its own fields plus identity (registration number,
 * desk) and the due date. Field names are the contract's camelCase; a change carries any subset.
 * Cross-field rules (appealInputSchema's superRefine) are the editor's business: after a
 * field-level merge of two desks' edits the server keeps what the clocks say (docs/sync.md).
 */
export const appealSyncFields = {
  ...appealFields,
  regNumber: z.string().min(1).max(40),
  deskCode: z.string().regex(DESK_CODE),
  dueDate: z
    .string()
    .nullable()
    .refine((v) => v === null || isValidIsoDate(v), 'invalid_date'),
};

export type AppealField = keyof typeof appealSyncFields;
export const APPEAL_FIELDS = Object.keys(appealSyncFields) as AppealField[];

/**
 * Fields added by protocol 3 (issue 14: questions and the ССТУ report). A desk of protocol 2
 * neither sends nor understands them: the central leaves them out of what it sends such a desk,
 * and a card is whole without them (they read as empty).
 */
export const PROTOCOL3_APPEAL_FIELDS: readonly AppealField[] = [
  'forwardedFrom',
  'forwardedNumber',
  'forwardedDate',
  'viaMedo',
  'receivedDate',
  'redirectNumber',
  'redirectDepartmentId',
  'measuresTaken',
  'answerAttachmentId',
  'questions',
];

/** What a card's first change must carry to be whole. */
export const REQUIRED_APPEAL_FIELDS: readonly AppealField[] = APPEAL_FIELDS.filter(
  (f) => !PROTOCOL3_APPEAL_FIELDS.includes(f),
);

/** The value a protocol-3 field reads as on a card that never had it. */
export function absentFieldValue(field: AppealField): unknown {
  if (field === 'questions') return {};
  if (field === 'viaMedo' || field === 'measuresTaken') return false;
  return null;
}

/** Fields merged key by key (lww.ts, mergeKeyed): a card's questions, by classifier code. */
export const KEYED_APPEAL_FIELDS = ['questions'] as const satisfies readonly AppealField[];

/** Field-level LWW of a card, its questions one by one (docs/sync.md, "Conflicts"). */
export function mergeAppeal(
  clocks: Clocks,
  current: Partial<AppealRecord> | null,
  patch: AppealPatch,
  stamp: string,
) {
  return mergeKeyed<AppealRecord>(
    clocks,
    current,
    patch as Partial<AppealRecord>,
    stamp,
    KEYED_APPEAL_FIELDS,
  );
}

/** Fields fixed when the card is registered: a change that alters them is refused. */
export const IMMUTABLE_APPEAL_FIELDS: readonly AppealField[] = ['regNumber', 'deskCode'];

export const appealRecordSchema = z.object(appealSyncFields).strict();
export type AppealRecord = z.output<typeof appealRecordSchema>;

export const appealFieldsPatchSchema = z
  .object({
    ...appealSyncFields,
    /**
     * The outcomes of questions set apart, merged per question (KEYED_APPEAL_FIELDS): a change
     * carries the questions whose outcome changed, null for one given back to the card.
     */
    questions: z
      .record(z.string().regex(CLASSIFIER_CODE, 'invalid_code'), questionOutcomeSchema.nullable())
      // Every code given back (null) and every new one: a card whose ten codes all changed.
      .refine((v) => Object.keys(v).length <= 2 * LIMITS.topics, 'too_many'),
  })
  .partial()
  .strict()
  .refine((f) => Object.keys(f).length > 0, 'no fields');
export type AppealPatch = Omit<Partial<AppealRecord>, 'questions'> & {
  questions?: Record<string, QuestionOutcome | null>;
};

/** An anonymous survey response as it travels: nothing but what docs/anonymity.md lists. */
export const responseRecordSchema = z
  .object({
    id: z.uuid(),
    templateId: z.uuid(),
    campaignId: z.uuid().nullable(),
    serviceId: z.uuid().nullable(),
    channel: z.enum(RESPONSE_CHANNELS),
    /** The desk code of the desk that took it; an online response: its office's code. */
    office: z.string().regex(OFFICE_CODE),
    responseDate: z.string().refine(isValidIsoDate, 'invalid_date'),
    complete: z.boolean(),
    answers: z.record(z.string().max(100), z.unknown()),
  })
  .strict();
export type ResponseRecord = z.output<typeof responseRecordSchema>;

/** Canonical JSON of a record: keys in a fixed order, so both sides hash the same bytes. */
export function canonicalAppeal(record: AppealRecord): string {
  return JSON.stringify(
    APPEAL_FIELDS.map((f) =>
      f === 'questions' ? sortedKeys(record.questions ?? {}) : (record[f] ?? absentFieldValue(f)),
    ),
  );
}

/** Objects with their keys sorted, at every depth: the same value, the same bytes. */
function sortedKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const obj = value as Record<string, unknown>;
  return Object.keys(obj)
    .sort()
    .map((k) => [k, sortedKeys(obj[k])]);
}

/** A response as both sides store it: the columns of its row (desk and central alike). */
export function responseColumns(r: ResponseRecord) {
  return {
    id: r.id,
    template_id: r.templateId,
    campaign_id: r.campaignId,
    service_id: r.serviceId,
    channel: r.channel,
    office: r.office,
    response_date: r.responseDate,
    complete: r.complete ? 1 : 0,
    answers: JSON.stringify(r.answers),
  };
}

export function canonicalResponse(r: ResponseRecord): string {
  const answers = Object.keys(r.answers)
    .sort()
    .map((k) => [k, r.answers[k]]);
  return JSON.stringify([
    r.templateId,
    r.campaignId,
    r.serviceId,
    r.channel,
    r.office,
    r.responseDate,
    r.complete,
    answers,
  ]);
}
