import type { DigestPart } from './protocol';

/**
 * The agreement check (docs/sync.md): per entity and month, the number of records and an
 * order-independent hash of them (the sum modulo 2^128 of each record's SHA-256 prefix), so a
 * desk and the central server compute it over their own tables and compare 2 × months numbers.
 * The hash function is passed in: this module runs on both sides and imports no Node module.
 */
export type Sha256 = (text: string) => Uint8Array;

const MOD = 1n << 128n;

/** A record's share of its period's hash: four 32-bit words, big-endian. */
export type AgreementWords = [number, number, number, number];

/**
 * The first 16 bytes of SHA-256(id, newline, canonical record) as four 32-bit words. Stored
 * beside each record on both sides (docs/sync.md «Agreement check»), they let a database sum a
 * period's hashes without overflow (2^32 words of 2^32 each fit in a 64-bit integer); the
 * digest is then a GROUP BY instead of a pass over every record.
 */
export function agreementWords(sha256: Sha256, id: string, canonical: string): AgreementWords {
  const d = sha256(`${id}\n${canonical}`);
  const word = (i: number) =>
    ((d[i]! << 24) | (d[i + 1]! << 16) | (d[i + 2]! << 8) | d[i + 3]!) >>> 0;
  return [word(0), word(4), word(8), word(12)];
}

/** A period's hash from the sums of its records' four words (numbers, bigints or the
 * decimal strings PostgreSQL gives for sum(bigint)): Σ sums[i] · 2^(32·(3−i)) mod 2^128. */
export function hashOfSums(sums: readonly (number | bigint | string | null)[]): string {
  let value = 0n;
  for (let i = 0; i < 4; i++) value += BigInt(sums[i] ?? 0) << BigInt(32 * (3 - i));
  return (((value % MOD) + MOD) % MOD).toString(16).padStart(32, '0');
}

const byPart = (a: DigestPart, b: DigestPart) =>
  a.entity + a.period < b.entity + b.period ? -1 : 1;

/** Digest parts in the order both sides send them. */
export function sortParts(parts: DigestPart[]): DigestPart[] {
  return parts.sort(byPart);
}

export class DigestBuilder {
  private parts = new Map<string, { count: number; sums: [bigint, bigint, bigint, bigint] }>();

  constructor(private readonly sha256: Sha256) {}

  add(entity: DigestPart['entity'], period: string, id: string, canonical: string): void {
    this.addWords(entity, period, agreementWords(this.sha256, id, canonical));
  }

  addWords(entity: DigestPart['entity'], period: string, words: AgreementWords): void {
    const key = `${entity}|${period}`;
    const part = this.parts.get(key) ?? { count: 0, sums: [0n, 0n, 0n, 0n] };
    part.count += 1;
    for (let i = 0; i < 4; i++) part.sums[i] = part.sums[i]! + BigInt(words[i]!);
    this.parts.set(key, part);
  }

  result(): DigestPart[] {
    return sortParts(
      [...this.parts.entries()].map(([key, p]) => {
        const [entity, period] = key.split('|') as [DigestPart['entity'], string];
        return { entity, period, count: p.count, hash: hashOfSums(p.sums) };
      }),
    );
  }
}

export interface Disagreement {
  entity: DigestPart['entity'];
  period: string;
  desk: number;
  central: number;
}

/** Periods where the two sides differ (count or hash); empty means they agree. */
export function compareDigests(desk: DigestPart[], central: DigestPart[]): Disagreement[] {
  const key = (p: DigestPart) => `${p.entity}|${p.period}`;
  const mine = new Map(desk.map((p) => [key(p), p]));
  const theirs = new Map(central.map((p) => [key(p), p]));
  const out: Disagreement[] = [];
  for (const k of new Set([...mine.keys(), ...theirs.keys()])) {
    const a = mine.get(k);
    const b = theirs.get(k);
    if (a?.hash === b?.hash && a?.count === b?.count) continue;
    const [entity, period] = k.split('|') as [DigestPart['entity'], string];
    out.push({ entity, period, desk: a?.count ?? 0, central: b?.count ?? 0 });
  }
  return out.sort((x, y) => (x.entity + x.period < y.entity + y.period ? -1 : 1));
}

/** The period an appeal counts in: the month of its registration. */
export function appealPeriod(registeredAt: string): string {
  return registeredAt.slice(0, 7);
}
