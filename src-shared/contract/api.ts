import { updateStatusSchema } from '../updates/policy';
import { setupChecklistSchema } from '../domain/setup';
import { z } from 'zod';
import { appealInputSchema, appealSchema } from '../domain/appeal';
import { appealListInputSchema, appealListSchema } from '../domain/appeal-list';
import { DESK_CODE } from '../domain/numbering';
import {
  classifierImportResultSchema,
  classifierNodeSchema,
  officialInputSchema,
  officialSchema,
  serviceInputSchema,
  serviceSchema,
} from '../domain/reference';
import { LIMITS } from '../domain/limits';
import { CLASSIFIER_CODE } from '../domain/classifier';
import { appealMetricsSchema, classifierGroupsSchema } from '../reports/appeal-metrics';
import { surveyResultsInputSchema, surveyResultsSchema } from '../reports/survey-results';
import { periodSchema } from '../reports/period';
import { surveyDefinitionSchema } from '../surveys/definition';
import { ATTACHMENT_LIMITS, MAX_BASE64, attachmentSchema } from '../domain/attachments';
import { memoTemplateSchema } from '../domain/memo';
import {
  bookingInputSchema,
  bookingSchema,
  scheduleEntryInputSchema,
  scheduleEntrySchema,
} from '../domain/schedule';
import {
  auditEntrySchema,
  authStatusSchema,
  setupInputSchema,
  userInputSchema,
  userSchema,
} from '../auth/roles';
import {
  campaignInputSchema,
  campaignSchema,
  submitInputSchema,
  templateSchema,
  templateSummarySchema,
} from '../surveys/records';

import { questionReportSchema } from '../reports/questions';
import { monthSchema, preflightProblemSchema, sstuTableRowSchema } from '../reports/sstu';

const kioskSettingsSchema = z.object({
  idleSeconds: z.number().int().min(15).max(600),
  keepPartial: z.boolean(),
  pinSet: z.boolean(),
});

const empty = z.object({});

/** A new session: its token goes into the window's sessionStorage. */
const signedInSchema = authStatusSchema.extend({ session: z.string() });

const exportJobSchema = z.object({
  id: z.uuid(),
  state: z.enum(['running', 'done', 'cancelled', 'failed']),
  progress: z.number().min(0).max(1),
  path: z.string().nullable(),
  error: z.string().nullable(),
});

const sstuCheckSchema = z.object({
  month: z.string(),
  departmentId: z.string().nullable(),
  cards: z.number().int(),
  questions: z.number().int(),
  table: z.array(sstuTableRowSchema),
  problems: z.array(preflightProblemSchema),
  today: z.string(),
});
export type SstuCheck = z.output<typeof sstuCheckSchema>;

const agreementSchema = z.object({
  at: z.string(),
  agrees: z.boolean(),
  differences: z.array(
    z.object({ entity: z.string(), period: z.string(), desk: z.number(), central: z.number() }),
  ),
});

const syncStatusSchema = z.object({
  enrolled: z.boolean(),
  serverUrl: z.string().nullable(),
  officeCode: z.string().nullable(),
  officeName: z.string().nullable(),
  deviceId: z.string().nullable(),
  pending: z.object({
    changes: z.number().int(),
    responses: z.number().int(),
    /** Scanned documents waiting to be uploaded (0 when there are none). */
    attachments: z.number().int(),
  }),
  running: z.boolean(),
  progress: z
    .object({
      phase: z.enum(['push', 'pull', 'check']),
      done: z.number().int(),
      total: z.number().int().nullable(),
    })
    .nullable(),
  lastAttemptAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  /** In Russian, as the server or the network put it. */
  lastError: z.string().nullable(),
  agreement: agreementSchema.nullable(),
  /** Changes set aside: refused by the central or not applicable here (sync.refused). */
  refused: z.number().int(),
  /** The server is reached over plain http:// beyond this machine (allowed by an admin). */
  insecure: z.boolean(),
});

