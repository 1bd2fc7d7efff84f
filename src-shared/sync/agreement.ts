import type { DigestPart } from './protocol';

/**
 * The agreement check (docs/sync.md): per entity and month, the number of records and an
 * order-independent hash of them (the sum modulo 2^128 of each record's SHA-256 prefix), so a
 * desk and the central server compute it over their own tables and compare 2 × months numbers.
 * The hash function is passed in: this module runs on both sides and imports no Node module.
 */
export type Sha256 = (text: string) => Uint8Array;

const MOD = 1n << 128n;

export class DigestBuilder {
  private parts = new Map<string, { count: number; sum: bigint }>();

  constructor(private readonly sha256: Sha256) {}

  add(entity: DigestPart['entity'], period: string, id: string, canonical: string): void {
    const key = `${entity}|${period}`;
    const part = this.parts.get(key) ?? { count: 0, sum: 0n };
    const digest = this.sha256(`${id}\n${canonical}`);
    let value = 0n;
    for (let i = 0; i < 16; i++) value = (value << 8n) | BigInt(digest[i]!);
    part.count += 1;
    part.sum = (part.sum + value) % MOD;
    this.parts.set(key, part);
  }

  result(): DigestPart[] {
    return [...this.parts.entries()]
      .map(([key, p]) => {
        const [entity, period] = key.split('|') as [DigestPart['entity'], string];
        return { entity, period, count: p.count, hash: p.sum.toString(16).padStart(32, '0') };
      })
      .sort((a, b) => (a.entity + a.period < b.entity + b.period ? -1 : 1));
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
