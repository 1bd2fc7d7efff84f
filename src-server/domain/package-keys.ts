import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The central's X25519 key pair: desks encrypt their offline packages to its public half
 * (docs/security.md). The private half lives in a file of its own beside the database, never
 * in it, so a copy of the database (a leaked backup) opens no package.
 */
export interface PackageKeys {
  privateKey: KeyObject;
  /** Base64 SPKI DER, as enrollment hands it to desks. */
  publicKey: string;
}

export function generatePackageKeys(): PackageKeys {
  const { privateKey, publicKey } = generateKeyPairSync('x25519');
  return {
    privateKey,
    publicKey: publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
  };
}

/** Reads the key file, or makes one (mode 0600) on first start. */
export function loadPackageKeys(file: string): PackageKeys {
  if (!existsSync(file)) {
    const keys = generatePackageKeys();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    chmodSync(file, 0o600);
    return keys;
  }
  const privateKey = createPrivateKey(readFileSync(file));
  if (privateKey.asymmetricKeyType !== 'x25519') {
    throw new Error(`${file}: not an X25519 private key`);
  }
  return {
    privateKey,
    publicKey: createPublicKey(privateKey)
      .export({ type: 'spki', format: 'der' })
      .toString('base64'),
  };
}
