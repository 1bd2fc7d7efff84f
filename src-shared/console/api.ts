import { z } from 'zod';
import { appealMetricsSchema } from '../reports/appeal-metrics';
import { APPEAL_KINDS, APPEAL_STATUSES, CHANNELS, RESULTS } from '../domain/enums';
import { CONSOLE_ROLES, PASSWORD_MAX_LENGTH } from './roles';
import { preflightProblemSchema, sstuTableRowSchema } from '../reports/sstu';
import { deskStatusSchema } from '../sync/protocol';

/**
 * The console's HTTP API (src-server/routes/console.ts): what the server validates and
 * describes in OpenAPI, and what the console's client checks every answer against.
 */

export const consoleAccountSchema = z.object({
  id: z.string(),
  login: z.string(),
  name: z.string(),
  role: z.enum(CONSOLE_ROLES),
  officeId: z.string().nullable(),
  officeCode: z.string().nullable(),
});
export type ConsoleAccountView = z.output<typeof consoleAccountSchema>;

export const loginRequestSchema = z
  .object({
    login: z.string().max(100),
    password: z.string().max(PASSWORD_MAX_LENGTH),
  })
  .strict();

export const sessionSchema = z.object({
  account: consoleAccountSchema,
  csrf: z.string(),
  idleMinutes: z.number().int(),
});
export type ConsoleSession = z.output<typeof sessionSchema>;

export const passwordChangeSchema = z
  .object({
    current: z.string().max(PASSWORD_MAX_LENGTH),
    next: z.string().max(PASSWORD_MAX_LENGTH),
  })
  .strict();

export const accountCreateSchema = z
  .object({
    login: z.string().max(40),
    name: z.string().max(200),
    role: z.enum(CONSOLE_ROLES),
    office: z.string().max(10).nullable(),
  })
  .strict();

export const accountListSchema = z.array(
  consoleAccountSchema.extend({
    createdAt: z.string(),
    disabled: z.boolean(),
    locked: z.boolean(),
  }),
);

/** A new or reset password, shown once. */
export const accountPasswordSchema = z.object({
  account: consoleAccountSchema,
  password: z.string(),
});

export const auditQuerySchema = z
  .object({
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const auditLogSchema = z.array(
  z.object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    target: z.string().nullable(),
    detail: z.string().nullable(),
  }),
);

export const deskSchema = z.object({
  id: z.string(),
  name: z.string(),
  deskCode: z.string().nullable(),
  enrolledAt: z.string(),
  revokedAt: z.string().nullable(),
  lastSeenAt: z.string().nullable(),
  cloneSuspected: z.boolean(),
  /** What the desk last said about itself after a sync (null: an older desk, or never). */
  status: deskStatusSchema.nullable(),
});
export type ConsoleDesk = z.output<typeof deskSchema>;

export const officeOverviewSchema = z.array(
  z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    sstuDepartmentId: z.string().nullable(),
    appeals: z.number().int(),
    desks: z.array(deskSchema),
  }),
);
export type OfficeOverview = z.output<typeof officeOverviewSchema>[number];

export const officeCreateSchema = z
  .object({
    code: z.string().max(10),
    name: z.string().max(300),
    /** The office's id in ССТУ.РФ; checked before the office is created. */
    sstuDepartmentId: z.uuid().nullable(),
  })
  .strict();

export const enrollmentCodeRequestSchema = z
  .object({
    office: z.string().max(10),
    desk: z.string().max(10).nullable(),
    days: z.number().int().min(1).max(30),
    replace: z.boolean(),
  })
  .strict();

