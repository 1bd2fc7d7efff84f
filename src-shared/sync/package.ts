import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { z } from 'zod';
import { changeSchema, protocolField, PROTOCOL_VERSION, type Change } from './protocol';
import { responseRecordSchema, type ResponseRecord } from './records';

/**
 * The offline package (docs/sync.md, "Offline package"; docs/security.md): the desk's changes
 * and responses for removable media. Version 2 (issue 13):
 *
 *   "OTKP2\n" · header length (uint32, big-endian) · header (JSON) · AES-256-GCM ciphertext
 *   of the inner zip with its 16-byte tag · Ed25519 signature of everything before it (64 bytes,
 *   from an enrolled desk)
 *
 * The inner zip is what version 1 was: NDJSON parts and a manifest with the SHA-256 of each.
 * It is encrypted to the central's X25519 key (an ephemeral key per package, HKDF-SHA256), so
 * a lost stick reveals nothing, and signed with the desk's own Ed25519 key, whose public half
 * is all the central stores: neither a copy of the central's database nor the stick lets
 * anyone forge a package. The header (who made it, when) is bound to the ciphertext as
 * associated data. Opening caps every size and count before it allocates (zip bombs).
 *
 * This module imports no Node module: the cipher is passed in (desk: sync/package-crypto.ts,
 * central: domain/package-crypto.ts).
 */
export const PACKAGE_FORMAT = 'otklik-sync-package';
export const PACKAGE_EXTENSION = '.otkp';
export const PACKAGE_MAGIC = 'OTKP2\n';

/** Limits checked before anything is allocated from a package's own claims. */
export const PACKAGE_LIMITS = {
  /** The whole file. */
  fileBytes: 256 * 1024 * 1024,
  headerBytes: 16 * 1024,
  /** Each part once unpacked, and all of them. */
  partBytes: 512 * 1024 * 1024,
  totalBytes: 1024 * 1024 * 1024,
  records: 2_000_000,
} as const;

/** HKDF-SHA256 info and salt of the package key (both sides derive it the same way). */
export const PACKAGE_KDF_INFO = 'otklik offline package v2';
export const packageKdfSalt = (h: Pick<PackageHeader, 'ephemeralKey' | 'centralKey'>) =>
  `${h.ephemeralKey}|${h.centralKey}`;

const SIGNATURE_BYTES = 64;
const TAG_BYTES = 16;

const PART_NAMES = ['manifest.json', 'changes.ndjson', 'responses.ndjson'] as const;

const partSchema = z.object({
  name: z.enum(['changes.ndjson', 'responses.ndjson']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  records: z.number().int().min(0).max(PACKAGE_LIMITS.records),
});

export const manifestSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    protocol: protocolField,
    createdAt: z.string(),
    deskCode: z.string(),
    deviceId: z.uuid().nullable(),
    officeCode: z.string().nullable(),
    scope: z.string(),
    parts: z.array(partSchema).length(2),
  })
  .strict();
export type Manifest = z.output<typeof manifestSchema>;

export const headerSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    version: z.literal(2),
    createdAt: z.string().max(40),
    deskCode: z.string().max(20),
    deviceId: z.uuid().nullable(),
    officeCode: z.string().max(20).nullable(),
    /** Base64 SPKI of the ephemeral X25519 key; base64 of the 12-byte GCM nonce. */
    ephemeralKey: z.string().max(200),
    nonce: z.string().max(40),
    /** Base64 SPKI of the central key it was sealed to (tells a wrong centre at once). */
    centralKey: z.string().max(200),
    signed: z.boolean(),
  })
  .strict();
export type PackageHeader = z.output<typeof headerSchema>;

/** The desk's half: sealing to the central's key and signing with the desk's. */
export interface PackageSealer {
  sha256Hex(data: Uint8Array): string;
  /** AES-256-GCM under a key agreed with the central's public key; ciphertext ends with tag. */
  seal(
    plain: Uint8Array,
    aad: (h: Pick<PackageHeader, 'ephemeralKey' | 'nonce' | 'centralKey'>) => Uint8Array,
  ): {
    header: Pick<PackageHeader, 'ephemeralKey' | 'nonce' | 'centralKey'>;
    ciphertext: Uint8Array;
  };
  /** Ed25519 signature with the desk's key; null for a desk that never enrolled. */
  sign(data: Uint8Array): Uint8Array | null;
}

