import { createHash, createHmac } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPackage, PACKAGE_EXTENSION } from '../../../src-shared/sync/package';
import type { CoreContext } from '../context';
import type { Settings } from '../settings';
import type { CredentialStore } from './credentials';
import type { SyncStore } from './store';

export type PackageScope = { kind: 'pending' } | { kind: 'period'; from: string; to: string };

/** The key a package is signed with: the SHA-256 of the device token, which the server keeps. */
export function packageKey(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * Writes an offline package (docs/sync.md) into the data folder's `packages/` and returns its
 * path. It does not acknowledge anything: the outbox empties only when the server confirms,
 * online, what it already has (a package can be lost on the way).
 */
export function exportPackage(
  ctx: CoreContext,
  settings: Settings,
  store: SyncStore,
  credentials: CredentialStore,
  dataDir: string,
  scope: PackageScope,
) {
  const creds = credentials.load();
  const content =
    scope.kind === 'pending'
      ? { changes: store.allOutbox(), responses: store.allUnpushed() }
      : {
          changes: store.appealsInPeriod(scope.from, scope.to),
          responses: store.responsesInPeriod(scope.from, scope.to),
        };
  const createdAt = ctx.now().toISOString();
  const bytes = buildPackage(
    content,
    {
      createdAt,
      deskCode: settings.deskCode(),
      deviceId: creds?.deviceId ?? null,
      officeCode: creds?.officeCode ?? null,
      scope: scope.kind === 'pending' ? 'pending' : `${scope.from}..${scope.to}`,
    },
    {
      sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
      mac: (text) =>
        creds ? createHmac('sha256', packageKey(creds.token)).update(text).digest('hex') : null,
    },
  );
  const dir = join(dataDir, 'packages');
  mkdirSync(dir, { recursive: true });
  const name = `otklik-${settings.deskCode()}-${createdAt.replace(/[:.]/g, '-')}${PACKAGE_EXTENSION}`;
  const path = join(dir, name);
  // Written beside and renamed: a package on disk is always whole.
  writeFileSync(`${path}.part`, bytes);
  renameSync(`${path}.part`, path);
  return {
    path,
    bytes: bytes.length,
    changes: content.changes.length,
    responses: content.responses.length,
  };
}