export const enrollmentCodeSchema = z.object({
  code: z.string(),
  expiresAt: z.string(),
  office: z.string(),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const officesTableQuerySchema = z.object({ from: isoDate, to: isoDate }).strict();

export const officesTableSchema = z.object({
  region: appealMetricsSchema,
  offices: z.array(z.object({ code: z.string(), name: z.string(), metrics: appealMetricsSchema })),
});
export type OfficesTable = z.output<typeof officesTableSchema>;

/** One card behind a figure; the visitor and the text only for roles that may see them. */
export const consoleCardSchema = z.object({
  id: z.string(),
  office: z.string(),
  regNumber: z.string().nullable(),
  registeredAt: z.string(),
  channel: z.enum(CHANNELS).nullable(),
  kind: z.enum(APPEAL_KINDS).nullable(),
  status: z.enum(APPEAL_STATUSES).nullable(),
  result: z.enum(RESULTS).nullable(),
  dueDate: z.string().nullable(),
  answerDate: z.string().nullable(),
  topicCodes: z.array(z.string()),
  applicant: z.string().nullable(),
  excerpt: z.string().nullable(),
});
export type ConsoleCard = z.output<typeof consoleCardSchema>;

export const consoleCardsSchema = z.object({
  total: z.number().int(),
  personal: z.boolean(),
  items: z.array(consoleCardSchema),
});

export const templateListSchema = z.array(z.object({ id: z.string(), title: z.string() }));

export const EXPORT_FORMATS = ['xlsx', 'docx', 'csv'] as const;
export type RegionExportFormat = (typeof EXPORT_FORMATS)[number];

export const okSchema = z.object({ ok: z.literal(true) });

/** The month's ССТУ check at the central: the offices in it, the table, the pre-flight list. */
export const centralSstuCheckSchema = z.object({
  month: z.string(),
  offices: z.array(
    z.object({ code: z.string(), name: z.string(), departmentId: z.string().nullable() }),
  ),
  cards: z.number().int(),
  questions: z.number().int(),
  table: z.array(sstuTableRowSchema),
  problems: z.array(preflightProblemSchema),
});

export const sstuFileSchema = z.object({
  fileName: z.string(),
  data: z.string(),
  cards: z.number().int(),
});

/** What an offline package brought (the console's upload answer). */
export const packageReportSchema = z.object({
  deskCode: z.string(),
  office: z.string(),
  changes: z.number().int(),
  responses: z.number().int(),
  applied: z.number().int(),
  duplicates: z.number().int(),
  refused: z.array(
    z.object({
      id: z.string().nullable().optional(),
      index: z.number().int(),
      code: z.string(),
      message: z.string(),
    }),
  ),
});
export type PackageReport = z.output<typeof packageReportSchema>;

export const packageHistorySchema = z.array(
  z.object({
    seq: z.number().int(),
    at: z.string(),
    actor: z.string(),
    fileName: z.string(),
    office: z.string().nullable(),
    deskCode: z.string().nullable(),
    changes: z.number().int(),
    responses: z.number().int(),
    applied: z.number().int(),
    duplicates: z.number().int(),
    refused: z.number().int(),
    error: z.string().nullable(),
  }),
);

/** A questionnaire the central knows, and which desks have it. */
export const referenceTemplateSchema = z.object({
  id: z.string(),
  familyId: z.string().nullable(),
  version: z.number().int(),
  title: z.string(),
  status: z.string(),
  /** Shipped with Otklik: every desk has it built in. */
  builtin: z.boolean(),
  /** Desks (not revoked) that have pulled this edition, of all of them. */
  desksHave: z.number().int(),
  desksTotal: z.number().int(),
});
export const referenceTemplatesSchema = z.array(referenceTemplateSchema);
export type ReferenceTemplate = z.output<typeof referenceTemplateSchema>;

export const templatePublishSchema = z
  .object({
    /** The questionnaire in the survey profile (docs/surveys.md); checked on the server. */
    definition: z.unknown(),
    /** A new version of this family; null: a new questionnaire. */
    familyId: z.uuid().nullable(),
  })
  .strict();

/** An office's public notes («что изменено по итогам обратной связи») and whether it publishes. */
export const publicationsSchema = z.object({
  office: z.string(),
  publish: z.boolean(),
  notes: z.array(
    z.object({
      quarter: z.string(),
      text: z.string(),
      updatedAt: z.string(),
      updatedBy: z.string(),
    }),
  ),
});

export const publicationSaveSchema = z
  .object({
    office: z.string().max(10),
    quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
    /** Empty: the note is withdrawn. */
    text: z.string().max(5000),
  })
  .strict();

/** Officials, services and survey campaigns the central gives every desk, with who has each. */
export const REFERENCE_ENTITIES = ['official', 'service', 'campaign'] as const;
export type ConsoleReferenceEntity = (typeof REFERENCE_ENTITIES)[number];

export const referenceRecordsSchema = z.array(
  z.object({
    id: z.string(),
    data: z.record(z.string(), z.unknown()),
    desksHave: z.number().int(),
    desksTotal: z.number().int(),
  }),
);
