import { z } from 'zod';
import { DESK_CODE } from '../domain/numbering';
import { ATTACHMENT_LIMITS, ATTACHMENT_TYPES, MAX_BASE64, SHA256_HEX } from '../domain/attachments';
import { classifierNodeSchema, officialSchema, serviceSchema } from '../domain/reference';
import { surveyDefinitionSchema } from '../surveys/definition';
import { campaignSchema, TEMPLATE_STATUSES } from '../surveys/records';
import { onlineRefSchema } from '../surveys/online';
import { isNode, isStamp } from './hlc';
import { appealFieldsPatchSchema, responseRecordSchema } from './records';

/**
 * The desk ↔ central protocol (docs/sync.md). Version 2 (issue 13): changes are checked and
 * refused one by one, survey responses travel in requests of their own, never beside card
 * changes, and enrollment binds a desk code to one device. Every route validates its body and
 * query with these schemas; the OpenAPI description at /docs is generated from them too.
 */
export const PROTOCOL_VERSION = 4;

/**
 * Sync bodies of this many bytes or more travel gzipped where the other side takes it
 * (docs/sync.md «Compression»); smaller ones save nothing worth the CPU.
 */
export const MIN_COMPRESSED_BYTES = 1024;
/**
 * Protocols the central still accepts: desks of the previous version keep working while an
 * office is updated (docs/sync.md, "Versions"). Protocol 3 (issue 14) adds the card fields of
 * PROTOCOL3_APPEAL_FIELDS; a protocol-2 desk pulls cards without them.
 */
export const ACCEPTED_PROTOCOLS = [2, 3, 4] as const;
export const protocolField = z.union([z.literal(2), z.literal(3), z.literal(4)]);
export type Protocol = z.output<typeof protocolField>;
/**
 * Protocol 4 (issue 18) adds online responses (channel `online`), campaigns offered online and
 * the `online` reference record; the central leaves all three out for a desk of protocol 2 or 3.
 */
export const ONLINE_PROTOCOL = 4;
export const MAX_PUSH_CHANGES = 1000;
export const MAX_PUSH_RESPONSES = 2000;
export const MAX_PULL = 5000;

const stamp = z.string().refine(isStamp, 'not an HLC stamp');

export const changeSchema = z
  .object({
    /** Unique per change, made by the desk: the server applies a change id once. */
    id: z.uuid(),
    entity: z.literal('appeal'),
    entityId: z.uuid(),
    hlc: stamp,
    fields: appealFieldsPatchSchema,
  })
  .strict();
export type Change = z.output<typeof changeSchema>;

/** A public key as base64 of its SPKI DER encoding (Ed25519 or X25519, 44 bytes). */
const publicKey = z.string().regex(/^[A-Za-z0-9+/]{59}[A-Za-z0-9+/=]$/, 'public key');

export const enrollRequestSchema = z
  .object({
    code: z.string().trim().min(6).max(64),
    deviceName: z.string().trim().min(1).max(200),
    node: z.string().refine(isNode, 'node must be 16 hex digits'),
    /** The desk's own code, kept when the enrollment code names none. */
    deskCode: z.string().regex(DESK_CODE),
    /** The desk's Ed25519 key that signs its offline packages (docs/security.md). */
    signingKey: publicKey,
  })
  .strict();

export const enrollResponseSchema = z.object({
  deviceId: z.uuid(),
  token: z.string(),
  officeCode: z.string(),
  officeName: z.string(),
  /** The desk code now bound to this device alone. */
  deskCode: z.string().regex(DESK_CODE),
  /** The last registration sequence per year the central has seen for that code (replacement). */
  lastNumbers: z.array(z.object({ year: z.number().int(), seq: z.number().int().min(0) })),
  /** The central's X25519 key that offline packages are encrypted to. */
  packageKey: publicKey,
});
export type EnrollResponse = z.output<typeof enrollResponseSchema>;

/** Why the central refused one change or response of a batch; the rest was applied. */
export const REFUSAL_CODES = [
  'invalid',
  'forbidden',
  'immutable',
  'incomplete',
  'clock_ahead',
  'foreign_node',
  'foreign_number',
  'duplicate_number',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export const refusalSchema = z.object({
  /** The change's (or response's) id where the item had a readable one. */
  id: z.string().nullable(),
  /** Its place in the batch. */
  index: z.number().int().min(0),
  code: z.enum(REFUSAL_CODES),
  /** In Russian, for the desk's administrator. */
  message: z.string(),
});
export type Refusal = z.output<typeof refusalSchema>;

/**
 * Card changes only. Each item is checked on its own against `changeSchema` and the writer's
 * rights: a bad one is refused with its reason, the others are applied (issue 13, point 4).
 */
export const pushRequestSchema = z
  .object({
    protocol: protocolField,
    changes: z.array(z.unknown()).max(MAX_PUSH_CHANGES),
  })
  .strict();
export type PushRequest = z.output<typeof pushRequestSchema>;

export const pushResponseSchema = z.object({
  applied: z.number().int(),
  duplicates: z.number().int(),
  refused: z.array(refusalSchema),
});
export type PushResponse = z.output<typeof pushResponseSchema>;

/**
 * Survey responses, in requests of their own (docs/anonymity.md): the desk holds them until
 * several are waiting or a random time of day, and shuffles them; the central keeps neither
 * the device nor a sequence beside the cards, and logs nothing of these requests.
 */
export const responsesPushSchema = z
  .object({
    protocol: protocolField,
    responses: z.array(z.unknown()).max(MAX_PUSH_RESPONSES),
  })
  .strict();

export const responsesPullQuerySchema = z
  .object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(MAX_PULL).default(1000),
    /** The desk's protocol; desks before protocol 4 did not send it (and get no online ones). */
    protocol: z.coerce.number().pipe(protocolField).default(3),
  })
  .strict();

