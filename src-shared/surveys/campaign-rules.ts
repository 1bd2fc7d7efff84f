import type { ResponseChannel } from './records';

/** What the rule needs of a campaign: the desk's rows and the central's records both have it. */
export interface CampaignTerms {
  active: boolean;
  startsOn: string;
  endsOn: string;
  channels: readonly ResponseChannel[];
  deskCodes: readonly string[];
}

/** Where a campaign stands on a day: switched off, not begun, running or over. */
export type CampaignPhase = 'off' | 'not_started' | 'running' | 'ended';

export function campaignPhase(c: CampaignTerms, day: string): CampaignPhase {
  if (!c.active) return 'off';
  if (day < c.startsOn) return 'not_started';
  if (day > c.endsOn) return 'ended';
  return 'running';
}

export interface CampaignProblem {
  path: 'campaignId' | 'channel';
  message: 'campaign_closed' | 'campaign_channel' | 'campaign_desk';
}

/**
 * Why a campaign does not take a response given on `day` through `channel` — at a desk (its
 * code), or online (`deskCode` null: the desks a campaign names run its kiosk and paper forms;
 * where it is published online is the publication's business). One rule for the desk's kiosk
 * and paper entry and for the central's online survey.
 */
export function campaignProblems(
  c: CampaignTerms,
  day: string,
  channel: ResponseChannel,
  deskCode: string | null,
): CampaignProblem[] {
  const problems: CampaignProblem[] = [];
  if (campaignPhase(c, day) !== 'running')
    problems.push({ path: 'campaignId', message: 'campaign_closed' });
  if (!c.channels.includes(channel))
    problems.push({ path: 'channel', message: 'campaign_channel' });
  if (deskCode !== null && c.deskCodes.length > 0 && !c.deskCodes.includes(deskCode))
    problems.push({ path: 'campaignId', message: 'campaign_desk' });
  return problems;
}

/** Whether a campaign runs on `day`, on a channel, at a desk. */
export function campaignRuns(
  c: CampaignTerms,
  day: string,
  channel: ResponseChannel,
  deskCode: string | null,
): boolean {
  return campaignProblems(c, day, channel, deskCode).length === 0;
}
