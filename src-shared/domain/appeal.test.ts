import { describe, expect, it } from 'vitest';
import { issuesFromZod } from '../contract/errors';
import { appealInputSchema } from './appeal';
import { appealInput } from '../../test/helpers/appeal-input';

const OFFICIAL = '6f1c2b8e-4a51-4c1e-9a57-0c2f4a8b9d10';

function issues(overrides: Parameters<typeof appealInput>[1]) {
  const result = appealInputSchema.safeParse(appealInput(OFFICIAL, overrides));
  return result.success ? [] : issuesFromZod(result.error);
}

describe('reception card validation', () => {
  it('accepts a complete card and turns empty text into null', () => {
    const parsed = appealInputSchema.parse(appealInput(OFFICIAL, { visitorAddress: '  ' }));
    expect(parsed.visitorAddress).toBeNull();
  });

  it('names every missing required field with an i18n key', () => {
    const found = issues({ content: ' ', visitorName: '', officialId: null, topicCodes: [] });
    expect(found).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'content', message: 'required' }),
        expect.objectContaining({ path: 'visitorName', message: 'required' }),
        expect.objectContaining({ path: 'officialId', message: 'required' }),
        expect.objectContaining({ path: 'topicCodes', message: 'topics_required' }),
      ]),
    );
  });

  it('reports text over the limit with the limit', () => {
    const [issue] = issues({ visitorName: 'я'.repeat(201) });
    expect(issue).toMatchObject({ path: 'visitorName', message: 'too_long', params: { max: 200 } });
  });

  it('refuses a malformed e-mail and phone', () => {
    expect(issues({ visitorEmail: 'anna@' })).toEqual([
      expect.objectContaining({ path: 'visitorEmail', message: 'invalid_email' }),
    ]);
    expect(issues({ visitorPhone: 'звоните' })[0]?.message).toBe('invalid_phone');
  });

  it('requires the organisation and representative for an organisation', () => {
    const found = issues({ applicantType: 'organisation', visitorName: null });
    expect(found.map((i) => i.path).sort()).toEqual(['organisationName', 'representativeName']);
  });

  it('requires consent and a brief answer for an oral answer', () => {
    expect(issues({ answerMode: 'oral', status: 'answered_oral' }).map((i) => i.message)).toEqual([
      'consent_required',
      'required',
    ]);
    expect(
      issues({
        answerMode: 'oral',
        oralConsent: true,
        oralAnswer: 'Разъяснено',
        status: 'answered_oral',
      }),
    ).toEqual([]);
  });

  it('refuses an oral answer to a written appeal', () => {
    expect(issues({ form: 'written', answerMode: 'oral', oralConsent: true })[0]?.message).toBe(
      'oral_for_written',
    );
  });

  it('requires the recipient of a redirection and the date once redirected', () => {
    expect(issues({ answerMode: 'redirected', status: 'redirected' }).map((i) => i.path)).toEqual([
      'redirectRecipient',
      'redirectDate',
    ]);
  });

  it('refuses dates before registration and malformed codes', () => {
    expect(issues({ answerDate: '2026-02-01' })[0]?.message).toBe('before_registration');
    expect(issues({ topicCodes: ['5.5'] })[0]).toMatchObject({
      path: 'topicCodes.0',
      message: 'invalid_code',
    });
    expect(issues({ registeredAt: '2026-02-30T10:00' })[0]?.message).toBe('invalid_datetime');
  });

  it('needs at least two signatories on a collective appeal', () => {
    expect(issues({ isCollective: true, signatoryCount: 1 })[0]?.message).toBe('min_signatories');
  });
});
