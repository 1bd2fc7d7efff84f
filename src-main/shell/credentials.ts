import { safeStorage } from 'electron';
import { join } from 'node:path';
import {
  createFileCredentialStore,
  type CredentialStore,
  type SecretCodec,
} from '../core/sync/credentials';

/**
 * Enrollment credentials encrypted with the OS keychain through Electron's safeStorage (DPAPI on
 * Windows, Keychain on macOS, libsecret/kwallet on Linux). Where no keychain is available the
 * file is still readable by its owner only (0600), as under the Node harness.
 */
export function safeCredentialStore(dataDir: string): CredentialStore {
  const encrypted = safeStorage.isEncryptionAvailable();
  return createFileCredentialStore(
    join(dataDir, encrypted ? 'sync-credentials.bin' : 'sync-credentials.json'),
    safeCodec(),
  );
}

/** The OS keychain's encryption for the desk's secrets, where the OS offers one. */
export function safeCodec(): SecretCodec | undefined {
  return safeStorage.isEncryptionAvailable()
    ? {
        encode: (text) => safeStorage.encryptString(text),
        decode: (data) => safeStorage.decryptString(data),
      }
    : undefined;
}