const backupInfoSchema = z.object({ name: z.string(), date: z.string(), bytes: z.number() });
const backupStatusSchema = z.object({
  folder: z.string(),
  lastAt: z.string().nullable(),
  lastError: z.string().nullable(),
  backups: z.array(backupInfoSchema),
});
const recoveryStatusSchema = z.object({
  /** The database did not open or failed quick_check: only recovery.* answers. */
  needed: z.boolean(),
  /** What SQLite said, for the administrator and support. */
  reason: z.string().nullable(),
  folder: z.string(),
  backups: z.array(backupInfoSchema),
  /** This desk still has its backup key (else the recovery key must be typed). */
  keyAvailable: z.boolean(),
});
const backupName = z.string().regex(/^otklik-\d{4}-\d{2}-\d{2}(-\d{6})?\.otkb$/, 'invalid_backup');

export const refusedChangeSchema = z.object({
  changeId: z.string(),
  direction: z.enum(['push', 'pull']),
  entityId: z.string(),
  regNumber: z.string().nullable(),
  hlc: z.string(),
  code: z.string(),
  /** In Russian, as the central (or this desk) put it. */
  reason: z.string(),
  refusedAt: z.string(),
});
const byId = z.object({ id: z.uuid() });

const draftSummarySchema = z.object({
  id: z.uuid(),
  appealId: z.uuid().nullable(),
  title: z.string(),
  updatedAt: z.string(),
});

const draftSchema = draftSummarySchema.extend({
  data: z.record(z.string(), z.unknown()),
});

/**
 * The one API between the renderer and the core: method name → input and output schemas.
 * The preload bridge (Electron) and the loopback harness (browser) are two transports for it;
 * both validate input here before a handler runs.
 */
