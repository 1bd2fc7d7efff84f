import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OtklikError } from '../../../src-shared/contract/errors';
import { buildPackage, PACKAGE_EXTENSION } from '../../../src-shared/sync/package';
import type { CoreContext } from '../context';
import { createSealer } from './package-crypto';
import type { Settings } from '../settings';
import type { CredentialStore } from './credentials';
import type { SyncStore } from './store';

export type PackageScope = { kind: 'pending' } | { kind: 'period'; from: string; to: string };

/** Where a desk that never enrolled keeps the central's package key an administrator gave it. */
export const PACKAGE_KEY_SETTING = 'sync_package_key';

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
  // Cards hold personal data: a package is always encrypted to the central's key. An enrolled
  // desk got the key at enrollment; one that never could enroll needs it from the centre.
  const centralKey = creds?.packageKey ?? settings.value(PACKAGE_KEY_SETTING);
  if (!centralKey) {
    throw new OtklikError('validation', 'no package key', [
      { path: 'packageKey', message: 'no_package_key' },
    ]);
  }
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
      // Only a desk with its signing key signs (one enrolled before issue 13 enrolls again).
      deviceId: creds?.signingKey ? creds.deviceId : null,
      officeCode: creds?.officeCode ?? null,
      scope: scope.kind === 'pending' ? 'pending' : `${scope.from}..${scope.to}`,
    },
    createSealer(centralKey, creds?.signingKey ?? null),
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
