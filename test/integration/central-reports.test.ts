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
import { editAppeal } from '../helpers/edit-appeal';
import { rebuildRollups } from '../../src-server/db/rollups';
import { storeResponses } from '../../src-server/domain/responses';
import { randomBytes, randomUUID } from 'node:crypto';

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
    // The month roll-up each push keeps is what counting every response afresh gives.
    const survey = () =>
      c.central.db
        .selectFrom('report_survey')
        .selectAll()
        .orderBy(['office_id', 'channel', 'key', 'value'])
        .execute();
    const kept = await survey();
    // Three «5» answers in February (two at MIN01, one at MIN02), none elsewhere.
    const fives = kept.filter((r) => r.key === 'q2' && r.value === '5');
    expect(fives.map((r) => r.month)).toEqual(['2026-02', '2026-02']);
    expect(fives.reduce((s, r) => s + Number(r.n), 0)).toBe(3);
    await rebuildRollups(c.central.db);
    expect(await survey()).toEqual(kept);
    const region = await get<SurveyResults>(`/v1/admin/reports/surveys?${q}`);
    expect([region.responses, region.suppressed]).toEqual([9, false]);
    const q2 = region.questions.find((x) => x.name === 'q2')!;
    // 5,5,4,4,2,1 and 3,4,5: mean 33/9 = 3.7; 4 or 5: six of nine = 66.7 %.
    expect([q2.mean, q2.satisfiedShare]).toEqual([3.7, 66.7]);
    expect(q2.options.map((o) => o.count)).toEqual(['<5', '<5', '<5', '<5', '<5']);
  });

  it('the roll-ups follow every edit from two desks: kept by pushes, they equal a rebuild', async () => {
    const c = await startCentral({ databaseUrl: pg.databaseUrl(backend) });
    cleanups.push(() => c.close());
    const a = startDesk({ now });
    const b = startDesk({ now });
    cleanups.push(
      () => a.cleanup(),
      () => b.cleanup(),
    );
    await enroll(c, a, 'MIN01');
    await enroll(c, b, 'MIN01'); // the same office: b pulls a's cards and edits them too
    fill(a, 4);
    await a.services.sync.syncNow();
    await b.services.sync.syncNow();
    const ids = (d: Desk) =>
      d.db.prepare('SELECT id FROM appeals ORDER BY registered_at').pluck().all() as string[];
    const [old, complaint, , redirected, open1, open2, open3] = ids(a);
    // a: an open card answered late, an outcome changed, the codes replaced, a collective one
    editAppeal(a, open1!, {
      status: 'answered_written',
      answerDate: '2026-04-25',
      result: 'explained',
    });
    editAppeal(a, complaint!, { result: 'supported' });
    editAppeal(a, open2!, { topicCodes: ['0001.0001.0001.0001'] });
    editAppeal(a, open3!, { isCollective: true, signatoryCount: 12 });
    // b, on the same cards and others, before seeing a's edits: LWW decides field by field
    editAppeal(b, complaint!, { channel: 'email' });
    editAppeal(b, open2!, { topicCodes: ['0003.0008.0086.0537', '0005.0005.0056.1160'] });
    editAppeal(b, redirected!, { isRepeat: true });
    editAppeal(b, old!, { answerDate: '2026-01-16' });
    await a.services.sync.syncNow();
    await b.services.sync.syncNow();
    await a.services.sync.syncNow();
    const rows = async () => {
      const read = (table: 'report_appeals' | 'report_topics' | 'report_answers') =>
        c.central.db
          .selectFrom(table)
          .selectAll()
          .execute()
          .then((r) => r.map((x) => JSON.stringify(Object.values(x).map((v) => String(v)))).sort());
      return {
        appeals: await read('report_appeals'),
        topics: await read('report_topics'),
        answers: await read('report_answers'),
      };
    };
    const kept = await rows();
    expect(kept.appeals.length).toBeGreaterThan(3);
    // No cell left at zero by the edits, and the same cells as counted afresh from the cards.
    expect(kept.appeals.some((r) => r.includes('"0","0"]'))).toBe(false);
    await rebuildRollups(c.central.db);
    expect(await rows()).toEqual(kept);
    // Both desks and the central agree on the office's figures after the merge.
    const { get } = await adminReader(c);
    const central = await get<AppealMetrics>(
      `/v1/admin/reports/appeals?from=${Q1.from}&to=${Q1.to}&office=MIN01`,
    );
    const today = new Date().toISOString().slice(0, 10);
    for (const d of [a, b]) {
      const local = ok<AppealMetrics>(d.dispatch('reports.appeals', { period: Q1 }));
      expect(withoutTitles({ ...central, asOf: today })).toEqual(
        withoutTitles({ ...local, asOf: today }),
      );
    }
    expect(central.signatories).toBe(12);
    expect(central.byChannel.find((x) => x.channel === 'email')!.appeals).toBe(2);
  });

  it('a comment of 20,000 characters or a matrix row named with 5,000 is counted, not a failed push', async () => {
    const c = await startCentral({ databaseUrl: pg.databaseUrl(backend) });
    cleanups.push(() => c.close());
    await c.offices.createOffice('MIN01', 'Орган');
    const office = (await c.offices.listOffices())[0]!.id;
    const templateId = randomUUID();
    // Random letters: PostgreSQL would compress a repeated phrase under its index limit.
    const letters = (n: number) =>
      [...randomBytes(n)].map((b) => 'абвгдежзийклмнопрстуфхцчшщыэюя ,.'[b % 33]).join('');
    const long = letters(20_000);
    const row = letters(5_000);
    const response = () => ({
      id: randomUUID(),
      templateId,
      campaignId: null,
      serviceId: null,
      channel: 'kiosk',
      office: 'D1',
      responseDate: '2026-02-10',
      complete: true,
      answers: { q6: long, q4: { [row]: 5 } },
    });
    const stored = await c.central.db
      .transaction()
      .execute((tx) => storeResponses(tx, office, [response(), response()]));
    expect([stored.applied, stored.refused]).toEqual([2, []]);
    const cells = await c.central.db
      .selectFrom('report_survey')
      .select(['key', 'value', 'n'])
      .where('template_id', '=', templateId)
      .execute();
    expect(cells.find((x) => x.key === 'q6' && x.value === long)?.n).toBe(2);
    expect(cells.find((x) => x.key === `q4.${row}` && x.value === '5')?.n).toBe(2);
  });
});
