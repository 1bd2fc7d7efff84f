import {
  createDecipheriv,
  createHash,
  createPublicKey,
  diffieHellman,
  hkdfSync,
  verify,
} from 'node:crypto';
import {
  PACKAGE_KDF_INFO,
  packageKdfSalt,
  PackageError,
  type PackageOpener,
} from '../../src-shared/sync/package';
import type { PackageKeys } from './package-keys';

/**
 * The central's half of the package envelope (src-shared/sync/package.ts): the signature
 * against the device's enrolled Ed25519 key, then AES-256-GCM with the key agreed from the
 * central's private X25519 key (kept outside the database) and the package's ephemeral key.
 */
export function createOpener(
  keys: PackageKeys,
  signingKeyOf: (deviceId: string) => string | null,
): PackageOpener {
  return {
    sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
    verify(header, data, signature) {
      const key = header.deviceId ? signingKeyOf(header.deviceId) : null;
      if (!key) return false;
      try {
        const publicKey = createPublicKey({
          key: Buffer.from(key, 'base64'),
          format: 'der',
          type: 'spki',
        });
        return verify(null, data, publicKey, signature);
      } catch {
        return false;
      }
    },
    open(header, ciphertext, aad) {
      if (header.centralKey !== keys.publicKey) {
        throw new PackageError(
          'Пакет зашифрован для другого центрального сервера (или до смены его ключа).',
        );
      }
      const ephemeral = createPublicKey({
        key: Buffer.from(header.ephemeralKey, 'base64'),
        format: 'der',
        type: 'spki',
      });
      const shared = diffieHellman({ privateKey: keys.privateKey, publicKey: ephemeral });
      const key = Buffer.from(
        hkdfSync('sha256', shared, packageKdfSalt(header), PACKAGE_KDF_INFO, 32),
      );
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(header.nonce, 'base64'));
      decipher.setAAD(aad);
      decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
      return Buffer.concat([
        decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
        decipher.final(),
      ]);
    },
  };
}
