import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppealInput } from '../../../src-shared/domain/appeal';
import type { AppealMetrics, ClassifierGroups } from '../../../src-shared/reports/appeal-metrics';
import { quarterPeriod } from '../../../src-shared/reports/period';
import { appealInput } from '../../../test/helpers/appeal-input';
import { tempCore } from '../../../test/helpers/temp-core';
import { rebuildRollups } from './rollups';
import { editAppeal } from '../../../test/helpers/edit-appeal';

/*
 * A hand-built data set; every expected figure below was worked out by hand from it (see the
 * comments), not by the code under test. "Today" is 2026-04-20.
 *
 *  #  registered        kind       channel             form     answer     status / result            topics      answered
 *  1  2026-01-10 10:00  complaint  personal_reception  oral     written    answered_written supported A           2026-01-20 (10 d, due 02-09: in time)
 *  2  2026-02-01 11:00  complaint  post                written  written    answered_written refused   T           2026-03-10 (37 d, due 03-03: late)
 *  3  2026-03-25 09:00  statement  personal_reception  oral     written    answered_written explained T, A        2026-04-05 (next quarter)
 *  4  2026-03-05 12:00  complaint  email               written  redirected redirected                 F           —
 *  5  2026-03-20 15:00  proposal   personal_reception  oral     oral       answered_oral              TH (level 3), repeat
 *  6  2026-02-15 10:00  statement  personal_reception  oral     written    registered (open, due 03-17: overdue), collective of 12, A
 *  7  2025-12-30 10:00  complaint  personal_reception  oral     written    answered_written supported A           2026-01-15 (16 d, due 01-29: in time)
 *  8  2026-04-02 10:00  statement  personal_reception  oral     written    registered                 A
 */
const A = '0005.0005.0056.1160';
const T = '0003.0008.0086.0537';
const F = '0003.0008.0077.0457';
const TH = '0003.0008.0086.0000';

const core = tempCore(() => new Date('2026-04-20T09:00:00'));
const Q1 = quarterPeriod(2026, 1);

function add(officialId: string, o: Partial<AppealInput>) {
  const r = core.dispatch('appeals.create', { data: appealInput(officialId, o) });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
}

function call<T>(method: string, input: unknown): T {
  const r = core.dispatch(method, input);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.result as T;
}

beforeAll(() => {
  const o = call<{ id: string }>('officials.save', {
    fullName: 'Орлова Ольга Олеговна',
    position: 'Министр',
    active: true,
  }).id;
  const answered = (date: string, result: 'supported' | 'refused' | 'explained') => ({
    status: 'answered_written' as const,
    answerDate: date,
    result,
  });
  add(o, {
    registeredAt: '2026-01-10T10:00',
    kind: 'complaint',
    topicCodes: [A],
    ...answered('2026-01-20', 'supported'),
  });
  add(o, {
    registeredAt: '2026-02-01T11:00',
    kind: 'complaint',
    channel: 'post',
    form: 'written',
    topicCodes: [T],
    ...answered('2026-03-10', 'refused'),
  });
  add(o, {
    registeredAt: '2026-03-25T09:00',
    kind: 'statement',
    topicCodes: [T, A],
    ...answered('2026-04-05', 'explained'),
  });
  add(o, {
    registeredAt: '2026-03-05T12:00',
    kind: 'complaint',
    channel: 'email',
    form: 'written',
    answerMode: 'redirected',
    status: 'redirected',
    redirectRecipient: 'Прокуратура Владимирской области',
    redirectDate: '2026-03-06',
    topicCodes: [F],
  });
  add(o, {
    registeredAt: '2026-03-20T15:00',
    kind: 'proposal',
    answerMode: 'oral',
    oralConsent: true,
    oralAnswer: 'Разъяснен порядок',
    status: 'answered_oral',
    isRepeat: true,
    topicCodes: [TH],
  });
  add(o, {
    registeredAt: '2026-02-15T10:00',
    kind: 'statement',
    isCollective: true,
    signatoryCount: 12,
    topicCodes: [A],
  });
  add(o, {
    registeredAt: '2025-12-30T10:00',
    kind: 'complaint',
    topicCodes: [A],
    ...answered('2026-01-15', 'supported'),
  });
  add(o, { registeredAt: '2026-04-02T10:00', kind: 'statement', topicCodes: [A] });
});
afterAll(() => core.cleanup());

