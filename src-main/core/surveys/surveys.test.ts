import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Output } from '../../../src-shared/contract/api';
import type { CallResult } from '../../../src-shared/contract/errors';
import { tempCore } from '../../../test/helpers/temp-core';

let core: ReturnType<typeof tempCore>;
let clock = new Date('2026-03-10T07:41:23Z');

function ok<T>(r: CallResult<unknown>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.result as T;
}
const builtin = () =>
  ok<Output<'surveys.templates'>>(core.dispatch('surveys.templates', {})).find(
    (t) => t.builtinKey === 'service-satisfaction-003',
  )!;
const campaign = (templateId: string, extra = {}) =>
  ok<Output<'surveys.saveCampaign'>>(
    core.dispatch('surveys.saveCampaign', {
      templateId,
      title: 'Март 2026',
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
      serviceIds: [],
      channels: ['kiosk', 'paper'],
      active: true,
      ...extra,
    }),
  );
const ANSWERS = { q3: 5, q4: 'mfc', q5: 3, q7: 'provided', q8: 'satisfied', q13: 'female' };

beforeEach(() => {
  clock = new Date('2026-03-10T07:41:23Z');
  core = tempCore(() => clock);
  core.dispatch('settings.setDeskCode', { deskCode: 'MIN01' });
});
afterEach(() => core.cleanup());

describe('questionnaire templates', () => {
  it('ships seed 003 as a published template, loaded once', () => {
    expect(builtin()).toMatchObject({ version: 1, status: 'published', responses: 0 });
    expect(ok<unknown[]>(core.dispatch('surveys.templates', {})).length).toBeGreaterThanOrEqual(1);
  });

  it('turns an edit of a published version into the next version, a draft', () => {
    const v1 = ok<Output<'surveys.template'>>(
      core.dispatch('surveys.template', { id: builtin().id }),
    );
    const edited = { ...v1.definition, title: 'Оценка (ред. 2)' };
    const v2 = ok<Output<'surveys.template'>>(
      core.dispatch('surveys.saveTemplate', { templateId: v1.id, definition: edited }),
    );
    expect([v2.version, v2.status, v2.familyId]).toEqual([2, 'draft', v1.familyId]);
    const again = ok<Output<'surveys.template'>>(
      core.dispatch('surveys.saveTemplate', {
        templateId: v1.id,
        definition: { ...edited, title: 'Оценка (ред. 3)' },
      }),
    );
    expect([again.id, again.title]).toEqual([v2.id, 'Оценка (ред. 3)']);
    ok(core.dispatch('surveys.publishTemplate', { id: v2.id }));
    const v1After = ok<Output<'surveys.template'>>(
      core.dispatch('surveys.template', { id: v1.id }),
    );
    expect(v1After.status).toBe('archived');
    expect(v1After.definition).toEqual(v1.definition);
  });

  it('refuses a broken definition with the question it is about', () => {
    const v1 = ok<Output<'surveys.template'>>(
      core.dispatch('surveys.template', { id: builtin().id }),
    );
    const broken = structuredClone(v1.definition);
    broken.pages[0]!.elements[4]!.visibleIf = "{q99} = 'x'";
    expect(
      core.dispatch('surveys.saveTemplate', { templateId: v1.id, definition: broken }),
    ).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ message: 'survey_logic_ref', path: 'q5' }] },
    });
  });

  it('duplicates a template as a new questionnaire', () => {
    const copy = ok<Output<'surveys.template'>>(
      core.dispatch('surveys.duplicateTemplate', { id: builtin().id }),
    );
    expect([copy.version, copy.status, copy.familyId === builtin().familyId]).toEqual([
      1,
      'draft',
      false,
    ]);
  });

  it('runs campaigns only on published templates', () => {
    const copy = ok<Output<'surveys.template'>>(
      core.dispatch('surveys.duplicateTemplate', { id: builtin().id }),
    );
    expect(
      core.dispatch('surveys.saveCampaign', {
        templateId: copy.id,
        title: 'x',
        startsOn: '2026-03-01',
        endsOn: '2026-03-31',
        serviceIds: [],
        channels: ['kiosk'],
        active: true,
      }),
    ).toMatchObject({ ok: false, error: { issues: [{ message: 'template_not_published' }] } });
  });
});

