import { describe, expect, it } from 'vitest';
import { ownOutcome } from '../../test/helpers/questions';
import { appealFieldsPatchSchema, APPEAL_FIELDS } from './records';

describe('synced appeal records', () => {
  it('a patch carries exactly the fields given: no schema default may add one', () => {
    // A default would put the field in every change, and LWW would then overwrite it.
    expect(appealFieldsPatchSchema.parse({ content: 'Новый текст' })).toEqual({
      content: 'Новый текст',
    });
    const parsed = appealFieldsPatchSchema.parse({ status: 'registered' });
    expect(Object.keys(parsed)).toEqual(['status']);
    expect(APPEAL_FIELDS).toContain('extensionDays');
  });

  it('refuses unknown fields and an empty patch', () => {
    expect(appealFieldsPatchSchema.safeParse({ nickname: 'x' }).success).toBe(false);
    expect(appealFieldsPatchSchema.safeParse({}).success).toBe(false);
  });

  it('carries up to twice the codes a card may have in questions: all given back, all new', () => {
    const outcome = { ...ownOutcome({ status: 'answered' }) };
    const codes = (n: number, from: number) =>
      Array.from({ length: n }, (_, i) => `0005.0005.0056.${String(from + i).padStart(4, '0')}`);
    const questions = Object.fromEntries([
      ...codes(10, 1000).map((c) => [c, null]),
      ...codes(10, 2000).map((c) => [c, outcome]),
    ]);
    expect(appealFieldsPatchSchema.safeParse({ questions }).success).toBe(true);
    const more = { ...questions, '0005.0005.0056.3000': outcome };
    expect(appealFieldsPatchSchema.safeParse({ questions: more }).success).toBe(false);
    const bad = { '0005.0005.0056.1160': { ...outcome, status: 'won' } };
    expect(appealFieldsPatchSchema.safeParse({ questions: bad }).success).toBe(false);
  });
});
