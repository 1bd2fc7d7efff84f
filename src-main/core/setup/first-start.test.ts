import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../index';
import { DEFAULT_CAMPAIGN_ID } from '../surveys/campaigns';
import type { Output } from '../../../src-shared/contract/api';
import { ok, officialOf } from '../../../test/helpers/core-calls';
import { RESOURCES, tempCore } from '../../../test/helpers/temp-core';

const cores: ReturnType<typeof tempCore>[] = [];
const fresh = (now = () => new Date('2026-11-27T07:00:00Z')) => {
  const core = tempCore(now);
  cores.push(core);
  return core;
};
afterEach(() => cores.splice(0).forEach((c) => c.cleanup()));

const offered = (core: ReturnType<typeof tempCore>, channel: 'kiosk' | 'paper' = 'kiosk') =>
  ok<Output<'kiosk.state'>>(core.dispatch('kiosk.state', { channel })).campaigns.map(
    (c) => c.campaign,
  );
const otherCampaign = (core: ReturnType<typeof tempCore>, extra = {}) => {
  const template = core.services.templates
    .list()
    .find((t) => t.builtinKey === 'service-satisfaction-003')!.id;
  return ok<{ id: string }>(
    core.dispatch('surveys.saveCampaign', {
      templateId: template,
      title: 'Кампания администратора',
      startsOn: '2026-11-01',
      endsOn: '2026-11-30',
      serviceIds: [],
      channels: ['kiosk'],
      active: true,
      ...extra,
    }),
  ).id;
};

describe('a fresh desk', () => {
  it('runs the built-in seed 003 on the kiosk and on paper at once, the same campaign everywhere', () => {
    const a = fresh();
    const b = fresh();
    for (const core of [a, b]) {
      for (const channel of ['kiosk', 'paper'] as const) {
        const [only, ...rest] = offered(core, channel);
        expect(rest).toEqual([]);
        expect(only).toMatchObject({
          id: DEFAULT_CAMPAIGN_ID,
          title: expect.stringMatching(/^ОЦЕНКА удовлетворенности .*\(по умолчанию\)$/),
          startsOn: '2026-01-01',
          endsOn: '2099-12-31',
          serviceIds: [],
          deskCodes: [],
          active: true,
        });
        expect(core.services.templates.get(only!.templateId).builtinKey).toBe(
          'service-satisfaction-003',
        );
      }
    }
    // A visitor's answer is taken in it like in any campaign.
    ok(
      a.dispatch('surveys.submit', {
        campaignId: DEFAULT_CAMPAIGN_ID,
        serviceId: null,
        channel: 'kiosk',
        date: null,
        answers: { q3: 5 },
      }),
    );
    expect(a.db.prepare('SELECT campaign_id FROM survey_responses').pluck().all()).toEqual([
      DEFAULT_CAMPAIGN_ID,
    ]);
  });

  it('yields to a campaign an administrator sets, and comes back when that one ends', () => {
    const core = fresh();
    const mine = otherCampaign(core);
    expect(offered(core).map((c) => c.id)).toEqual([mine]);
    // On paper the administrator's campaign does not run: the default still does.
    expect(offered(core, 'paper').map((c) => c.id)).toEqual([DEFAULT_CAMPAIGN_ID]);
    otherCampaign(core, { id: mine, active: false });
    expect(offered(core).map((c) => c.id)).toEqual([DEFAULT_CAMPAIGN_ID]);
  });

  it('is never re-created: switched off it stays off, and a desk with campaigns gets none', () => {
    const core = fresh();
    const def = offered(core)[0]!;
    ok(
      core.dispatch('surveys.saveCampaign', {
        ...def,
        active: false,
      }),
    );
    core.close();
    const again = createCore({ dataDir: core.dir, resourcesDir: RESOURCES, version: 'test' });
    try {
      expect(again.services.campaigns.list().map((c) => [c.id, c.active])).toEqual([
        [DEFAULT_CAMPAIGN_ID, false],
      ]);
    } finally {
      again.close();
    }
    cores.splice(cores.indexOf(core), 1);
    core.cleanup = () => undefined;

    // A desk upgraded with campaigns of its own (the default was never written there).
    const old = fresh();
    old.db.prepare("DELETE FROM settings WHERE key = 'default_campaign'").run();
    old.db.prepare('DELETE FROM survey_campaigns').run();
    const own = otherCampaign(old);
    old.services.campaigns.ensureDefault();
    expect(old.services.campaigns.list().map((c) => c.id)).toEqual([own]);
  });
});

describe('the first-start checklist', () => {
  const steps = (core: ReturnType<typeof tempCore>) =>
    Object.fromEntries(
      ok<Output<'setup.checklist'>>(core.dispatch('setup.checklist', {})).steps.map((s) => [
        s.step,
        s.done,
      ]),
    );

  it('ticks itself off from what the desk holds', () => {
    const core = fresh();
    expect(steps(core)).toEqual({
      officials: false,
      services: false,
      deskCode: false,
      central: false,
      kioskPin: false,
    });
    officialOf(core);
    ok(core.dispatch('services.save', { title: 'Выдача справок', kind: 'service', active: true }));
    ok(core.dispatch('settings.setDeskCode', { deskCode: 'UO01' }));
    ok(core.dispatch('kiosk.saveSettings', { idleSeconds: 60, keepPartial: false, pin: '246810' }));
    expect(steps(core)).toEqual({
      officials: true,
      services: true,
      deskCode: true,
      central: false,
      kioskPin: true,
    });
  });

  it('stays hidden once an administrator hides it, and can be shown again', () => {
    const core = fresh();
    const hide = (dismissed: boolean) =>
      ok<Output<'setup.dismissChecklist'>>(core.dispatch('setup.dismissChecklist', { dismissed }));
    expect(hide(true).dismissed).toBe(true);
    expect(ok<Output<'setup.checklist'>>(core.dispatch('setup.checklist', {})).dismissed).toBe(
      true,
    );
    expect(hide(false).dismissed).toBe(false);
  });
});
