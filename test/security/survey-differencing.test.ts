import { afterAll, describe, expect, it } from 'vitest';
import { isWholeMonths, previousMonths, wholeMonthsAround } from '../../src-shared/reports/period';
import { tempCore } from '../helpers/temp-core';

/**
 * Point 9: survey results only for whole calendar months, so that results of 1–3 March minus
 * those of 1–2 March cannot isolate one day's answers.
 */
const core = tempCore(() => new Date('2026-04-20T09:00:00'));
afterAll(() => core.cleanup());
const templateId = () =>
  (
    core.dispatch('surveys.templates', {}) as { result: { id: string; builtinKey: string }[] }
  ).result.find((t) => t.builtinKey === 'service-recipient-000')!.id;

describe('survey periods', () => {
  it('are whole months, quarters, years or runs of months, nothing else', () => {
    for (const p of [
      { from: '2026-02-01', to: '2026-02-28' },
      { from: '2024-02-01', to: '2024-02-29' },
      { from: '2026-01-01', to: '2026-03-31' },
      { from: '2025-11-01', to: '2026-02-28' },
      { from: '2026-01-01', to: '2026-12-31' },
    ]) {
      expect(isWholeMonths(p), JSON.stringify(p)).toBe(true);
    }
    for (const p of [
      { from: '2026-03-01', to: '2026-03-03' },
      { from: '2026-03-02', to: '2026-03-31' },
      { from: '2026-02-01', to: '2026-02-27' },
      { from: '2025-02-01', to: '2025-02-29' },
      { from: '2026-03-01', to: '2026-02-28' },
    ]) {
      expect(isWholeMonths(p), JSON.stringify(p)).toBe(false);
    }
    expect(wholeMonthsAround({ from: '2026-03-02', to: '2026-04-03' })).toEqual({
      from: '2026-03-01',
      to: '2026-04-30',
    });
    expect(previousMonths({ from: '2026-01-01', to: '2026-03-31' })).toEqual({
      from: '2025-10-01',
      to: '2025-12-31',
    });
    expect(previousMonths({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
  });

  it('are refused by the desk when they are not whole months', () => {
    const id = templateId();
    for (const period of [
      { from: '2026-03-01', to: '2026-03-03' },
      { from: '2026-03-01', to: '2026-03-02' },
    ]) {
      expect(core.dispatch('reports.surveys', { templateId: id, period })).toMatchObject({
        ok: false,
        error: { code: 'validation', issues: [{ message: 'whole_months' }] },
      });
    }
    expect(
      core.dispatch('reports.surveys', {
        templateId: id,
        period: { from: '2026-03-01', to: '2026-03-31' },
      }),
    ).toMatchObject({ ok: true });
  });
});