export const agreementQuerySchema = z
  .object({ protocol: z.coerce.number().pipe(protocolField).default(3) })
  .strict();

export const responsesPullItemSchema = z.object({
  seq: z.number().int(),
  response: responseRecordSchema,
});

export const responsesPullSchema = z.object({
  items: z.array(responsesPullItemSchema),
  cursor: z.number().int(),
  more: z.boolean(),
});
export type ResponsesPull = z.output<typeof responsesPullSchema>;

export const pullQuerySchema = z
  .object({
    after: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(MAX_PULL).default(1000),
    /** The desk's protocol; desks of protocol 2 did not send it. */
    protocol: z.coerce.number().pipe(protocolField).default(2),
  })
  .strict();

export const officialRefSchema = officialSchema.omit({ createdAt: true, updatedAt: true });
export const serviceRefSchema = serviceSchema.omit({ createdAt: true, updatedAt: true });
export const templateRefSchema = z.object({
  id: z.uuid(),
  familyId: z.uuid(),
  version: z.number().int().min(1),
  builtinKey: z.string().nullable(),
  title: z.string().min(1),
  definition: surveyDefinitionSchema,
  status: z.enum(TEMPLATE_STATUSES),
});
export const campaignRefSchema = campaignSchema.omit({ createdAt: true, updatedAt: true });

/** Reference data belongs to the central server; desks receive it and never push it. */
export const referenceSchema = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('official'), data: officialRefSchema }),
  z.object({ entity: z.literal('service'), data: serviceRefSchema }),
  z.object({ entity: z.literal('template'), data: templateRefSchema }),
  z.object({ entity: z.literal('campaign'), data: campaignRefSchema }),
  z.object({ entity: z.literal('classifier'), data: classifierNodeSchema }),
  z.object({ entity: z.literal('online'), data: onlineRefSchema }),
]);
export type Reference = z.output<typeof referenceSchema>;
export type ReferenceEntity = Reference['entity'];

export const pullItemSchema = z.discriminatedUnion('type', [
  z.object({ seq: z.number().int(), type: z.literal('change'), change: changeSchema }),
  z.object({ seq: z.number().int(), type: z.literal('reference'), reference: referenceSchema }),
]);
export type PullItem = z.output<typeof pullItemSchema>;

export const pullResponseSchema = z.object({
  items: z.array(pullItemSchema),
  /** The cursor to ask from next time: the last item's seq, or the one asked with. */
  cursor: z.number().int(),
  more: z.boolean(),
});
export type PullResponse = z.output<typeof pullResponseSchema>;

export const digestPartSchema = z.object({
  entity: z.enum(['appeal', 'response']),
  period: z.string().regex(/^\d{4}-\d{2}$/),
  count: z.number().int(),
  hash: z.string().regex(/^[0-9a-f]{32}$/),
});
export type DigestPart = z.output<typeof digestPartSchema>;

export const agreementResponseSchema = z.object({
  office: z.string(),
  computedAt: z.string(),
  parts: z.array(digestPartSchema),
});

export const errorBodySchema = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export const centralAppealUpdateSchema = z
  .object({
    fields: appealFieldsPatchSchema,
  })
  .strict();

/**
 * A scanned document of a card, uploaded once the card is at the central server. Idempotent
 * by id; the server checks the bytes against the SHA-256 and refuses another office's card.
 */
export const attachmentUploadSchema = z
  .object({
    id: z.uuid(),
    appealId: z.uuid(),
    fileName: z.string().min(1).max(ATTACHMENT_LIMITS.fileName),
    mime: z.enum(ATTACHMENT_TYPES),
    sha256: z.string().regex(SHA256_HEX),
    data: z.string().min(1).max(MAX_BASE64),
  })
  .strict();
export type AttachmentUpload = z.output<typeof attachmentUploadSchema>;

export const attachmentUploadResponseSchema = z.object({ stored: z.boolean() });

/**
 * A desk enrolled before packages were signed registers its Ed25519 key once and learns the
 * central's package key. A key already registered is never replaced this way (a leaked token
 * must not swap it): that takes a replacement enrollment.
 */
export const deviceKeyRequestSchema = z.object({ signingKey: publicKey }).strict();
export const deviceKeyResponseSchema = z.object({ packageKey: publicKey });

/**
 * What a desk tells the central after each sync (issue 15: the console's desks table): its
 * version, what it still holds unsent or set aside, and the last agreement check. Nothing of
 * the kiosk: a count of waiting survey answers would date them (docs/anonymity.md).
 */
export const deskStatusSchema = z
  .object({
    app: z.string().max(40),
    protocol: z.number().int().min(1).max(99),
    pendingChanges: z.number().int().min(0),
    refused: z.number().int().min(0),
    /** The change-log position the desk has everything up to (its pull cursor). */
    cursor: z.number().int().min(0),
    agreement: z
      .object({
        at: z.string().max(40),
        agrees: z.boolean(),
        /** The months (YYYY-MM) where desk and central differ, at most 24. */
        differs: z.array(z.string().max(20)).max(24),
      })
      .nullable(),
  })
  .strict();
export type DeskStatus = z.output<typeof deskStatusSchema>;
