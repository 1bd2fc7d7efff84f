import { OtklikError } from '../../../src-shared/contract/errors';
import { uuidv7 } from '../../../src-shared/domain/ids';
import { localToday } from '../../../src-shared/domain/dates';
import { campaignRuns } from '../../../src-shared/surveys/campaign-rules';
import type { Campaign, ResponseChannel } from '../../../src-shared/surveys/records';
import { isoNow, type CoreContext } from '../context';
import {
  builtinTemplateName,
  DEFAULT_CAMPAIGN_TEMPLATE_KEY,
  defaultCampaignName,
} from '../../../src-shared/domain/name-uuid';
import { nameUuid } from '../text/name-uuid';
import type { Settings } from '../settings';

/** The default campaign's id, the same on every desk (src-shared/domain/name-uuid.ts). */
export const DEFAULT_CAMPAIGN_ID = nameUuid(defaultCampaignName());

interface CampaignRow {
  id: string;
  template_id: string;
  title: string;
  starts_on: string;
  ends_on: string;
  service_ids: string;
  desk_codes: string;
  channels: string;
  active: number;
  created_at: string;
  updated_at: string;
}

const toCampaign = (r: CampaignRow): Campaign => ({
  id: r.id,
  templateId: r.template_id,
  title: r.title,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  serviceIds: JSON.parse(r.service_ids) as string[],
  deskCodes: JSON.parse(r.desk_codes) as string[],
  channels: JSON.parse(r.channels) as ResponseChannel[],
  active: r.active === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface CampaignData {
  id?: string | undefined;
  templateId: string;
  title: string;
  startsOn: string;
  endsOn: string;
  serviceIds: string[];
  deskCodes: string[];
  channels: ResponseChannel[];
  active: boolean;
}

/** Whether a campaign runs on `day`, on a channel, at a desk (src-shared/surveys/campaign-rules). */
export function runs(c: Campaign, day: string, channel: ResponseChannel, deskCode: string) {
  return campaignRuns(c, day, channel, deskCode);
}

/** Campaigns: which questionnaire is asked, when, about which services, on kiosk and/or paper. */
export function createCampaigns(ctx: CoreContext, settings: Settings) {
  const { db } = ctx;
  const all = db.prepare('SELECT * FROM survey_campaigns ORDER BY starts_on DESC, title');
  const byId = db.prepare('SELECT * FROM survey_campaigns WHERE id = ?');
  const templateStatus = db.prepare('SELECT status FROM survey_templates WHERE id = ?').pluck();
  const insert = db.prepare(
    `INSERT INTO survey_campaigns (id, template_id, title, starts_on, ends_on, service_ids,
       desk_codes, channels, active, created_at, updated_at)
     VALUES (@id, @templateId, @title, @startsOn, @endsOn, @serviceIds, @deskCodes, @channels,
       @active, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE survey_campaigns SET template_id = @templateId, title = @title, starts_on = @startsOn,
       ends_on = @endsOn, service_ids = @serviceIds, desk_codes = @deskCodes,
       channels = @channels, active = @active,
       updated_at = @now WHERE id = @id`,
  );

  function get(id: string): Campaign {
    const row = byId.get(id) as CampaignRow | undefined;
    if (!row) throw new OtklikError('not_found', `campaign ${id}`);
    return toCampaign(row);
  }

  return {
    list: (): Campaign[] => (all.all() as CampaignRow[]).map(toCampaign),
    get,
    save(data: CampaignData): Campaign {
      const status = templateStatus.get(data.templateId);
      if (status !== 'published') {
        throw new OtklikError('validation', 'template not published', [
          {
            path: 'templateId',
            message: status === undefined ? 'unknown_reference' : 'template_not_published',
          },
        ]);
      }
      const params = {
        ...data,
        serviceIds: JSON.stringify(data.serviceIds),
        deskCodes: JSON.stringify([...new Set(data.deskCodes)]),
        channels: JSON.stringify(data.channels),
        active: data.active ? 1 : 0,
        now: isoNow(ctx),
      };
      if (data.id) {
        if (update.run(params).changes === 0)
          throw new OtklikError('not_found', `campaign ${data.id}`);
        return get(data.id);
      }
      const id = uuidv7(ctx.now().getTime());
      insert.run({ ...params, id });
      return get(id);
    },
    /**
     * Campaigns that run on `day` for a channel at a desk: what its kiosk or paper entry offer.
     * The default campaign yields to any other that runs there.
     */
    activeOn(day: string, channel: ResponseChannel, deskCode: string): Campaign[] {
      const live = (all.all() as CampaignRow[])
        .map(toCampaign)
        .filter((c) => runs(c, day, channel, deskCode));
      const set = live.filter((c) => c.id !== DEFAULT_CAMPAIGN_ID);
      return set.length > 0 ? set : live;
    },
    /**
     * A fresh desk is useful at once: once in its life, if it has no campaign, the built-in
     * seed 003 questionnaire gets an open-ended campaign on the kiosk and on paper, from the start
     * of the year (paper forms of past weeks can be entered).
     * An administrator may switch it off or set others (which it then yields to); it is never
     * re-created, so a desk upgraded or switched off stays as its administrator left it.
     */
    ensureDefault() {
      if (settings.value('default_campaign') !== null) return;
      db.transaction(() => {
        const templateId = nameUuid(builtinTemplateName(DEFAULT_CAMPAIGN_TEMPLATE_KEY));
        const template = db
          .prepare("SELECT title FROM survey_templates WHERE id = ? AND status = 'published'")
          .pluck()
          .get(templateId) as string | undefined;
        const none = db.prepare('SELECT count(*) FROM survey_campaigns').pluck().get() === 0;
        if (template !== undefined && none) {
          const now = isoNow(ctx);
          insert.run({
            id: DEFAULT_CAMPAIGN_ID,
            templateId,
            title: `${template} (по умолчанию)`,
            startsOn: `${localToday(ctx.now()).slice(0, 4)}-01-01`,
            endsOn: '2099-12-31',
            serviceIds: '[]',
            deskCodes: '[]',
            channels: JSON.stringify(['kiosk', 'paper']),
            active: 1,
            now,
          });
        }
        settings.set('default_campaign', template !== undefined && none ? 'created' : 'skipped');
      })();
    },
  };
}

export type Campaigns = ReturnType<typeof createCampaigns>;
