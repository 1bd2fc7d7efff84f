import { describe, expect, it } from 'vitest';
import { isStamp, parse, receive, serialize, tick, type Hlc } from './hlc';

const A = '00000000000000aa';
const B = '00000000000000bb';
const DAY = 86_400_000;
const T = Date.parse('2026-03-10T07:00:00Z');
const start = (node: string, millis = 0): Hlc => ({ millis, counter: 0, node });

describe('hybrid logical clock', () => {
  it('serialises to fixed-width strings that sort like the stamps', () => {
    const stamps = [
      { millis: T, counter: 0, node: A },
      { millis: T, counter: 1, node: A },
      { millis: T, counter: 0x10, node: A },
      { millis: T, counter: 0x10, node: B },
      { millis: T + 1, counter: 0, node: A },
    ];
    const texts = stamps.map(serialize);
    expect([...texts].sort()).toEqual(texts);
    expect(texts.map(parse)).toEqual(stamps);
    expect(texts.every(isStamp)).toBe(true);
    expect(() => parse('2026-03-10')).toThrow(/not an HLC stamp/);
  });

  it('keeps increasing when the wall clock stands still or steps back', () => {
    let h = start(A);
    const seen: string[] = [];
    for (const now of [T, T, T, T - 5000, T - 5000, T + 1, T]) {
      h = tick(h, now);
      seen.push(serialize(h));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
    expect(parse(seen[4]!)).toEqual({ millis: T, counter: 4, node: A });
  });

  it('moves on by a millisecond instead of overflowing its counter', () => {
    const h = tick({ millis: T, counter: 0xffff, node: A }, T);
    expect(h).toEqual({ millis: T + 1, counter: 0, node: A });
  });

  it('orders an event after any stamp it received, even from a desk a week ahead', () => {
    const ahead = tick(start(B), T + 7 * DAY);
    const local = receive(tick(start(A), T), ahead, T);
    expect(serialize(local) > serialize(ahead)).toBe(true);
    expect(local.node).toBe(A);
    // The desk keeps working at the greatest time seen: its own later events stay after it.
    const next = tick(local, T + 1000);
    expect(serialize(next) > serialize(local)).toBe(true);
    expect(next.millis).toBe(T + 7 * DAY);
  });

  it('a desk a week behind still orders its edits after what it has received', () => {
    const central = tick(start(B), T);
    const behind = receive(start(A), central, T - 7 * DAY);
    expect(serialize(tick(behind, T - 7 * DAY + 10)) > serialize(central)).toBe(true);
  });

  it('takes the larger counter when both clocks stand at the same ms', () => {
    const local = { millis: T, counter: 3, node: A };
    const remote = { millis: T, counter: 9, node: B };
    expect(receive(local, remote, T - 1)).toEqual({ millis: T, counter: 10, node: A });
    expect(receive(local, { ...remote, millis: T - 1 }, T - 1)).toEqual({
      millis: T,
      counter: 4,
      node: A,
    });
    expect(receive(local, remote, T + 5)).toEqual({ millis: T + 5, counter: 0, node: A });
  });
});
