import type { SurveyResults, SurveyResultsInput } from '../../../src-shared/reports/survey-results';
import type { Period } from '../../../src-shared/reports/period';
import {
  previousPeriodOf,
  resultsFromTallies,
  talliesOf,
  type CountRow,
  type Tallies,
} from '../../../src-shared/reports/survey-compute';
import type { CoreContext } from '../context';
import type { Templates } from '../surveys/templates';

/**
 * The period's counts from the survey roll-up (migration 0080), kept as responses are stored:
 * a quarter is a few thousand rows however many visitors answered.
 */
function tallies(ctx: CoreContext, input: SurveyResultsInput, period: Period): Tallies {
  const rows = ctx.db
    .prepare(
      `SELECT channel, key, value, sum(n) AS n FROM report_survey
       WHERE template_id = @templateId AND day BETWEEN @from AND @to
         AND (@campaignId IS NULL OR campaign_id = @campaignId)
         AND (@serviceId IS NULL OR service_id = @serviceId)
       GROUP BY 1, 2, 3`,
    )
    .all({
      templateId: input.templateId,
      from: period.from,
      to: period.to,
      campaignId: input.campaignId ?? null,
      serviceId: input.serviceId ?? null,
    }) as CountRow[];
  return talliesOf(rows);
}

/**
 * Survey results for a questionnaire version over a period, optionally one campaign or service
 * (docs/metrics.md, "Survey results"). Any breakdown cell under 5 responses is shown as «<5»;
 * with fewer than 5 responses in all, only their number is given.
 */
export function surveyResults(
  ctx: CoreContext,
  templates: Templates,
  input: SurveyResultsInput,
): SurveyResults {
  const template = templates.get(input.templateId);
  const services = new Map(
    (ctx.db.prepare('SELECT id, title FROM services').all() as { id: string; title: string }[]).map(
      (s) => [s.id, s.title],
    ),
  );
  return resultsFromTallies(
    template,
    input,
    services,
    tallies(ctx, input, input.period),
    tallies(ctx, input, previousPeriodOf(input.period)),
  );
}
