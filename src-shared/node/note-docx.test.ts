import { describe, expect, it } from 'vitest';
import type { AppealMetrics } from '../reports/appeal-metrics';
import { keyFigures } from './note-docx';

describe('the information note', () => {
  it('writes its figures in Russian form: a decimal comma and grouped thousands', () => {
    // The figures keyFigures reads; the rest of the metrics do not enter the sentence.
    const m = {
      appeals: 12345,
      complaints: 6,
      satisfiedComplaints: 1,
      satisfiedShare: 16.7,
      unsatisfiedComplaints: 5,
      unsatisfiedShare: 83.3,
      redirected: 1234,
      redirectedShare: 10,
      answerTime: { inTimeShare: 66.7 },
    } as unknown as AppealMetrics;
    const text = keyFigures(m);
    expect(text).toContain('поступило 12\u00a0345 обращений');
    expect(text).toContain('Доля удовлетворенных жалоб — 16,7 % (1)');
    expect(text).toContain('неудовлетворенных — 83,3 % (5)');
    expect(text).toContain('Перенаправлено по компетенции — 10 % (1\u00a0234)');
    expect(text).toContain('в срок дано 66,7 % ответов');
    expect(text).not.toMatch(/\d\.\d/);
  });
});
