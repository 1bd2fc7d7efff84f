import { describe, expect, it } from 'vitest';
import { PairIndex } from './pair-index';

describe('pair index', () => {
  it('holds what a Map of Maps holds, through many growths and colliding keys', () => {
    const index = new PairIndex(4);
    const reference = new Map<string, number>();
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 200_000; i++) {
      // Small keys collide often; a few huge ones walk the hash's high bits.
      const a = i % 3 === 0 ? next() : next() % 300;
      const b = i % 5 === 0 ? 2 ** 31 - 1 - (next() % 7) : next() % 700;
      const key = `${a}:${b}`;
      if (reference.has(key)) {
        expect(index.get(a, b)).toBe(reference.get(key));
      } else {
        expect(index.get(a, b)).toBe(-1);
        index.add(a, b, reference.size);
        reference.set(key, reference.size);
      }
    }
    expect(index.size).toBe(reference.size);
    for (const [key, value] of reference) {
      const [a, b] = key.split(':').map(Number);
      expect(index.get(a!, b!)).toBe(value);
    }
    // (a, b) is not (b, a); 0 is a key like any other.
    const small = new PairIndex();
    small.add(1, 2, 0);
    small.add(0, 0, 5);
    expect(small.get(2, 1)).toBe(-1);
    expect(small.get(0, 0)).toBe(5);
  });

  it('refuses values it cannot hold and a pair held twice', () => {
    const index = new PairIndex();
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 31, Infinity])
      expect(() => index.add(1, 1, bad), String(bad)).toThrow(RangeError);
    index.add(1, 1, 0);
    expect(() => index.add(1, 1, 1)).toThrow(/already/);
    expect(index.get(1, 1)).toBe(0);
    expect(index.size).toBe(1);
  });
});
