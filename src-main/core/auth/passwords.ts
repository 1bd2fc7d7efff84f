import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** scrypt parameters (RFC 7914): N = 2^15, r = 8, p = 1 — about 50–100 ms on a desk PC. */
const N = 32768;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const MAXMEM = 64 * 1024 * 1024;

/** "scrypt$N$r$p$salt$hash", salt and hash in base64: the parameters travel with the hash. */
export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, {
    N,
    r: R,
    p: P,
    maxmem: MAXMEM,
  });
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(
    password.normalize('NFC'),
    Buffer.from(salt, 'base64'),
    expected.length,
    {
      N: Number(n),
      r: Number(r),
      p: Number(p),
      maxmem: MAXMEM,
    },
  );
  return timingSafeEqual(actual, expected);
}

let dummy: string | null = null;

/**
 * A hash no password matches, used to spend the same time on an unknown login; made on first
 * need, not when the module loads (scrypt takes ~0.1 s and start-up does not need it).
 */
export function dummyHash(): string {
  dummy ??= hashPassword(randomBytes(12).toString('hex'));
  return dummy;
}
