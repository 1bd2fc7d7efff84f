import { describe, expect, it } from 'vitest';
import { latestStamp, mergeFields, packClocks, unpackClocks } from './lww';

const s = (ms: number, node = 'a') => `${String(ms).padStart(15, '0')}-0000-${node.repeat(16)}`;

describe('field-level last-writer-wins', () => {
  it('takes a field only when its stamp is newer, whatever order changes arrive in', () => {
    const changes = [
      { stamp: s(1), fields: { content: 'v1', executor: 'e1' } },
      { stamp: s(3), fields: { content: 'v3' } },
      { stamp: s(2, 'b'), fields: { content: 'v2', status: 'answered' } },
    ];
    const orders = [
      [0, 1, 2],
      [2, 1, 0],
      [1, 0, 2],
    ];
    const results = orders.map((order) => {
      let record: Record<string, unknown> = {};
      let clocks = {};
      for (const i of order) {
        const m = mergeFields<Record<string, unknown>>(
          clocks,
          changes[i]!.fields,
          changes[i]!.stamp,
        );
        record = { ...record, ...m.won };
        clocks = m.clocks;
      }
      return { record, clocks };
    });
    expect(results[0]!.record).toEqual({ content: 'v3', executor: 'e1', status: 'answered' });
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(latestStamp(results[0]!.clocks)).toBe(s(3));
  });

  it('an equal stamp (the same change again) wins nothing', () => {
    const first = mergeFields({}, { content: 'x' }, s(5));
    expect(mergeFields(first.clocks, { content: 'x' }, s(5)).won).toEqual({});
  });
});

describe('packed clocks', () => {
  it('round-trip, keeping one copy of the stamp most fields share', () => {
    const clocks = { a: s(1), b: s(1), c: s(1), d: s(2), e: s(3, 'b') };
    const packed = packClocks(clocks);
    expect(unpackClocks(packed)).toEqual(clocks);
    expect(packed.match(new RegExp(s(1), 'g'))).toHaveLength(1);
    expect(unpackClocks(packClocks({}))).toEqual({});
    // Clocks written before packing existed read as they are.
    expect(unpackClocks(JSON.stringify({ a: s(1) }))).toEqual({ a: s(1) });
  });
});
