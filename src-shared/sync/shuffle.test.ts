import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { shuffle } from './shuffle';

describe('shuffle', () => {
  it('keeps every item once and leaves the input alone', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const out = shuffle(items, randomInt);
    expect([...out].sort((a, b) => a - b)).toEqual(items);
    expect(items[0]).toBe(0);
  });

  it('gives every order of three items about equally often', () => {
    const counts = new Map<string, number>();
    for (let n = 0; n < 6000; n++) {
      const key = shuffle(['a', 'b', 'c'], randomInt).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const c of counts.values()) expect(c).toBeGreaterThan(800); // 1000 expected each
  });
});
