import { describe, expect, it } from 'vitest';
import { appealInputSchema, type Appeal } from '../../../src-shared/domain/appeal';
import { emptyForm, fromAppeal, fromDraft } from './form-state';

const stored: Appeal = {
  ...appealInputSchema.parse({
    ...emptyForm(new Date(2026, 2, 1, 10, 0)),
    officialId: '6f1c2b8e-4a51-4c1e-9a57-0c2f4a8b9d10',
    visitorName: 'Иванова А. С.',
    content: 'Яма на дороге',
    topicCodes: ['0005.0005.0056.1160'],
    answerMode: null,
  }),
  id: '11111111-1111-4111-8111-111111111111',
  regNumber: 'MIN01-2026-000001',
  deskCode: 'MIN01',
  dueDate: '2026-03-31',
  overdue: false,
  createdAt: '2026-03-01T05:00:00.000Z',
  updatedAt: '2026-03-01T05:00:00.000Z',
};

describe('card form state', () => {
  it('starts as a registered oral appeal at a personal reception, due in writing', () => {
    const form = emptyForm(new Date(2026, 2, 1, 9, 5));
    expect(form).toMatchObject({
      registeredAt: '2026-03-01T09:05',
      channel: 'personal_reception',
      form: 'oral',
      answerMode: 'written',
      status: 'registered',
    });
  });

  it('shows empty text as "" but keeps an unset choice unset', () => {
    const form = fromAppeal(stored);
    expect(form.visitorAddress).toBe('');
    expect(form.answerMode).toBeNull();
    expect(form.result).toBeNull();
    expect(appealInputSchema.parse(form)).toEqual(appealInputSchema.parse(stored));
  });

  it('restores a draft from an older build, filling missing fields and dropping wrong types', () => {
    const form = fromDraft({ visitorName: 'Петров', isRepeat: 'yes', unknown: 1, serviceId: null });
    expect(form.visitorName).toBe('Петров');
    expect(form.isRepeat).toBe(false);
    expect(form).not.toHaveProperty('unknown');
    expect(form.topicCodes).toEqual([]);
  });
});
