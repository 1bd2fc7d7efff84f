import { describe, expect, it } from 'vitest';
import { latestStamp, mergeFields, mergeKeyed, packClocks, unpackClocks, type Clocks } from './lww';

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

describe('keyed fields (a card’s questions, one by one)', () => {
  const A = '0005.0005.0056.1160';
  const B = '0003.0009.0102.0768';
  type Card = { status: string; questions: Record<string, { s: string }> };
  const merge = (clocks: Clocks, current: Partial<Card> | null, patch: object, stamp: string) =>
    mergeKeyed<Card>(clocks, current, patch as Partial<Card>, stamp, ['questions']);

  it('merges each key under its own clock, in any order of arrival', () => {
    const base = merge({}, null, { status: 'open', questions: {} }, 's1');
    const fromA = { questions: { [A]: { s: 'supported' } } };
    const fromB = { questions: { [B]: { s: 'refused' } }, status: 'closed' };
    const apply = (first: [object, string], second: [object, string]) => {
      let record = { ...(base.won as Card) };
      let clocks = base.clocks;
      for (const [patch, stamp] of [first, second]) {
        const m = merge(clocks, record, patch, stamp);
        record = { ...record, ...m.won } as Card;
        clocks = m.clocks;
      }
      return record;
    };
    const one = apply([fromA, 's2'], [fromB, 's3']);
    const two = apply([fromB, 's3'], [fromA, 's2']);
    expect(one).toEqual(two);
    expect(one).toEqual({
      status: 'closed',
      questions: { [B]: { s: 'refused' }, [A]: { s: 'supported' } },
    });
    expect(Object.keys(one.questions)).toEqual([B, A].sort());
  });

  it('removes a key with null, and an older write of that key loses', () => {
    const start = merge({}, null, { questions: { [A]: { s: 'supported' } } }, 's1');
    const gone = merge(start.clocks, start.won, { questions: { [A]: null } }, 's3');
    expect(gone.won).toEqual({ questions: {} });
    const late = merge(gone.clocks, gone.won, { questions: { [A]: { s: 'refused' } } }, 's2');
    expect(late.won).toEqual({});
  });
});
