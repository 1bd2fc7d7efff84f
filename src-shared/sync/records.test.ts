import { describe, expect, it } from 'vitest';
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
});