/** The central's half. */
export interface PackageOpener {
  sha256Hex(data: Uint8Array): string;
  /** Whether the signature is the enrolled device's (asked only for a signed header). */
  verify(header: PackageHeader, data: Uint8Array, signature: Uint8Array): boolean;
  /** Decrypts with the central's private key; throws when the tag does not match. */
  open(header: PackageHeader, ciphertext: Uint8Array, aad: Uint8Array): Uint8Array;
}

export interface PackageContent {
  changes: Change[];
  responses: ResponseRecord[];
}

export class PackageError extends Error {}

const ndjson = (rows: readonly unknown[]) =>
  strToU8(rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function prefix(header: Uint8Array): Uint8Array {
  const len = new Uint8Array(4);
  new DataView(len.buffer).setUint32(0, header.length);
  return concat([strToU8(PACKAGE_MAGIC), len, header]);
}

export function buildPackage(
  content: PackageContent,
  meta: Pick<Manifest, 'createdAt' | 'deskCode' | 'deviceId' | 'officeCode' | 'scope'>,
  sealer: PackageSealer,
): Uint8Array {
  const changes = ndjson(content.changes);
  const responses = ndjson(content.responses);
  const manifest: Manifest = {
    format: PACKAGE_FORMAT,
    protocol: PROTOCOL_VERSION,
    ...meta,
    parts: [
      {
        name: 'changes.ndjson',
        sha256: sealer.sha256Hex(changes),
        records: content.changes.length,
      },
      {
        name: 'responses.ndjson',
        sha256: sealer.sha256Hex(responses),
        records: content.responses.length,
      },
    ],
  };
  const zip = zipSync(
    {
      'manifest.json': strToU8(JSON.stringify(manifest, null, 2)),
      'changes.ndjson': changes,
      'responses.ndjson': responses,
    },
    { level: 6 },
  );
  const signs = meta.deviceId !== null;
  const headerOf = (keys: Pick<PackageHeader, 'ephemeralKey' | 'nonce' | 'centralKey'>) =>
    strToU8(
      JSON.stringify({
        format: PACKAGE_FORMAT,
        version: 2,
        createdAt: meta.createdAt,
        deskCode: meta.deskCode,
        deviceId: meta.deviceId,
        officeCode: meta.officeCode,
        ...keys,
        signed: signs,
      } satisfies PackageHeader),
    );
  const sealed = sealer.seal(zip, (keys) => prefix(headerOf(keys)));
  const body = concat([prefix(headerOf(sealed.header)), sealed.ciphertext]);
  if (!signs) return body;
  const signature = sealer.sign(body);
  if (!signature) throw new PackageError('Нет ключа подписи рабочего места.');
  return concat([body, signature]);
}

/** Reads the header without trusting anything else (who signed it decides what follows). */
export function readHeader(bytes: Uint8Array): { header: PackageHeader; headerEnd: number } {
  if (bytes.length > PACKAGE_LIMITS.fileBytes) {
    throw new PackageError('Пакет больше 256 МБ: такой пакет Otklik не создаёт.');
  }
  const magic = strToU8(PACKAGE_MAGIC);
  if (bytes.length < magic.length + 4 || magic.some((b, i) => bytes[i] !== b)) {
    throw new PackageError(
      'Это не пакет Otklik версии 2 (возможно, пакет старой версии программы или другой файл).',
    );
  }
  const length = new DataView(bytes.buffer, bytes.byteOffset + magic.length, 4).getUint32(0);
  const headerEnd = magic.length + 4 + length;
  if (length > PACKAGE_LIMITS.headerBytes || headerEnd > bytes.length) {
    throw new PackageError('Файл повреждён или обрезан: заголовок пакета не читается.');
  }
  let header: PackageHeader;
  try {
    header = headerSchema.parse(JSON.parse(strFromU8(bytes.subarray(magic.length + 4, headerEnd))));
  } catch {
    throw new PackageError('Заголовок пакета не соответствует формату Otklik версии 2.');
  }
  return { header, headerEnd };
}

function parseLines<T>(bytes: Uint8Array, schema: z.ZodType<T>, part: string): T[] {
  const text = strFromU8(bytes);
  const lines = text.split('\n').filter((l) => l.length > 0);
  if (lines.length > PACKAGE_LIMITS.records) {
    throw new PackageError(`${part}: больше ${PACKAGE_LIMITS.records} записей.`);
  }
  return lines.map((line, i) => {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new PackageError(`${part}, строка ${i + 1}: не JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new PackageError(
        `${part}, строка ${i + 1}: ${issue.path.join('.') || 'запись'} — ${issue.message}`,
      );
    }
    return parsed.data;
  });
}

/** Unzips the three known parts only, refusing sizes beyond the limits before inflating. */
function unzipCapped(zip: Uint8Array): Record<string, Uint8Array> {
  let total = 0;
  let entries = 0;
  try {
    return unzipSync(zip, {
      filter(file) {
        entries += 1;
        if (entries > PART_NAMES.length || !(PART_NAMES as readonly string[]).includes(file.name)) {
          throw new PackageError(`Лишний файл в пакете: ${file.name.slice(0, 80)}.`);
        }
        total += file.originalSize;
        if (file.originalSize > PACKAGE_LIMITS.partBytes || total > PACKAGE_LIMITS.totalBytes) {
          throw new PackageError('Пакет распаковывается в недопустимо большой объём.');
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof PackageError) throw e;
    throw new PackageError('Файл повреждён: содержимое пакета не распаковывается.');
  }
}

/**
 * Opens and checks a package. Any defect (not a package, truncated, signature or tag wrong, a
 * part missing or altered, a record that does not validate, a size beyond the limits) throws
 * PackageError with a Russian message; nothing is returned partially.
 */
export function openPackage(
  bytes: Uint8Array,
  opener: PackageOpener,
): { header: PackageHeader; manifest: Manifest } & PackageContent {
  const { header, headerEnd } = readHeader(bytes);
  let end = bytes.length;
  if (header.signed) {
    if (header.deviceId === null || end - headerEnd < SIGNATURE_BYTES + TAG_BYTES) {
      throw new PackageError('Файл повреждён или обрезан: нет подписи пакета.');
    }
    end -= SIGNATURE_BYTES;
    if (!opener.verify(header, bytes.subarray(0, end), bytes.subarray(end))) {
      throw new PackageError(
        'Подпись пакета не подтверждена: пакет изменён или подписан не этим рабочим местом.',
      );
    }
  } else if (header.deviceId !== null) {
    throw new PackageError('Пакет подключённого рабочего места без подписи: не принимается.');
  }
  if (end - headerEnd < TAG_BYTES) {
    throw new PackageError('Файл повреждён или обрезан: нет содержимого пакета.');
  }
  let zip: Uint8Array;
  try {
    zip = opener.open(header, bytes.subarray(headerEnd, end), bytes.subarray(0, headerEnd));
  } catch (e) {
    if (e instanceof PackageError) throw e;
    throw new PackageError(
      'Пакет не расшифрован: он изменён, обрезан или зашифрован для другого центра.',
    );
  }
  const files = unzipCapped(zip);
  const rawManifest = files['manifest.json'];
  if (!rawManifest) throw new PackageError('В пакете нет manifest.json.');
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(strFromU8(rawManifest)));
  } catch {
    throw new PackageError('manifest.json не соответствует формату пакета Otklik.');
  }
  if (
    manifest.deviceId !== header.deviceId ||
    manifest.deskCode !== header.deskCode ||
    manifest.officeCode !== header.officeCode
  ) {
    throw new PackageError('Заголовок и содержимое пакета не совпадают.');
  }
  for (const part of manifest.parts) {
    const data = files[part.name];
    if (!data) throw new PackageError(`В пакете нет части ${part.name}.`);
    if (opener.sha256Hex(data) !== part.sha256) {
      throw new PackageError(`Часть ${part.name} изменена или повреждена: SHA-256 не совпадает.`);
    }
  }
  const changes = parseLines(files['changes.ndjson']!, changeSchema, 'changes.ndjson');
  const responses = parseLines(
    files['responses.ndjson']!,
    responseRecordSchema,
    'responses.ndjson',
  );
  const counts = [changes.length, responses.length];
  manifest.parts.forEach((p, i) => {
    if (p.records !== counts[i]) {
      throw new PackageError(`Часть ${p.name}: записей ${counts[i]}, а в манифесте ${p.records}.`);
    }
  });
  return { header, manifest, changes, responses };
}
