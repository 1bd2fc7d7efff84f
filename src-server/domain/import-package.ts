import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { openPackage, PackageError } from '../../src-shared/sync/package';
import type { ServerDatabase } from '../db/schema';
import { applyBatch, type ApplyResult } from './push';
import type { Writer } from './write-lock';

export interface ImportReport extends ApplyResult {
  deskCode: string;
  office: string;
  changes: number;
  responses: number;
}

/**
 * Imports an offline package (docs/sync.md): checked whole first (zip, hashes, MAC, every
 * record), then applied in one transaction exactly like a push, so importing it twice changes
 * nothing and a bad package changes nothing. A package from a desk that never enrolled needs
 * the office it belongs to (`--office`), as decided by the administrator who received it.
 */
export async function importPackage(
  db: Kysely<ServerDatabase>,
  write: Writer,
  bytes: Uint8Array,
  officeCode: string | null,
): Promise<ImportReport> {
  let tokenHash: string | null = null;
  let device: { id: string; office_id: string; revoked_at: string | null } | undefined;
  const peek = openPackage(bytes, { sha256Hex }, () => true).manifest;
  if (peek.deviceId) {
    const d = await db
      .selectFrom('devices')
      .select(['id', 'office_id', 'revoked_at', 'token_hash'])
      .where('id', '=', peek.deviceId)
      .executeTakeFirst();
    if (!d) throw new PackageError('Пакет подписан устройством, которого сервер не знает.');
    if (d.revoked_at) throw new PackageError('Пакет подписан отозванным устройством.');
    device = d;
    tokenHash = d.token_hash;
  }
  const pkg = openPackage(bytes, { sha256Hex }, (_m, text) => {
    if (tokenHash === null) return false;
    const expected = createHmac('sha256', Buffer.from(tokenHash, 'hex')).update(text).digest();
    const given = Buffer.from(_m.mac ?? '', 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
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
  const result = await write((tx) =>
    applyBatch(tx, { officeId, deviceId: device?.id ?? null }, pkg.changes, pkg.responses),
  );
  return {
    ...result,
    deskCode: pkg.manifest.deskCode,
    office: office.code,
    changes: pkg.changes.length,
    responses: pkg.responses.length,
  };
}

function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
