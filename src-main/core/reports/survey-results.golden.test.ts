import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyResults } from '../../../src-shared/reports/survey-results';
import { quarterPeriod } from '../../../src-shared/reports/period';
import { tempCore } from '../../../test/helpers/temp-core';

/*
 * Seed 000's questionnaire; "today" is 2026-03-20 (kiosk responses take today's date).
 * Q1 2026, by hand:
 *   K1 kiosk  q1 satisfied      q2 5  q4 speed 5, documents 4  q5 5  q6 «Больше окон»
 *   K2 kiosk  q1 satisfied      q2 4  q4 speed 4               q5 4
 *   K3 kiosk  q1 not_satisfied  q2 2  q4 speed 2, documents 2  q5 1  q6 «Долго ждать»
 *   K4 kiosk  q1 satisfied      q2 5  q4 speed 5               q5 5
 *   P1 paper 2026-02-10  q1 satisfied  q2 3  q4 speed 3               q5 3
 *   P2 paper 2026-02-11  q1 difficult  q2 4  q4 speed 4, documents 5  q5 4
 *   P3 paper 2026-01-15  q1 satisfied  q2 5  q4 speed 5               q5 5
 * Q4 2025: five paper responses with q2 = 1, 2, 3, 4, 5.
 */
const core = tempCore(() => new Date('2026-03-20T10:00:00'));
let templateId = '';

function call<T>(method: string, input: unknown): T {
  const r = core.dispatch(method, input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.result as T;
}

beforeAll(() => {
  const template = call<{ id: string; builtinKey: string | null }[]>('surveys.templates', {}).find(
    (t) => t.builtinKey === 'service-recipient-000',
  )!;
  templateId = template.id;
  const campaignId = call<{ id: string }>('surveys.saveCampaign', {
    templateId,
    title: 'Опрос',
    startsOn: '2025-01-01',
    endsOn: '2026-12-31',
    serviceIds: [],
    channels: ['kiosk', 'paper'],
    active: true,
  }).id;
  const submit = (channel: 'kiosk' | 'paper', date: string | null, answers: object) =>
    call('surveys.submit', { campaignId, serviceId: null, channel, date, answers });
  submit('kiosk', null, {
    q1: 'satisfied',
    q2: 5,
    q4: { speed: 5, documents: 4 },
    q5: 5,
    q6: 'Больше окон',
  });
  submit('kiosk', null, { q1: 'satisfied', q2: 4, q4: { speed: 4 }, q5: 4 });
  submit('kiosk', null, {
    q1: 'not_satisfied',
    q2: 2,
    q4: { speed: 2, documents: 2 },
    q5: 1,
    q6: 'Долго ждать',
  });
  submit('kiosk', null, { q1: 'satisfied', q2: 5, q4: { speed: 5 }, q5: 5 });
  submit('paper', '2026-02-10', { q1: 'satisfied', q2: 3, q4: { speed: 3 }, q5: 3 });
  submit('paper', '2026-02-11', { q1: 'difficult', q2: 4, q4: { speed: 4, documents: 5 }, q5: 4 });
  submit('paper', '2026-01-15', { q1: 'satisfied', q2: 5, q4: { speed: 5 }, q5: 5 });
  for (const [i, score] of [1, 2, 3, 4, 5].entries()) {
    submit('paper', `2025-11-${String(10 + i).padStart(2, '0')}`, { q2: score });
  }
});
afterAll(() => core.cleanup());

const results = (period = quarterPeriod(2026, 1)) =>
  call<SurveyResults>('reports.surveys', { templateId, period });

describe('survey results, golden figures', () => {
  it('distributions, means, satisfied shares, matrix rows, open answers; cells under 5 hidden', () => {
    const r = results();
    expect(r.responses).toBe(7);
    expect(r.suppressed).toBe(false);
    expect(r.byChannel).toEqual([
      { channel: 'kiosk', responses: '<5' }, // 4
      { channel: 'paper', responses: '<5' }, // 3
      { channel: 'online', responses: 0 },
    ]);
    const q = (name: string) => r.questions.find((x) => x.name === name)!;
    // q1: satisfied 5 of 7 = 71.4 %; the other two options have 1 each.
    expect(q('q1').options.map((o) => [o.value, o.count, o.share])).toEqual([
      ['satisfied', 5, 71.4],
      ['not_satisfied', '<5', null],
      ['difficult', '<5', null],
    ]);
    // q2: 5,4,2,5,3,4,5 → mean 28/7 = 4.0; 4 or 5: five of seven = 71.4 %.
    expect([q('q2').mean, q('q2').satisfiedShare, q('q2').recommend]).toEqual([4, 71.4, false]);
    expect(q('q2').options.map((o) => o.count)).toEqual(['<5', '<5', '<5', '<5', 0]);
    // q5 asks about recommending: 5,4,1,5,3,4,5 → 27/7 = 3.857… → 3.9.
    expect([q('q5').mean, q('q5').satisfiedShare, q('q5').recommend]).toEqual([3.9, 71.4, true]);
    // q4 speed answered by all 7 (mean 4.0); documents by 3: hidden.
    const rows = Object.fromEntries(q('q4').rows.map((x) => [x.value, x]));
    expect(rows.speed).toMatchObject({ answered: 7, mean: 4, satisfiedShare: 71.4 });
    expect(rows.documents).toMatchObject({ answered: '<5', mean: null, satisfiedShare: null });
    expect(rows.appointment).toMatchObject({ answered: 0, mean: null });
    // Two comments among six responses: the count reads «<5», so the texts are not shown
    // either (issue 13, point 9: open answers only where the cell is shown).
    expect(q('q6')).toMatchObject({ answered: '<5', openAnswers: [] });
    // Compared with Q4 2025: q2's mean was (1+2+3+4+5)/5 = 3.0; nobody answered q5 then.
    expect(r.previous).toMatchObject({
      period: { from: '2025-10-01', to: '2025-12-31' },
      responses: 5,
      means: { q2: 3, q5: null, 'q4.speed': null },
    });
  });

  it('with fewer than 5 responses only the total is shown', () => {
    const r = results({ from: '2026-01-01', to: '2026-02-28' }); // P1, P2, P3
    expect([r.responses, r.suppressed]).toEqual([3, true]);
    for (const question of r.questions) {
      expect(question.options.every((o) => o.count !== 1 && o.count !== 2)).toBe(true);
      expect([question.mean, question.openAnswers]).toEqual([null, []]);
    }
  });
});
