import { describe, expect, it } from 'vitest';
import { formatRegNumber, parseRegNumber } from './numbering';

describe('registration numbers', () => {
  it('formats desk code, year and a zero-padded sequence', () => {
    expect(formatRegNumber('MIN01', 2026, 42)).toBe('MIN01-2026-000042');
  });

  it('round-trips through the parser', () => {
    expect(parseRegNumber('MIN01-2026-000042')).toEqual({ deskCode: 'MIN01', year: 2026, seq: 42 });
    expect(parseRegNumber('min01-2026-42')).toBeNull();
  });

  it('refuses desk codes and sequences out of range', () => {
    expect(() => formatRegNumber('мин', 2026, 1)).toThrow();
    expect(() => formatRegNumber('MIN01', 2026, 0)).toThrow();
    expect(() => formatRegNumber('MIN01', 2026, 1_000_000)).toThrow();
  });
});
