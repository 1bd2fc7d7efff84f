import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { compareDigests, DigestBuilder } from './agreement';

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
});
