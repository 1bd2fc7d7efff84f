import { describe, expect, it } from 'vitest';
import { daysLeft, dueDateFor, isOverdue } from './deadlines';

describe('due dates (59-FZ)', () => {
  it('gives a written answer 30 calendar days after the registration day', () => {
    expect(dueDateFor('2026-03-01T10:00', 'written')).toBe('2026-03-31');
    expect(dueDateFor('2026-01-31T23:59', 'written')).toBe('2026-03-02');
  });

  it('crosses years and leap days', () => {
    expect(dueDateFor('2026-12-15T09:00', 'written')).toBe('2027-01-14');
    expect(dueDateFor('2028-02-10T09:00', 'written')).toBe('2028-03-11');
  });

  it('does not move a deadline that falls on a weekend', () => {
    // 2026-03-28 is a Saturday.
    expect(dueDateFor('2026-02-26T12:00', 'written')).toBe('2026-03-28');
  });

  it('gives 7 days to redirect by jurisdiction and none for an oral answer', () => {
    expect(dueDateFor('2026-03-01T10:00', 'redirected')).toBe('2026-03-08');
    expect(dueDateFor('2026-03-01T10:00', 'oral')).toBeNull();
  });

  it('extends a written answer by up to 30 days; a redirection or oral answer has no extension', () => {
    expect(dueDateFor('2026-03-01T10:00', 'written', 30)).toBe('2026-04-30');
    expect(dueDateFor('2026-03-01T10:00', 'written', 5)).toBe('2026-04-05');
    expect(dueDateFor('2026-03-01T10:00', 'redirected', 30)).toBe('2026-03-08');
    expect(daysLeft('2026-04-05', '2026-04-01')).toBe(4);
    expect(daysLeft('2026-04-05', '2026-04-07')).toBe(-2);
  });

  it('treats a card with no answer mode yet as due in writing', () => {
    expect(dueDateFor('2026-03-01T10:00', null)).toBe('2026-03-31');
  });

  it('is overdue only after the due day and only while the answer is pending', () => {
    expect(isOverdue('2026-03-31', 'registered', '2026-03-31')).toBe(false);
    expect(isOverdue('2026-03-31', 'registered', '2026-04-01')).toBe(true);
    expect(isOverdue('2026-03-31', 'in_progress', '2026-04-01')).toBe(true);
    expect(isOverdue('2026-03-31', 'answered_written', '2026-04-01')).toBe(false);
    expect(isOverdue(null, 'registered', '2030-01-01')).toBe(false);
  });
});
