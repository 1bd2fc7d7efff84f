import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { campaignRefSchema, type serviceRefSchema } from '../../src-shared/sync/protocol';
import { builtinTemplateName, nameUuidWith } from '../../src-shared/domain/name-uuid';
import { isWholeMonths, type Period } from '../../src-shared/reports/period';
import {
  previousPeriodOf,
  resultsFromTallies,
  talliesOf,
} from '../../src-shared/reports/survey-compute';
import type { SurveyResults, SurveyResultsInput } from '../../src-shared/reports/survey-results';
import { surveyDefinitionSchema, type SurveyDefinition } from '../../src-shared/surveys/definition';
import type { ServerDatabase } from '../db/schema';
import { HttpError } from './errors';
import { RESOURCES_DIR } from '../paths';

type Template = { id: string; title: string; definition: SurveyDefinition };
type ServiceRef = z.output<typeof serviceRefSchema>;
export type CampaignRef = z.output<typeof campaignRefSchema>;

const BUILTINS = resolve(RESOURCES_DIR, 'surveys');
const sha1 = (text: string) => createHash('sha1').update(text).digest();

/** The questionnaires shipped with Otklik, under the ids every desk gives them. */
function builtins(): Map<string, Template> {
  const map = new Map<string, Template>();
  for (const file of readdirSync(BUILTINS).filter((f) => f.endsWith('.json'))) {
    const definition = surveyDefinitionSchema.parse(
      JSON.parse(readFileSync(join(BUILTINS, file), 'utf8')),
    );
    const id = nameUuidWith(sha1, builtinTemplateName(basename(file, '.json')));
    map.set(id, { id, title: definition.title, definition });
  }
  return map;
}

/**
 * Survey results at the central server, for the whole region or one office: the office's stored
 * responses counted here, the arithmetic shared with the desks (src-shared/reports/survey-compute.ts),
 * the same «<5» rule.
 */
export function createSurveyReports(db: Kysely<ServerDatabase>) {
  const shipped = builtins();

  async function template(id: string): Promise<Template> {
    const ref = await db
      .selectFrom('reference_records')
      .select('data')
      .where('entity', '=', 'template')
      .where('entity_id', '=', id)
      .executeTakeFirst();
    if (ref) {
      const data = JSON.parse(ref.data) as Template;
      return { id, title: data.title, definition: data.definition };
    }
    const builtin = shipped.get(id);
    if (!builtin)
      throw new HttpError(404, 'not_found', `Анкета ${id} центральному серверу неизвестна.`);
    return builtin;
  }

  /** The services the central was given as reference data (every office's, active or not). */
  async function services(): Promise<ServiceRef[]> {
    const rows = await db
      .selectFrom('reference_records')
      .select('data')
      .where('entity', '=', 'service')
      .execute();
    return rows.map((r) => JSON.parse(r.data) as ServiceRef);
  }

  async function tallies(input: SurveyResultsInput, period: Period, officeId: string | null) {
    // Whole months only (the schema refuses others): the roll-up is kept per month.
    if (!isWholeMonths(period)) throw new Error(`not whole months: ${period.from}…${period.to}`);
    let q = db
      .selectFrom('report_survey')
      .select(['channel', 'key', 'value', (eb) => eb.fn.sum<number | string>('n').as('n')])
      .where('template_id', '=', input.templateId)
      .where('month', '>=', period.from.slice(0, 7))
      .where('month', '<=', period.to.slice(0, 7));
    if (officeId) q = q.where('office_id', '=', officeId);
    if (input.campaignId) q = q.where('campaign_id', '=', input.campaignId);
    if (input.serviceId) q = q.where('service_id', '=', input.serviceId);
    const rows = await q.groupBy(['channel', 'key', 'value']).execute();
    return talliesOf(rows.map((r) => ({ ...r, n: Number(r.n) })).filter((r) => r.n > 0));
  }

  return {
    /** One questionnaire with its definition (the console's preview). */
    template,
    /** The questionnaires shipped with Otklik: every desk has them built in. */
    shipped: () => [...shipped.values()],
    /** Every questionnaire the central knows: the shipped ones and those given as reference. */
    async templates(): Promise<{ id: string; title: string }[]> {
      const refs = await db
        .selectFrom('reference_records')
        .select(['entity_id', 'data'])
        .where('entity', '=', 'template')
        .execute();
      const all = new Map([...shipped.values()].map((t) => [t.id, t.title]));
      for (const r of refs) all.set(r.entity_id, (JSON.parse(r.data) as Template).title);
      return [...all].map(([id, title]) => ({ id, title }));
    },
    services,
    /** A survey campaign the central was given, or null (unknown, or a record it cannot read). */
    async campaign(id: string): Promise<CampaignRef | null> {
      const row = await db
        .selectFrom('reference_records')
        .select('data')
        .where('entity', '=', 'campaign')
        .where('entity_id', '=', id)
        .executeTakeFirst();
      const parsed = row ? campaignRefSchema.safeParse(JSON.parse(row.data)) : null;
      return parsed?.success ? parsed.data : null;
    },
    async results(input: SurveyResultsInput, officeId: string | null): Promise<SurveyResults> {
      const titles = new Map((await services()).map((s) => [s.id, s.title] as const));
      return resultsFromTallies(
        await template(input.templateId),
        input,
        titles,
        await tallies(input, input.period, officeId),
        await tallies(input, previousPeriodOf(input.period), officeId),
      );
    },
  };
}

export type SurveyReports = ReturnType<typeof createSurveyReports>;
