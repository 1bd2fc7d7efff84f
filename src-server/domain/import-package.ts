import type { Kysely } from 'kysely';
import { openPackage, PackageError, readHeader } from '../../src-shared/sync/package';
import type { ServerDatabase } from '../db/schema';
import { createOpener } from './package-crypto';
import type { PackageKeys } from './package-keys';
import { applyBatch, type ApplyResult } from './push';
import { storeResponses } from './responses';
import type { Writer } from './write-lock';

export interface ImportReport {
  deskCode: string;
  office: string;
  changes: number;
  responses: number;
  applied: number;
  duplicates: number;
  refused: ApplyResult['refused'];
}

/**
 * Imports an offline package (docs/sync.md): checked whole first (signature, decryption, zip
 * within its limits, hashes, every record), then applied in one transaction like a push:
 * card changes judged one by one (a refused one is reported, the rest applied), responses
 * stored apart from them as from /v1/responses. Importing it twice changes nothing. A package
 * from a desk that never enrolled is unsigned and needs the office it belongs to (`--office`),
 * as decided by the administrator who received it.
 */
export async function importPackage(
  db: Kysely<ServerDatabase>,
  write: Writer,
  keys: PackageKeys,
  bytes: Uint8Array,
  officeCode: string | null,
  now = () => new Date(),
): Promise<ImportReport> {
  const { header } = readHeader(bytes);
  let device: { id: string; office_id: string; signing_key: string | null } | undefined;
  if (header.deviceId) {
    const d = await db
      .selectFrom('devices')
      .select(['id', 'office_id', 'revoked_at', 'signing_key'])
      .where('id', '=', header.deviceId)
      .executeTakeFirst();
    if (!d) throw new PackageError('Пакет подписан устройством, которого сервер не знает.');
    if (d.revoked_at) throw new PackageError('Пакет подписан отозванным устройством.');
    device = d;
  }
  const pkg = openPackage(
    bytes,
    createOpener(keys, (id) => (device && device.id === id ? device.signing_key : null)),
  );
  let officeId: string;
  if (device) {
    officeId = device.office_id;
  } else {
    if (!officeCode) {
      throw new PackageError(
        'Пакет с неподключённого рабочего места: укажите орган (--office КОД).',
      );
    }
    const office = await db
      .selectFrom('offices')
      .select('id')
      .where('code', '=', officeCode.toUpperCase())
      .executeTakeFirst();
    if (!office) throw new PackageError(`Нет органа с кодом ${officeCode}.`);
    officeId = office.id;
  }
  const office = await db
    .selectFrom('offices')
    .select('code')
    .where('id', '=', officeId)
    .executeTakeFirstOrThrow();
  const result = await write(async (tx) => {
    const cards = await applyBatch(
      tx,
      // A package of a period re-exports cards as they are, with other desks' stamps too.
      { officeId, deviceId: device?.id ?? null, node: null, now: now().getTime() },
      pkg.changes,
    );
    const responses = await storeResponses(tx, officeId, pkg.responses);
    return {
      applied: cards.applied + responses.applied,
      duplicates: cards.duplicates + responses.duplicates,
      refused: [...cards.refused, ...responses.refused],
    };
  });
  return {
    ...result,
    deskCode: pkg.manifest.deskCode,
    office: office.code,
    changes: pkg.changes.length,
    responses: pkg.responses.length,
  };
}