export const api = {
  'app.info': {
    input: empty,
    output: z.object({
      version: z.string(),
      deskCode: z.string(),
      dataDir: z.string(),
      classifierEdition: z.string().nullable(),
      classifierSize: z.number().int(),
    }),
  },
  'setup.checklist': { input: empty, output: setupChecklistSchema },
  'updates.status': { input: empty, output: updateStatusSchema },
  'updates.check': { input: empty, output: updateStatusSchema },
  'updates.install': {
    /** Whether a card is being edited in a window of this desk (the renderer knows). */
    input: z.object({ editing: z.boolean() }),
    output: z.object({
      installing: z.boolean(),
      refusal: z.enum(['not_ready', 'editing', 'syncing', 'unsupported']).nullable(),
    }),
  },
  'setup.dismissChecklist': {
    input: z.object({ dismissed: z.boolean() }),
    output: setupChecklistSchema,
  },
  'settings.setDeskCode': {
    input: z.object({ deskCode: z.string().trim().toUpperCase().regex(DESK_CODE, 'desk_code') }),
    output: z.object({ deskCode: z.string() }),
  },
  'appeals.create': {
    input: z.object({
      data: appealInputSchema,
      /** The autosaved draft this card was typed in: removed in the same transaction. */
      draftId: z.uuid().nullable().optional(),
      /** The booking this visitor came on: marked received by this card, same transaction. */
      bookingId: z.uuid().nullable().optional(),
    }),
    output: appealSchema,
  },
  'appeals.update': {
    input: z.object({
      id: z.uuid(),
      /** The updatedAt the editor started from: a newer one on disk means a conflicting edit. */
      expectedUpdatedAt: z.string(),
      data: appealInputSchema,
      draftId: z.uuid().nullable().optional(),
    }),
    output: appealSchema,
  },
  'appeals.get': { input: byId, output: appealSchema },
  /** Earlier cards of the same person and classifier question within a year (repeat.ts). */
  'appeals.repeatCandidates': {
    input: z.object({
      visitorName: z.string().max(LIMITS.name).nullable(),
      visitorPhone: z.string().max(LIMITS.phone).nullable(),
      visitorEmail: z.string().max(LIMITS.email).nullable(),
      topicCodes: z.array(z.string().regex(CLASSIFIER_CODE, 'invalid_code')).max(LIMITS.topics),
      registeredAt: z.string().max(20),
      excludeId: z.uuid().nullable(),
    }),
    output: z.array(
      z.object({
        id: z.uuid(),
        regNumber: z.string(),
        registeredAt: z.string(),
        content: z.string(),
        status: z.string(),
        sharedCodes: z.array(z.string()),
      }),
    ),
  },
  'appeals.list': { input: appealListInputSchema, output: appealListSchema },
  'drafts.save': {
    input: z.object({
      id: z.uuid(),
      appealId: z.uuid().nullable(),
      data: z.record(z.string(), z.unknown()),
    }),
    output: z.object({ id: z.uuid(), updatedAt: z.string() }),
  },
  'drafts.list': { input: empty, output: z.array(draftSummarySchema) },
  'drafts.get': { input: byId, output: draftSchema.nullable() },
  'drafts.discard': { input: byId, output: empty },
  'officials.list': { input: empty, output: z.array(officialSchema) },
  'officials.save': { input: officialInputSchema, output: officialSchema },
  'services.list': { input: empty, output: z.array(serviceSchema) },
  'services.save': { input: serviceInputSchema, output: serviceSchema },
  'classifier.search': {
    input: z.object({
      query: z.string().trim().max(LIMITS.searchQuery),
      limit: z.number().int().min(1).max(100),
    }),
    output: z.array(classifierNodeSchema),
  },
  'classifier.get': {
    input: z.object({ codes: z.array(z.string()).max(200) }),
    output: z.array(classifierNodeSchema),
  },
  'classifier.sections': { input: empty, output: z.array(classifierNodeSchema) },
  /** One level of the tree: the nodes under a parent (null: the sections). */
  'classifier.children': {
    input: z.object({ parent: z.string().regex(CLASSIFIER_CODE, 'invalid_code').nullable() }),
    output: z.array(classifierNodeSchema.extend({ childCount: z.number().int() })),
  },
  'classifier.favourites': { input: empty, output: z.array(classifierNodeSchema) },
  'classifier.setFavourite': {
    input: z.object({
      code: z.string().regex(CLASSIFIER_CODE, 'invalid_code'),
      favourite: z.boolean(),
    }),
    output: z.array(classifierNodeSchema),
  },
  /** Codes (and the tone) suggested for an appeal's text, offline; the officer confirms. */
  'classifier.suggest': {
    input: z.object({
      text: z.string().max(LIMITS.content),
      limit: z.number().int().min(1).max(10),
    }),
    output: z.object({
      topics: z.array(
        z.object({
          code: z.string(),
          title: z.string(),
          confidence: z.number().min(0).max(1),
          /** Words of the text that weighed most (docs/topics.md). */
          why: z.array(z.string()),
          /** In an appeal with several requests: which request (0-based) the code answers. */
          request: z.number().int().min(0).nullable(),
        }),
      ),
      tone: z.enum(['neutral', 'negative']),
      /** The region's model the suggestions came from (0: none yet). */
      modelVersion: z.number().int().min(0),
    }),
  },
  /**
   * What the officer did with the suggestions a card was saved with: the codes shown, in rank
   * order, and the codes the card was saved with. Only codes and rank are kept (docs/topics.md).
   */
  'classifier.suggestionFeedback': {
    input: z
      .object({
        shown: z.array(z.string().regex(CLASSIFIER_CODE, 'invalid_code')).min(1).max(10),
        taken: z.array(z.string().regex(CLASSIFIER_CODE, 'invalid_code')).max(50),
        modelVersion: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      })
      .strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  /** How often the officers of this desk took the first suggestion (docs/topics.md). */
  'classifier.suggestionStats': {
    input: empty,
    output: z.object({
      cards: z.number().int().min(0),
      firstTaken: z.number().int().min(0),
      anyTaken: z.number().int().min(0),
    }),
  },
  'classifier.import': {
    input: z.object({
      csv: z.string().min(1).max(20_000_000),
      edition: z.string().trim().min(1).max(50),
    }),
    output: classifierImportResultSchema,
  },
  'surveys.templates': { input: empty, output: z.array(templateSummarySchema) },
  'surveys.template': { input: byId, output: templateSchema },
  /** Validated by the survey profile's own checker, which reports logic errors by question. */
  'surveys.saveTemplate': {
    input: z.object({ templateId: z.uuid(), definition: z.unknown() }),
    output: templateSchema,
  },
  'surveys.duplicateTemplate': { input: byId, output: templateSchema },
  'surveys.publishTemplate': { input: byId, output: templateSchema },
  'surveys.campaigns': { input: empty, output: z.array(campaignSchema) },
  /** Where a questionnaire can be answered online today (the paper form prints it), or null. */
  'surveys.onlineAddress': { input: byId, output: z.object({ url: z.string().nullable() }) },
  'surveys.saveCampaign': { input: campaignInputSchema, output: campaignSchema },
  /** Returns nothing about the stored response: no screen may show "the last response". */
  'surveys.submit': { input: submitInputSchema, output: empty },
  'kiosk.state': {
    input: z.object({ channel: z.enum(['kiosk', 'paper']) }),
    output: z.object({
      settings: kioskSettingsSchema,
      /** The general assessment's online address, shown as a QR code after a kiosk survey. */
      thanksOnline: z.object({ url: z.string(), title: z.string() }).nullable(),
      campaigns: z.array(
        z.object({
          campaign: campaignSchema,
          definition: surveyDefinitionSchema,
          services: z.array(z.object({ id: z.string(), title: z.string() })),
        }),
      ),
    }),
  },
  'kiosk.saveSettings': {
    input: z.object({
      idleSeconds: z.number().int().min(15, 'idle_range').max(600, 'idle_range'),
      keepPartial: z.boolean(),
      pin: z
        .string()
        .regex(/^\d{6,8}$/, 'pin_format')
        .optional(),
    }),
    output: kioskSettingsSchema,
  },
  'sync.status': { input: empty, output: syncStatusSchema },
  /** Runs a sync now (or joins the one running); fails with "unavailable" and a reason. */
  'sync.now': {
    input: empty,
    output: z.object({
      pushed: z.number().int(),
      pulled: z.number().int(),
      agreement: agreementSchema.nullable(),
    }),
  },
  'sync.enroll': {
    input: z.object({
      serverUrl: z
        .string()
        .trim()
        .regex(/^https?:\/\/[^\s]+$/, 'invalid_url'),
      code: z.string().trim().min(6, 'enroll_code').max(64, 'enroll_code'),
      deviceName: z.string().trim().min(1, 'required').max(200, 'too_long'),
      /** Plain http:// to a server beyond this machine: only when an administrator says so. */
      allowInsecureHttp: z.boolean().optional(),
    }),
    output: syncStatusSchema,
  },
  'sync.leave': { input: empty, output: syncStatusSchema },
  /**
   * A desk that cannot enroll (no network) encrypts its packages to the central's key, which
   * the central's administrator hands over (`npm run server -- package-key`).
   */
  'sync.setPackageKey': {
    input: z.object({ key: z.string().trim().max(200, 'package_key') }),
    output: z.object({ ok: z.literal(true) }),
  },
  /** Changes set aside (refused by the central, or pulled but not applicable here). */
  'sync.refused': { input: empty, output: z.array(refusedChangeSchema) },
  /** Every refused change whole, as a JSON-lines file for the central's administrator. */
  'sync.exportRefused': {
    input: empty,
    output: z.object({ fileName: z.string(), data: z.string() }),
  },
  /** Forgets refused changes (after they were exported or dealt with). */
  'sync.discardRefused': {
    input: z.object({ changeIds: z.array(z.string().max(64)).min(1).max(10_000) }),
    output: z.object({ discarded: z.number().int() }),
  },
  /** Writes an offline package into the data folder and says where. */
  'sync.exportPackage': {
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('pending') }),
      z.object({
        kind: z.literal('period'),
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date'),
        to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date'),
      }),
    ]),
    output: z.object({
      path: z.string(),
      bytes: z.number().int(),
      changes: z.number().int(),
      responses: z.number().int(),
    }),
  },
  /** The appeal metrics of a period (docs/metrics.md). */
  'reports.appeals': { input: z.object({ period: periodSchema }), output: appealMetricsSchema },
  /** Appeals by classifier group under a parent group (null: the sections). */
  'reports.classifierGroups': {
    input: z.object({
      period: periodSchema,
      parent: z.string().regex(CLASSIFIER_CODE, 'invalid_code').nullable(),
    }),
    output: classifierGroupsSchema,
  },
  /** Survey results of a questionnaire version (docs/metrics.md); cells under 5 are «<5». */
  'reports.surveys': { input: surveyResultsInputSchema, output: surveyResultsSchema },
  /** Starts writing a report file into the data folder; poll exportStatus, may cancel. */
  'reports.export': {
    input: z.object({
      period: periodSchema,
      format: z.enum(['xlsx', 'csv', 'docx']),
      separator: z.enum([',', ';']).optional(),
    }),
    output: z.object({ jobId: z.uuid() }),
  },
  'reports.exportStatus': { input: z.object({ jobId: z.uuid() }), output: exportJobSchema },
  'reports.exportCancel': { input: z.object({ jobId: z.uuid() }), output: exportJobSchema },
  /** Who is signed in on this window, and whether the desk still needs its administrator. */
  'auth.status': { input: empty, output: authStatusSchema },
  /** First start only (no user yet): creates the administrator and signs them in. */
  'auth.setup': { input: setupInputSchema, output: signedInSchema },
  'auth.login': {
    input: z.object({
      login: z.string().trim().toLowerCase().max(40),
      password: z.string().max(200),
    }),
    output: signedInSchema,
  },
  'auth.logout': { input: empty, output: authStatusSchema },
  'auth.lock': { input: empty, output: authStatusSchema },
  /** The signed-in user's own password opens a locked screen. */
  'auth.unlock': { input: z.object({ password: z.string().max(200) }), output: authStatusSchema },
  'auth.changePassword': {
    input: z.object({ current: z.string().max(200), next: setupInputSchema.shape.password }),
    output: empty,
  },
  'users.list': { input: empty, output: z.array(userSchema) },
  'users.save': { input: userInputSchema, output: userSchema },
  'users.setLockMinutes': {
    input: z.object({ minutes: z.number().int().min(1, 'lock_range').max(120, 'lock_range') }),
    output: z.object({ minutes: z.number().int() }),
  },
  /** Who changed which field of a card, when, from what to what; never editable. */
  'audit.forAppeal': { input: byId, output: z.array(auditEntrySchema) },
  'schedule.month': {
    input: z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'invalid_month') }),
    output: z.array(scheduleEntrySchema),
  },
  'schedule.saveEntry': { input: scheduleEntryInputSchema, output: scheduleEntrySchema },
  /** The day's list: bookings and walk-ins of a date, by time. */
  'bookings.day': {
    input: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalid_date') }),
    output: z.array(bookingSchema),
  },
  'bookings.get': { input: byId, output: bookingSchema },
  'bookings.save': { input: bookingInputSchema, output: bookingSchema },
  'bookings.setStatus': {
    input: z.object({
      id: z.uuid(),
      status: z.enum(['booked', 'arrived', 'cancelled', 'no_show']),
    }),
    output: bookingSchema,
  },
  'attachments.list': {
    input: z.object({ appealId: z.uuid() }),
    output: z.array(attachmentSchema),
  },
  /** A scanned document (PDF, JPEG, PNG, TIFF; at most 10 MiB), as base64. */
  'attachments.add': {
    input: z.object({
      appealId: z.uuid(),
      fileName: z.string().trim().min(1, 'required').max(ATTACHMENT_LIMITS.fileName, 'too_long'),
      data: z.string().max(MAX_BASE64, 'attachment_size'),
    }),
    output: attachmentSchema,
  },
  'attachments.get': {
    input: byId,
    output: z.object({ attachment: attachmentSchema, data: z.string() }),
  },
  'attachments.remove': { input: byId, output: empty },
  'deadlines.memoTemplate': { input: empty, output: memoTemplateSchema },
  'deadlines.saveMemoTemplate': { input: memoTemplateSchema, output: memoTemplateSchema },
  /** The escalation memo on overdue cards (seed 004, 11.5.1), as a DOCX to edit and sign. */
  'deadlines.memo': {
    input: z.object({ appealIds: z.array(z.uuid()).min(1, 'required').max(200, 'too_many') }),
    output: z.object({ fileName: z.string(), data: z.string() }),
  },
  /** Questions on open cards still under consideration, and those past their card's term. */
  'deadlines.questions': {
    input: empty,
    output: z.object({ inWork: z.number().int(), overdue: z.number().int() }),
  },
  /** Questions by status per section and theme for a period (issue 14; docs/metrics.md). */
  'reports.questions': { input: z.object({ period: periodSchema }), output: questionReportSchema },
  /** The office's id in ССТУ.РФ (a UUID the region gives), for the monthly report. */
  'sstu.settings': { input: empty, output: z.object({ departmentId: z.string().nullable() }) },
  'sstu.saveSettings': {
    input: z.object({ departmentId: z.uuid('invalid_uuid').nullable() }),
    output: z.object({ departmentId: z.string().nullable() }),
  },
  /** The month's pre-flight list and table, before the file (docs/sstu.md). No personal data. */
  'sstu.check': { input: z.object({ month: monthSchema }), output: sstuCheckSchema },
  /** The month's file (JSON for ССТУ.РФ, XLSX for people); recorded in each card's trail. */
  'sstu.file': {
    input: z.object({ month: monthSchema, format: z.enum(['json', 'xlsx']) }),
    output: z.object({ fileName: z.string(), data: z.string(), cards: z.number().int() }),
  },
  'backup.status': { input: empty, output: backupStatusSchema },
  /** A backup now (the daily one runs by itself). */
  'backup.run': { input: empty, output: backupInfoSchema },
  'backup.setFolder': {
    input: z.object({ folder: z.string().trim().min(1, 'required').max(1000, 'too_long') }),
    output: backupStatusSchema,
  },
  /** The key that opens this desk's backups on another PC: shown to an administrator. */
  'backup.recoveryKey': { input: empty, output: z.object({ recoveryKey: z.string() }) },
  /** Whether the desk started in recovery (a damaged database), and the backups to restore. */
  'recovery.status': { input: empty, output: recoveryStatusSchema },
  'recovery.restore': {
    input: z.object({
      name: backupName,
      recoveryKey: z.string().max(200, 'too_long').optional(),
    }),
    output: z.object({ restored: z.literal(true) }),
  },
  /** No usable backup: the damaged file is kept aside and the desk starts with an empty one. */
  'recovery.startEmpty': { input: empty, output: z.object({ started: z.literal(true) }) },
  'kiosk.verifyPin': {
    input: z.object({ pin: z.string().max(8) }),
    output: z.object({ ok: z.boolean() }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export type Api = typeof api;
export type Method = keyof Api;
export type Input<M extends Method> = z.input<Api[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Api[M]['input']>;
export type Output<M extends Method> = z.output<Api[M]['output']>;

export const METHODS = Object.keys(api) as Method[];

export function isMethod(name: string): name is Method {
  return Object.prototype.hasOwnProperty.call(api, name);
}