describe('anonymous responses', () => {
  it('stores the date only, a random v4 key, no time, no person, and drops skipped answers', () => {
    const c = campaign(builtin().id);
    const result = core.dispatch('surveys.submit', {
      campaignId: c.id,
      serviceId: null,
      channel: 'kiosk',
      date: null,
      answers: ANSWERS,
    });
    expect(result).toEqual({ ok: true, result: {} });
    const rows = core.db.prepare('SELECT * FROM survey_responses').all() as Record<
      string,
      unknown
    >[];
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(Object.keys(row).sort()).toEqual(
      [
        // The agreement words: a hash of the response's own fields, computed once it is sent
        // (docs/sync.md «Kept words»), nothing more.
        'agree_0',
        'agree_1',
        'agree_2',
        'agree_3',
        'answers',
        'campaign_id',
        'channel',
        'complete',
        'id',
        'office',
        // Whether the central server has it yet: a flag, not a time (docs/anonymity.md).
        'pushed',
        'response_date',
        'service_id',
        'template_id',
      ].sort(),
    );
    expect(row.response_date).toBe('2026-03-10');
    expect(String(row.id)[14]).toBe('4');
    expect(JSON.stringify(row)).not.toMatch(/07:41|T\d\d:/);
    // q4 = mfc jumps to 6 (q5 dropped); q7 = provided jumps to 9 (q8 dropped).
    expect(JSON.parse(String(row.answers))).toEqual({
      q3: 5,
      q4: 'mfc',
      q7: 'provided',
      q13: 'female',
    });
    expect(row.office).toBe('MIN01');
  });

  it('refuses a wrong answer, a closed campaign and a future paper date, writing nothing', () => {
    const c = campaign(builtin().id);
    const submit = (extra: object) =>
      core.dispatch('surveys.submit', {
        campaignId: c.id,
        serviceId: null,
        channel: 'paper',
        date: null,
        answers: ANSWERS,
        ...extra,
      });
    expect(submit({ answers: { q3: 7 } })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'q3', message: 'answer_choice' }] },
    });
    expect(submit({ answers: { q2: 'gosuslugi' } })).toMatchObject({
      ok: false,
      error: { issues: [{ message: 'answer_invalid' }] },
    });
    expect(submit({ date: '2026-03-11' })).toMatchObject({
      ok: false,
      error: { issues: [{ message: 'date_in_future' }] },
    });
    clock = new Date('2026-04-02T10:00:00Z');
    expect(submit({})).toMatchObject({
      ok: false,
      error: { issues: [{ message: 'campaign_closed' }] },
    });
    expect(core.db.prepare('SELECT count(*) FROM survey_responses').pluck().get()).toBe(0);
  });

  it('takes a paper form with the date written on it', () => {
    const c = campaign(builtin().id);
    ok(
      core.dispatch('surveys.submit', {
        campaignId: c.id,
        serviceId: null,
        channel: 'paper',
        date: '2026-03-02',
        answers: ANSWERS,
      }),
    );
    expect(core.db.prepare('SELECT channel, response_date FROM survey_responses').get()).toEqual({
      channel: 'paper',
      response_date: '2026-03-02',
    });
  });

  it('keeps a walked-away kiosk response only as partial and only from the kiosk', () => {
    const c = campaign(builtin().id);
    ok(
      core.dispatch('surveys.submit', {
        campaignId: c.id,
        serviceId: null,
        channel: 'kiosk',
        date: null,
        answers: { q3: 4 },
        partial: true,
      }),
    );
    expect(core.db.prepare('SELECT complete FROM survey_responses').pluck().get()).toBe(0);
    expect(
      core.dispatch('surveys.submit', {
        campaignId: c.id,
        serviceId: null,
        channel: 'paper',
        date: null,
        answers: {},
        partial: true,
      }).ok,
    ).toBe(false);
  });

  it('counts responses per template version', () => {
    const c = campaign(builtin().id);
    ok(
      core.dispatch('surveys.submit', {
        campaignId: c.id,
        serviceId: null,
        channel: 'kiosk',
        date: null,
        answers: ANSWERS,
      }),
    );
    expect(builtin().responses).toBe(1);
  });
});

