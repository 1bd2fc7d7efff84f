import { randomUUID } from 'node:crypto';
import { OtklikError } from '../../../src-shared/contract/errors';
import { localToday } from '../../../src-shared/domain/dates';
import { campaignProblems } from '../../../src-shared/surveys/campaign-rules';
import { finalizeAnswers } from '../../../src-shared/surveys/answers';
import type { SubmitInput } from '../../../src-shared/surveys/records';
import type { CoreContext } from '../context';
import type { Settings } from '../settings';
import type { Campaigns } from './campaigns';
import type { Templates } from './templates';
import { createSurveyRollups } from '../reports/survey-rollups';

/**
 * Anonymous responses (docs/anonymity.md). A response is written once, complete, in one
 * transaction, and carries only: questionnaire version, campaign, chosen service, channel,
 * office and date. Its key is a random UUIDv4; nothing about it is returned to the caller, so
 * no screen can show "the last response".
 */
export function createResponses(
  ctx: CoreContext,
  settings: Settings,
  templates: Templates,
  campaigns: Campaigns,
) {
  const { db } = ctx;
  const insert = db.prepare(
    `INSERT INTO survey_responses (id, template_id, campaign_id, service_id, channel, office,
       response_date, complete, answers)
     VALUES (@id, @templateId, @campaignId, @serviceId, @channel, @office, @date, @complete,
       @answers)`,
  );
  const serviceIds = db.prepare('SELECT id FROM services WHERE active = 1').pluck();
  const rollups = createSurveyRollups(db);

  return {
    submit: db.transaction((input: Omit<SubmitInput, 'date'> & { date: string | null }) => {
      if (input.partial && input.channel !== 'kiosk') {
        throw new OtklikError('validation', 'partial', [{ path: 'partial', message: 'invalid' }]);
      }
      const today = localToday(ctx.now());
      const campaign = campaigns.get(input.campaignId);
      const date = input.channel === 'kiosk' || !input.date ? today : input.date;
      const problems: { path: string; message: string }[] = campaignProblems(
        campaign,
        date,
        input.channel,
        settings.deskCode(),
      );
      if (input.date && input.date > today)
        problems.push({ path: 'date', message: 'date_in_future' });
      if (problems.length > 0) throw new OtklikError('validation', 'response', problems);
      const template = templates.get(campaign.templateId);
      const allowed =
        campaign.serviceIds.length > 0 ? campaign.serviceIds : (serviceIds.all() as string[]);
      const result = finalizeAnswers(template.definition, input.answers, allowed, {
        partial: input.partial === true,
      });
      if (!result.ok) throw new OtklikError('validation', 'answers', result.issues);
      if (input.serviceId && !allowed.includes(input.serviceId)) {
        throw new OtklikError('validation', 'service', [
          { path: 'serviceId', message: 'unknown_reference' },
        ]);
      }
      const answers = JSON.stringify(result.answers);
      insert.run({
        id: randomUUID(),
        templateId: template.id,
        campaignId: campaign.id,
        serviceId: input.serviceId,
        channel: input.channel,
        office: settings.deskCode(),
        date,
        complete: input.partial ? 0 : 1,
        answers,
      });
      rollups.add({
        template_id: template.id,
        campaign_id: campaign.id,
        service_id: input.serviceId,
        channel: input.channel,
        response_date: date,
        answers,
      });
    }),
  };
}
