import { afterEach, describe, expect, it } from 'vitest';
import type { AppealMetrics } from '../../src-shared/reports/appeal-metrics';
import type { SurveyResults } from '../../src-shared/reports/survey-results';
import { quarterPeriod } from '../../src-shared/reports/period';
import { appealInput } from '../helpers/appeal-input';
import {
  enroll,
  officialOf,
  ok,
  startCentral,
  startDesk,
  type Central,
  type Desk,
} from '../helpers/central';
import { postgresForTests } from '../helpers/postgres';

const pg = postgresForTests();
const { backends } = pg;
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const Q1 = quarterPeriod(2026, 1);
const now = () => new Date('2026-04-20T09:00:00');

/** A desk's cards of Q1 2026: a mix of channels, kinds, results, answers and topics. */
function fill(d: Desk, variant: number) {
  const o = officialOf(d);
  const add = (x: object) => ok(d.dispatch('appeals.create', { data: appealInput(o, x as never) }));
  add({
    registeredAt: '2026-01-10T10:00',
    kind: 'complaint',
    status: 'answered_written',
    answerDate: '2026-01-20',
    result: 'supported',
  });
  add({
    registeredAt: '2026-02-01T11:00',
    kind: 'complaint',
    channel: 'post',
    form: 'written',
    status: 'answered_written',
    answerDate: '2026-03-10',
    result: 'refused',
    topicCodes: ['0003.0008.0086.0537'],
  });
  add({
    registeredAt: '2026-03-05T12:00',
    kind: 'statement',
    channel: 'email',
    answerMode: 'redirected',
    status: 'redirected',
    redirectRecipient: 'Прокуратура',
    redirectDate: '2026-03-06',
  });
  for (let i = 0; i < variant; i++) {
    add({
      registeredAt: `2026-03-1${i}T09:00`,
      kind: 'proposal',
      isRepeat: i % 2 === 0,
      topicCodes: ['0003.0008.0086.0000', '0005.0005.0056.1160'],
    });
  }
  add({
    registeredAt: '2025-12-30T10:00',
    kind: 'complaint',
    status: 'answered_written',
    answerDate: '2026-01-15',
    result: 'supported',
  });
}