describe('appeal metrics, golden figures', () => {
  it('Q1 2026, every metric as worded', () => {
    const m = call<AppealMetrics>('reports.appeals', { period: Q1 });
    expect(m.appeals).toBe(6); // #1–#6; #7 is December, #8 April
    expect(m.complaints).toBe(3); // #1, #2, #4
    const ch = (c: string) => m.byChannel.find((x) => x.channel === c)!;
    // 4, 1, 1 of 6 = 66.67/16.67/16.67: tenths 666+166+166 = 998, the 2 missing go to equal
    // remainders in channel order: personal_reception, then post.
    expect(ch('personal_reception')).toMatchObject({
      appeals: 4,
      appealsShare: 66.7,
      complaints: 1,
      complaintsShare: 33.4,
    });
    expect(ch('post')).toMatchObject({
      appeals: 1,
      appealsShare: 16.7,
      complaints: 1,
      complaintsShare: 33.3,
    });
    expect(ch('email')).toMatchObject({
      appeals: 1,
      appealsShare: 16.6,
      complaints: 1,
      complaintsShare: 33.3,
    });
    expect(ch('hotline')).toMatchObject({ appeals: 0, appealsShare: 0 });
    expect(m.byChannel.reduce((s, c) => s + c.appealsShare, 0)).toBeCloseTo(100, 10);
    // Section 0003: #2, #3, #4, #5; section 0005: #1, #3, #6 (#3 counts in both).
    expect(m.topSections.map((r) => [r.code, r.appeals, r.share])).toEqual([
      ['0003.0000.0000.0000', 4, 66.7],
      ['0005.0000.0000.0000', 3, 50],
    ]);
    expect(m.topSections[0]!.title).toBe('Экономика');
    expect(m.topThemes.map((r) => [r.code, r.appeals])).toEqual([
      ['0003.0008.0000.0000', 4],
      ['0005.0005.0000.0000', 3],
    ]);
    // Answered in Q1: #1 (10 d), #7 (16 d), #2 (37 d, late). Mean 21, median 16, p90 = 3rd of 3.
    expect(m.answerTime).toEqual({
      answered: 3,
      meanDays: 21,
      medianDays: 16,
      p90Days: 37,
      inTime: 2,
      inTimeShare: 66.7,
      late: 1,
      lateShare: 33.3,
      open: 1, // #6
      overdue: 1, // #6, due 2026-03-17
    });
    expect([m.satisfiedComplaints, m.satisfiedShare]).toEqual([1, 33.3]); // #1 of 3
    expect([m.unsatisfiedComplaints, m.unsatisfiedShare]).toEqual([1, 33.3]); // #2 of 3
    expect([m.redirected, m.redirectedShare]).toEqual([1, 16.7]); // #4 of 6
    // proposal 1, statement 2, complaint 3: 166+333+500 = 999, one tenth to the largest
    // remainder (1000 mod 6 = 4 for the proposal).
    expect(m.byKind.map((k) => [k.kind, k.appeals, k.share])).toEqual([
      ['proposal', 1, 16.7],
      ['statement', 2, 33.3],
      ['complaint', 3, 50],
    ]);
    expect(m.byForm.map((k) => [k.form, k.appeals, k.share])).toEqual([
      ['oral', 4, 66.7],
      ['written', 2, 33.3],
    ]);
    // oral 1, written 4, redirected 1: 166+666+166 = 998; equal remainders, so oral and written.
    expect(m.byAnswerMode.map((k) => [k.mode, k.appeals, k.share])).toEqual([
      ['oral', 1, 16.7],
      ['written', 4, 66.7],
      ['redirected', 1, 16.6],
      ['none', 0, 0],
    ]);
    expect([m.repeat, m.repeatShare, m.collective, m.collectiveShare, m.signatories]).toEqual([
      1, 16.7, 1, 16.7, 12,
    ]);
  });

  it('Q2 2026: the appeal registered in March and answered in April counts its answer here; no complaints', () => {
    const m = call<AppealMetrics>('reports.appeals', { period: quarterPeriod(2026, 2) });
    expect(m.appeals).toBe(1); // #8
    expect(m.complaints).toBe(0);
    expect([m.satisfiedShare, m.unsatisfiedShare]).toEqual([0, 0]);
    // #3: registered 03-25, answered 04-05 = 11 days, due 04-24: in time.
    expect(m.answerTime).toMatchObject({
      answered: 1,
      meanDays: 11,
      medianDays: 11,
      p90Days: 11,
      inTime: 1,
      late: 0,
    });
    expect(m.answerTime).toMatchObject({ open: 1, overdue: 0 }); // #8, due 05-02
  });

  it('a period with no data: zeros, empty lists, no waiting time', () => {
    const m = call<AppealMetrics>('reports.appeals', { period: quarterPeriod(2026, 3) });
    expect(m.appeals).toBe(0);
    expect(m.byChannel.every((c) => c.appeals === 0 && c.appealsShare === 0)).toBe(true);
    expect(m.topSections).toEqual([]);
    expect(m.answerTime).toMatchObject({
      answered: 0,
      meanDays: null,
      medianDays: null,
      p90Days: null,
    });
  });

  it('drills down by classifier group: section → theme → topic → question', () => {
    const groups = (parent: string | null) =>
      call<ClassifierGroups>('reports.classifierGroups', { period: Q1, parent });
    const top = groups(null);
    expect(top.appeals).toBe(6);
    expect(top.groups.map((g) => [g.code, g.appeals, g.share])).toEqual([
      ['0003.0000.0000.0000', 4, 66.7],
      ['0005.0000.0000.0000', 3, 50],
    ]);
    expect(groups('0003.0000.0000.0000').groups.map((g) => [g.code, g.appeals, g.share])).toEqual([
      ['0003.0008.0000.0000', 4, 100],
    ]);
    // Theme 0003.0008: topic 0086 (#2, #3, #5) and topic 0077 (#4), of 4 appeals.
    const theme = groups('0003.0008.0000.0000');
    expect(theme.groups.map((g) => [g.code, g.title, g.appeals, g.share])).toEqual([
      ['0003.0008.0086.0000', 'Налоги и сборы', 3, 75],
      ['0003.0008.0077.0000', 'Общие положения финансовой системы', 1, 25],
    ]);
    // Topic 0086: question 0537 (#2, #3) and #5 coded at the topic itself, of 3 appeals.
    expect(groups(TH).groups.map((g) => [g.code, g.level, g.appeals, g.share])).toEqual([
      ['0003.0008.0086.0537', 4, 2, 66.7],
      [null, 4, 1, 33.3],
    ]);
  });

  it('each figure opens the list of the appeals behind it', () => {
    const total = (filter: Record<string, unknown>) =>
      call<{ total: number }>('appeals.list', { filter, offset: 0, limit: 50 }).total;
    const q1 = { from: Q1.from, to: Q1.to };
    expect(total({ ...q1, channel: 'personal_reception' })).toBe(4);
    expect(total({ ...q1, channel: 'post', kind: 'complaint' })).toBe(1);
    expect(total({ ...q1, kind: 'complaint', result: 'supported' })).toBe(1);
    expect(total({ ...q1, kind: 'complaint', result: 'refused' })).toBe(1);
    expect(total({ ...q1, answerMode: 'redirected' })).toBe(1);
    expect(total({ ...q1, section: '0003.0000.0000.0000' })).toBe(4);
    expect(total({ ...q1, topic: '0003.0008.0000.0000' })).toBe(4);
    expect(total({ ...q1, topic: TH })).toBe(3);
    expect(total({ ...q1, topic: T })).toBe(2);
    expect(total({ answeredFrom: Q1.from, answeredTo: Q1.to })).toBe(3);
    expect(total({ answeredFrom: Q1.from, answeredTo: Q1.to, late: true })).toBe(1);
    expect(total({ ...q1, open: true })).toBe(1);
    expect(total({ ...q1, overdueOnly: true })).toBe(1);
  });

  it('keeps its counts in step with edits: the roll-ups equal a rebuild from the cards', () => {
    const rollups = () =>
      ['report_appeals', 'report_topics', 'report_answers'].map((t) =>
        core.db.prepare(`SELECT * FROM ${t} WHERE n <> 0 ORDER BY 1, 2, 3`).all(),
      );
    const list = call<{ items: { id: string; registeredAt: string }[] }>('appeals.list', {
      filter: { from: '2026-02-15', to: '2026-02-15' },
      offset: 0,
      limit: 10,
    });
    // #6, open and overdue: now answered, by the hotline, coded in section 0003.
    editAppeal(core, list.items[0]!.id, {
      channel: 'hotline',
      status: 'answered_written',
      answerDate: '2026-03-10',
      topicCodes: [T],
    });
    const m = call<AppealMetrics>('reports.appeals', { period: Q1 });
    expect(m.byChannel.find((c) => c.channel === 'hotline')!.appeals).toBe(1);
    expect(m.byChannel.find((c) => c.channel === 'personal_reception')!.appeals).toBe(3);
    expect([m.answerTime.open, m.answerTime.overdue, m.answerTime.answered]).toEqual([0, 0, 4]);
    // #6 moved from section 0005 to 0003: 0003 now has 5 cards, 0005 two.
    expect(m.topSections.map((r) => [r.code, r.appeals])).toEqual([
      ['0003.0000.0000.0000', 5],
      ['0005.0000.0000.0000', 2],
    ]);
    const before = rollups();
    rebuildRollups(core.db);
    expect(rollups()).toEqual(before);
  });
});
