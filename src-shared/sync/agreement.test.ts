import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { agreementWords, compareDigests, DigestBuilder, hashOfSums } from './agreement';

const sha = (t: string) => createHash('sha256').update(t).digest();

describe('agreement digest', () => {
  it('does not depend on the order records are added in, and notices one changed value', () => {
    const records = Array.from({ length: 50 }, (_, i) => [`id-${i}`, `["v${i}"]`] as const);
    const a = new DigestBuilder(sha);
    const b = new DigestBuilder(sha);
    records.forEach(([id, c]) => a.add('appeal', '2026-03', id, c));
    [...records].reverse().forEach(([id, c]) => b.add('appeal', '2026-03', id, c));
    expect(compareDigests(a.result(), b.result())).toEqual([]);
    const c = new DigestBuilder(sha);
    records.forEach(([id, v], i) => c.add('appeal', '2026-03', id, i === 7 ? '["changed"]' : v));
    c.add('response', '2026-04', 'r1', '[]');
    expect(compareDigests(a.result(), c.result())).toEqual([
      { entity: 'appeal', period: '2026-03', desk: 50, central: 50 },
      { entity: 'response', period: '2026-04', desk: 0, central: 1 },
    ]);
  });

  it('gives the hash of protocol 1 (the sum of 128-bit prefixes mod 2^128), however the words are summed', () => {
    // The digest as the first desks computed it: an older desk compares against this.
    const reference = (records: [string, string][]) => {
      let sum = 0n;
      for (const [id, c] of records) {
        const d = sha(`${id}\n${c}`);
        let v = 0n;
        for (let i = 0; i < 16; i++) v = (v << 8n) | BigInt(d[i]!);
        sum = (sum + v) % (1n << 128n);
      }
      return sum.toString(16).padStart(32, '0');
    };
    const records = Array.from(
      { length: 3000 },
      (_, i) => [`${i}-${Math.random()}`, JSON.stringify(['x', i, '\u0000ё'])] as [string, string],
    );
    const built = new DigestBuilder(sha);
    records.forEach(([id, c]) => built.add('response', '2026-01', id, c));
    expect(built.result()).toEqual([
      { entity: 'response', period: '2026-01', count: 3000, hash: reference(records) },
    ]);
    // As a database sums them: per word, as numbers, bigints or PostgreSQL's decimal strings.
    const sums = [0, 0, 0, 0];
    for (const [id, c] of records) {
      const w = agreementWords(sha, id, c);
      for (let i = 0; i < 4; i++) sums[i]! += w[i]!;
      expect(w.every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true);
    }
    expect(hashOfSums(sums)).toBe(reference(records));
    expect(hashOfSums(sums.map(String))).toBe(reference(records));
    expect(hashOfSums(sums.map(BigInt))).toBe(reference(records));
    expect(hashOfSums([null, null, null, null])).toBe('0'.repeat(32));
    // Words summed past 2^128 wrap as the reference does.
    expect(hashOfSums([2 ** 32, 0, 0, 1])).toBe('0'.repeat(31) + '1');
  });
});