/** GET as the region's analyst (an administrator's key); every answer must be 200. */
async function adminReader(c: Central) {
  const { token } = await c.offices.createAdmin('Аналитик');
  const get = async <T>(path: string) => {
    const res = await fetch(`${c.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  return { get, token };
}

const withoutTitles = (m: AppealMetrics) => ({
  ...m,
  topSections: m.topSections.map(({ title: _t, ...r }) => r),
  topThemes: m.topThemes.map(({ title: _t, ...r }) => r),
});

describe.each(backends)('central reports on %s', (backend) => {
  it('per office the central counts exactly what each desk counts; the region is their sum', async () => {
    const c = await startCentral({ databaseUrl: pg.databaseUrl(backend) });
    cleanups.push(() => c.close());
    const a = startDesk({ now });
    const b = startDesk({ now });
    cleanups.push(
      () => a.cleanup(),
      () => b.cleanup(),
    );
    await enroll(c, a, 'MIN01');
    await enroll(c, b, 'MIN02');
    await c.offices.createOffice('MIN03', 'Орган без данных');
    fill(a, 3);
    fill(b, 5);
    await a.services.sync.syncNow();
    await b.services.sync.syncNow();
    const { get, token } = await adminReader(c);
    const q = `from=${Q1.from}&to=${Q1.to}`;
    const today = new Date().toISOString().slice(0, 10);
    for (const [desk, office] of [
      [a, 'MIN01'],
      [b, 'MIN02'],
    ] as const) {
      const central = await get<AppealMetrics>(`/v1/admin/reports/appeals?${q}&office=${office}`);
      const local = ok<AppealMetrics>(desk.dispatch('reports.appeals', { period: Q1 }));
      expect(withoutTitles({ ...central, asOf: today })).toEqual(
        withoutTitles({ ...local, asOf: today }),
      );
    }
    const region = await get<AppealMetrics>(`/v1/admin/reports/appeals?${q}`);
    expect(region.appeals).toBe(6 + 8); // 3 + 3 and 3 + 5 cards of Q1
    expect(region.complaints).toBe(4);
    const byOffice = await get<{ office: string; metrics: AppealMetrics }[]>(
      `/v1/admin/reports/offices?${q}`,
    );
    expect(byOffice.map((o) => [o.office, o.metrics.appeals])).toEqual([
      ['MIN01', 6],
      ['MIN02', 8],
      ['MIN03', 0],
    ]);
    // An office with no data: zeros and empty lists, no waiting time, no division by zero.
    const empty = byOffice[2]!.metrics;
    expect([empty.complaints, empty.satisfiedShare, empty.redirectedShare]).toEqual([0, 0, 0]);
    expect(empty.topSections).toEqual([]);
    expect(empty.answerTime).toMatchObject({ answered: 0, meanDays: null, p90Days: null });
    const bad = await fetch(`${c.url}/v1/admin/reports/appeals?from=2026-04-01&to=2026-01-01`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bad.status).toBe(400);
  });

  it('survey results: per office as the desk shows them, the region adds the offices up', async () => {
    const c = await startCentral({ databaseUrl: pg.databaseUrl(backend) });
    cleanups.push(() => c.close());
    const a = startDesk({ now });
    const b = startDesk({ now });
    cleanups.push(
      () => a.cleanup(),
      () => b.cleanup(),
    );
    await enroll(c, a, 'MIN01');
    await enroll(c, b, 'MIN02');
    const templateId = ok<{ id: string; builtinKey: string | null }[]>(
      a.dispatch('surveys.templates', {}),
    ).find((t) => t.builtinKey === 'service-recipient-000')!.id;
    const answer = (d: Desk, scores: number[]) => {
      const campaignId = ok<{ id: string }>(
        d.dispatch('surveys.saveCampaign', {
          templateId,
          title: 'Опрос',
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
          serviceIds: [],
          channels: ['paper'],
          active: true,
        }),
      ).id;
      scores.forEach((q2, i) =>
        ok(
          d.dispatch('surveys.submit', {
            campaignId,
            serviceId: null,
            channel: 'paper',
            date: `2026-02-${String(10 + i).padStart(2, '0')}`,
            answers: { q1: q2 >= 4 ? 'satisfied' : 'not_satisfied', q2 },
          }),
        ),
      );
    };
    answer(a, [5, 5, 4, 4, 2, 1]); // six: shown
    answer(b, [3, 4, 5]); // three: only the total
    await a.services.sync.syncNow();
    await b.services.sync.syncNow();
    const { get } = await adminReader(c);
    const q = `templateId=${templateId}&from=${Q1.from}&to=${Q1.to}`;
    for (const [desk, office] of [
      [a, 'MIN01'],
      [b, 'MIN02'],
    ] as const) {
      const central = await get<SurveyResults>(`/v1/admin/reports/surveys?${q}&office=${office}`);
      const local = ok<SurveyResults>(desk.dispatch('reports.surveys', { templateId, period: Q1 }));
      expect(central).toEqual(local);
    }
    const region = await get<SurveyResults>(`/v1/admin/reports/surveys?${q}`);
    expect([region.responses, region.suppressed]).toEqual([9, false]);
    const q2 = region.questions.find((x) => x.name === 'q2')!;
    // 5,5,4,4,2,1 and 3,4,5: mean 33/9 = 3.7; 4 or 5: six of nine = 66.7 %.
    expect([q2.mean, q2.satisfiedShare]).toEqual([3.7, 66.7]);
    expect(q2.options.map((o) => o.count)).toEqual(['<5', '<5', '<5', '<5', '<5']);
  });
});