describe('kiosk settings', () => {
  it('checks the exit PIN against a salted hash and locks out after five wrong ones', () => {
    expect(ok<{ ok: boolean }>(core.dispatch('kiosk.verifyPin', { pin: '1234' })).ok).toBe(false);
    ok(core.dispatch('kiosk.saveSettings', { idleSeconds: 30, keepPartial: false, pin: '246810' }));
    expect(
      core.db.prepare("SELECT value FROM settings WHERE key = 'kiosk_pin'").pluck().get(),
    ).not.toContain('246810');
    expect(ok<{ ok: boolean }>(core.dispatch('kiosk.verifyPin', { pin: '246810' })).ok).toBe(true);
    for (let i = 0; i < 5; i++) core.dispatch('kiosk.verifyPin', { pin: '0000' });
    expect(core.dispatch('kiosk.verifyPin', { pin: '246810' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    clock = new Date(clock.getTime() + 61_000);
    expect(ok<{ ok: boolean }>(core.dispatch('kiosk.verifyPin', { pin: '246810' })).ok).toBe(true);
  });

  it('gives the kiosk today’s campaigns with their forms', () => {
    campaign(builtin().id);
    campaign(builtin().id, { title: 'Только бумага', channels: ['paper'] });
    const state = ok<Output<'kiosk.state'>>(core.dispatch('kiosk.state', { channel: 'kiosk' }));
    expect(state.campaigns.map((c) => c.campaign.title)).toEqual(['Март 2026']);
    expect(state.campaigns[0]!.definition.pages[0]!.elements).toHaveLength(15);
    expect(state.settings).toEqual({ idleSeconds: 60, keepPartial: false, pinSet: false });
  });

  it('runs a campaign limited to some desks only there, and refuses its responses elsewhere', () => {
    const here = campaign(builtin().id, { title: 'Здесь', deskCodes: ['min01', 'MIN02'] });
    const there = campaign(builtin().id, { title: 'Там', deskCodes: ['MIN02'] });
    expect([here.deskCodes, there.deskCodes]).toEqual([['MIN01', 'MIN02'], ['MIN02']]);
    const titles = (channel: 'kiosk' | 'paper') =>
      ok<Output<'kiosk.state'>>(core.dispatch('kiosk.state', { channel })).campaigns.map(
        (c) => c.campaign.title,
      );
    expect(titles('kiosk')).toEqual(['Здесь']);
    expect(titles('paper')).toEqual(['Здесь']);
    const refused = core.dispatch('surveys.submit', {
      campaignId: there.id,
      serviceId: null,
      channel: 'kiosk',
      date: null,
      answers: ANSWERS,
    });
    expect(refused.ok ? [] : refused.error.issues).toEqual([
      { path: 'campaignId', message: 'campaign_desk' },
    ]);
    expect(core.db.prepare('SELECT count(*) FROM survey_responses').pluck().get()).toBe(0);
    const bad = core.dispatch('surveys.saveCampaign', {
      templateId: builtin().id,
      title: 'X',
      startsOn: '2026-03-01',
      endsOn: '2026-03-31',
      serviceIds: [],
      deskCodes: ['не код'],
      channels: ['kiosk'],
      active: true,
    });
    expect(bad.ok ? null : bad.error.issues?.[0]?.message).toBe('desk_code');
  });
});
