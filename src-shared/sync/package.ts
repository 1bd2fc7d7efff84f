import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { z } from 'zod';
import { changeSchema, PROTOCOL_VERSION, type Change } from './protocol';
import { responseRecordSchema, type ResponseRecord } from './records';

/**
 * The offline package (docs/sync.md, "Offline package"): one zip for removable media holding
 * the desk's changes and responses as NDJSON, a manifest with the SHA-256 of each part and,
 * for an enrolled desk, a MAC keyed by its credentials. The central imports it whole or not at
 * all. Hash and MAC functions are passed in: this module imports no Node module.
 */
export const PACKAGE_FORMAT = 'otklik-sync-package';
export const PACKAGE_EXTENSION = '.otkp';

const partSchema = z.object({
  name: z.enum(['changes.ndjson', 'responses.ndjson']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  records: z.number().int().min(0),
});

export const manifestSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    protocol: z.literal(PROTOCOL_VERSION),
    createdAt: z.string(),
    deskCode: z.string(),
    deviceId: z.uuid().nullable(),
    officeCode: z.string().nullable(),
    scope: z.string(),
    parts: z.array(partSchema).length(2),
    mac: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
  })
  .strict();
export type Manifest = z.output<typeof manifestSchema>;

export interface PackageCrypto {
  sha256Hex(data: Uint8Array): string;
  /** HMAC-SHA256 of the text with the device's key; null for a desk that never enrolled. */
  mac(text: string): string | null;
}

export interface PackageContent {
  changes: Change[];
  responses: ResponseRecord[];
}

const ndjson = (rows: readonly unknown[]) =>
  strToU8(rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));

const unsigned = (m: Omit<Manifest, 'mac'>) => JSON.stringify({ ...m, mac: null });

export function buildPackage(
  content: PackageContent,
  meta: Pick<Manifest, 'createdAt' | 'deskCode' | 'deviceId' | 'officeCode' | 'scope'>,
  crypto: PackageCrypto,
): Uint8Array {
  const changes = ndjson(content.changes);
  const responses = ndjson(content.responses);
  const body: Omit<Manifest, 'mac'> = {
    format: PACKAGE_FORMAT,
    protocol: PROTOCOL_VERSION,
    ...meta,
    parts: [
      {
        name: 'changes.ndjson',
        sha256: crypto.sha256Hex(changes),
        records: content.changes.length,
      },
      {
        name: 'responses.ndjson',
        sha256: crypto.sha256Hex(responses),
        records: content.responses.length,
      },
    ],
  };
  const manifest: Manifest = { ...body, mac: crypto.mac(unsigned(body)) };
  return zipSync(
    {
      'manifest.json': strToU8(JSON.stringify(manifest, null, 2)),
      'changes.ndjson': changes,
      'responses.ndjson': responses,
    },
    { level: 6 },
  );
}

export class PackageError extends Error {}

function parseLines<T>(bytes: Uint8Array, schema: z.ZodType<T>, part: string): T[] {
  const text = strFromU8(bytes);
  const lines = text.split('\n').filter((l) => l.length > 0);
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

/**
 * Opens and checks a package. Any defect (not a zip, truncated, a part missing or altered, a
 * record that does not validate) throws PackageError with a Russian message; nothing is
 * returned partially. `verifyMac` is asked about the manifest of an enrolled desk.
 */
export function openPackage(
  bytes: Uint8Array,
  crypto: Pick<PackageCrypto, 'sha256Hex'>,
  verifyMac: (manifest: Manifest, text: string) => boolean,
): { manifest: Manifest } & PackageContent {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw new PackageError('Файл повреждён или обрезан: это не целый архив пакета Otklik.');
  }
  const rawManifest = files['manifest.json'];
  if (!rawManifest) throw new PackageError('В пакете нет manifest.json.');
  let manifest: Manifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(strFromU8(rawManifest)));
  } catch {
    throw new PackageError('manifest.json не соответствует формату пакета Otklik версии 1.');
  }
  for (const part of manifest.parts) {
    const data = files[part.name];
    if (!data) throw new PackageError(`В пакете нет части ${part.name}.`);
    if (crypto.sha256Hex(data) !== part.sha256) {
      throw new PackageError(`Часть ${part.name} изменена или повреждена: SHA-256 не совпадает.`);
    }
  }
  if (manifest.deviceId !== null) {
    const { mac: _mac, ...body } = manifest;
    if (manifest.mac === null || !verifyMac(manifest, unsigned(body))) {
      throw new PackageError(
        'Подпись пакета не подтверждена: пакет изменён или устройство отозвано.',
      );
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
  return { manifest, changes, responses };
}
