import type { Handlers } from '../handlers';
import type { CoreServices } from '../services';
import { OtklikError } from '../../../src-shared/contract/errors';
import { SyncHttpError } from './http-client';
import { createPublicKey } from 'node:crypto';
import { exportPackage, PACKAGE_KEY_SETTING } from './package-export';

/** An X25519 public key in base64 SPKI, as `npm run server -- package-key` prints it. */
function isPackageKey(text: string): boolean {
  try {
    const key = createPublicKey({ key: Buffer.from(text, 'base64'), format: 'der', type: 'spki' });
    return key.asymmetricKeyType === 'x25519';
  } catch {
    return false;
  }
}

type SyncMethods =
  | 'sync.status'
  | 'sync.now'
  | 'sync.enroll'
  | 'sync.leave'
  | 'sync.exportPackage'
  | 'sync.refused'
  | 'sync.setPackageKey'
  | 'sync.exportRefused'
  | 'sync.discardRefused';

/** The contract's sync.* methods. */
export function syncHandlers(s: CoreServices): Pick<Handlers, SyncMethods> {
  return {
    'sync.status': () => s.sync.status(),
    'sync.now': async () => {
      try {
        return await s.sync.syncNow();
      } catch (e) {
        if (e instanceof SyncHttpError) throw new OtklikError('unavailable', e.message);
        throw e;
      }
    },
    'sync.enroll': async ({ serverUrl, code, deviceName, allowInsecureHttp }) => {
      await s.sync.enroll(serverUrl, code, deviceName, allowInsecureHttp ?? false);
      // The first sync runs in the background; its outcome shows in the status.
      s.sync.syncNow().catch(() => undefined);
      return s.sync.status();
    },
    'sync.leave': () => {
      s.sync.leave();
      return s.sync.status();
    },
    'sync.refused': () => s.syncStore.refused(),
    'sync.setPackageKey': ({ key }) => {
      if (!isPackageKey(key)) {
        throw new OtklikError('validation', 'package key', [
          { path: 'key', message: 'package_key' },
        ]);
      }
      s.settings.set(PACKAGE_KEY_SETTING, key);
      return { ok: true as const };
    },
    'sync.exportRefused': () => ({
      fileName: `otklik-${s.settings.deskCode()}-otklonennye-${s.ctx.now().toISOString().slice(0, 10)}.jsonl`,
      data: Buffer.from(s.syncStore.refusedExport(), 'utf8').toString('base64'),
    }),
    'sync.discardRefused': ({ changeIds }) => ({
      discarded: s.syncStore.discardRefused(changeIds),
    }),
    'sync.exportPackage': (scope) =>
      exportPackage(s.ctx, s.settings, s.syncStore, s.credentials, s.dataDir, scope),
  };
}
