import { describe, expect, it } from 'vitest';
import { median, nearestRank, sharesOf, shareOf } from './shares';
import { previousQuarter, quarterPeriod } from './period';

describe('shares', () => {
  it('add up to 100.0 exactly, the missing tenths going to the largest remainders', () => {
    expect(sharesOf([1, 1, 1])).toEqual([33.4, 33.3, 33.3]);
    expect(sharesOf([2, 1, 0])).toEqual([66.7, 33.3, 0]);
    expect(sharesOf([0, 0])).toEqual([0, 0]);
    const s = sharesOf([7, 13, 29, 1, 50]);
    expect(s.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
    expect(shareOf(1, 3)).toBe(33.3);
    expect(shareOf(2, 3)).toBe(66.7);
    expect(shareOf(0, 0)).toBe(0);
  });

  it('median and the 90th percentile by nearest rank', () => {
    expect(median([1, 2, 3, 10])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(nearestRank([4, 30], 90)).toBe(30);
  });

  it('quarters', () => {
    expect(quarterPeriod(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quarterPeriod(2024, 4)).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(previousQuarter(quarterPeriod(2026, 1))).toEqual(quarterPeriod(2025, 4));
  });
});
