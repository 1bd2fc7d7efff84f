import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  parseRuDate,
  parseRuDateTime,
  parseRuMonth,
  parseTime,
  ruDate,
  ruDateTime,
  ruMonth,
  ruNumber,
} from './dates';

describe('Russian dates', () => {
  it('formats the stored forms as documents write them', () => {
    expect(ruDate('2026-03-31')).toBe('31.03.2026');
    expect(ruDate('2026-03-31T10:05')).toBe('31.03.2026');
    expect(ruDate(null)).toBe('');
    expect(ruDateTime('2026-03-31T10:05')).toBe('31.03.2026 10:05');
    expect(ruMonth('2026-03')).toBe('03.2026');
  });

  it('takes what an officer types, and the stored form', () => {
    expect(parseRuDate('31.03.2026')).toBe('2026-03-31');
    expect(parseRuDate(' 1.4.2026 ')).toBe('2026-04-01');
    expect(parseRuDate('01/04/2026')).toBe('2026-04-01');
    expect(parseRuDate('01-04-2026')).toBe('2026-04-01');
    expect(parseRuDate('2026-04-01')).toBe('2026-04-01');
    expect(parseRuDateTime('31.03.2026 10:05')).toBe('2026-03-31T10:05');
    expect(parseRuDateTime('31.03.2026, 9:05')).toBe('2026-03-31T09:05');
    expect(parseRuDateTime('2026-03-31T10:05')).toBe('2026-03-31T10:05');
    expect(parseTime('9:05')).toBe('09:05');
    expect(parseTime('0905')).toBe('09:05');
    expect(parseTime('23.59')).toBe('23:59');
    expect(parseRuMonth('3.2026')).toBe('2026-03');
    expect(parseRuMonth('2026-03')).toBe('2026-03');
  });

  it('refuses what is not a real date or time, half-typed ones included', () => {
    for (const bad of [
      '',
      '31.02.2026',
      '29.02.2025',
      '00.01.2026',
      '12.13.2026',
      '27.11.2',
      '27.11.20',
      '27.11.202',
      '2026-02-30',
      '11/27/2026',
      '1.1.1899',
      '31.03.2026 10:05',
      'завтра',
      '31.03.2026 ' + '9'.repeat(10_000),
    ])
      expect(parseRuDate(bad), bad).toBeNull();
    for (const bad of [
      '31.03.2026',
      '31.03.2026 24:00',
      '31.03.2026 10:60',
      '31.02.2026 10:00',
      '2026-03-31T1',
    ])
      expect(parseRuDateTime(bad), bad).toBeNull();
    for (const bad of ['24:00', '9:5', '12:60', '9', 'полдень', '-1:00'])
      expect(parseTime(bad), bad).toBeNull();
    for (const bad of ['13.2026', '0.2026', '2026-13', '03.26', '2026'])
      expect(parseRuMonth(bad), bad).toBeNull();
  });

  it('reads back every date it writes', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(parseRuDate(ruDate(iso))).toBe(iso);
          expect(parseRuDateTime(ruDateTime(`${iso}T${d.toISOString().slice(11, 16)}`))).toBe(
            `${iso}T${d.toISOString().slice(11, 16)}`,
          );
        },
      ),
    );
  });
});

describe('Russian numbers', () => {
  it('writes a decimal comma and groups thousands, whatever the locale data', () => {
    expect(ruNumber(16.7)).toBe('16,7');
    expect(ruNumber(16.66666, 1)).toBe('16,7');
    expect(ruNumber(50, 1, 1)).toBe('50,0');
    expect(ruNumber(1234567.5)).toBe('1\u00a0234\u00a0567,5');
    expect(ruNumber(-5.25)).toBe('-5,25');
    expect(ruNumber(-0.0001, 1)).toBe('0');
    expect(ruNumber(Number.NaN)).toBe('—');
  });

  it('says what Intl says for ru-RU where Intl has full locale data', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (v) => {
        const rounded = Math.round(v * 1000) / 1000 || 0; // no halves to round apart, no -0
        expect(ruNumber(rounded)).toBe(rounded.toLocaleString('ru-RU'));
      }),
    );
  });
});
