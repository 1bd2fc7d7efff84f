import {
  createCipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  sign,
} from 'node:crypto';
import {
  PACKAGE_KDF_INFO,
  packageKdfSalt,
  type PackageSealer,
} from '../../../src-shared/sync/package';

/**
 * The desk's half of the package envelope (src-shared/sync/package.ts): AES-256-GCM to the
 * central's X25519 key with a fresh ephemeral key, and an Ed25519 signature with the desk's
 * own key (enrolled desks).
 */
export function createSealer(centralKey: string, signingKeyPem: string | null): PackageSealer {
  const central = createPublicKey({
    key: Buffer.from(centralKey, 'base64'),
    format: 'der',
    type: 'spki',
  });
  const signingKey = signingKeyPem ? createPrivateKey(signingKeyPem) : null;
  return {
    sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
    seal(plain, aad) {
      const eph = generateKeyPairSync('x25519');
      const ephemeralKey = eph.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
      const nonce = randomBytes(12);
      const header = { ephemeralKey, nonce: nonce.toString('base64'), centralKey };
      const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: central });
      const key = Buffer.from(
        hkdfSync('sha256', shared, packageKdfSalt(header), PACKAGE_KDF_INFO, 32),
      );
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(aad(header));
      const ciphertext = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
      return { header, ciphertext };
    },
    sign: (data) => (signingKey ? sign(null, data, signingKey) : null),
  };
}
