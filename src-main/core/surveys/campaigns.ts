import { OtklikError } from '../../../src-shared/contract/errors';
import { uuidv7 } from '../../../src-shared/domain/ids';
import type { Campaign, ResponseChannel } from '../../../src-shared/surveys/records';
import { isoNow, type CoreContext } from '../context';

interface CampaignRow {
  id: string;
  template_id: string;
  title: string;
  starts_on: string;
  ends_on: string;
  service_ids: string;
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
  channels: ResponseChannel[];
  active: boolean;
}

/** Campaigns: which questionnaire is asked, when, about which services, on kiosk and/or paper. */
export function createCampaigns(ctx: CoreContext) {
  const { db } = ctx;
  const all = db.prepare('SELECT * FROM survey_campaigns ORDER BY starts_on DESC, title');
  const byId = db.prepare('SELECT * FROM survey_campaigns WHERE id = ?');
  const templateStatus = db.prepare('SELECT status FROM survey_templates WHERE id = ?').pluck();
  const insert = db.prepare(
    `INSERT INTO survey_campaigns (id, template_id, title, starts_on, ends_on, service_ids,
       channels, active, created_at, updated_at)
     VALUES (@id, @templateId, @title, @startsOn, @endsOn, @serviceIds, @channels, @active, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE survey_campaigns SET template_id = @templateId, title = @title, starts_on = @startsOn,
       ends_on = @endsOn, service_ids = @serviceIds, channels = @channels, active = @active,
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
    /** Campaigns that run on `day` for a channel: what a kiosk or the paper entry may offer. */
    activeOn(day: string, channel: ResponseChannel): Campaign[] {
      return (all.all() as CampaignRow[])
        .map(toCampaign)
        .filter(
          (c) => c.active && c.startsOn <= day && day <= c.endsOn && c.channels.includes(channel),
        );
    },
  };
}

export type Campaigns = ReturnType<typeof createCampaigns>;
