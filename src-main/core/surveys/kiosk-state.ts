import { localToday } from '../../../src-shared/domain/dates';
import type { ResponseChannel } from '../../../src-shared/surveys/records';
import type { CoreServices } from '../services';

/** What a kiosk (or the paper entry screen) needs: today's campaigns with their forms. */
export function kioskState(s: CoreServices, channel: ResponseChannel) {
  const services = s.services.list().filter((x) => x.active);
  return {
    settings: s.kiosk.read(),
    // For those who want to say more at home: the region's general assessment online (issue 18).
    thanksOnline: channel === 'kiosk' ? s.online.generalAssessment() : null,
    campaigns: s.campaigns
      .activeOn(localToday(s.ctx.now()), channel, s.settings.deskCode())
      .map((campaign) => ({
        campaign,
        definition: s.templates.get(campaign.templateId).definition,
        services: services
          .filter((x) => campaign.serviceIds.length === 0 || campaign.serviceIds.includes(x.id))
          .map((x) => ({ id: x.id, title: x.title })),
      })),
  };
}
