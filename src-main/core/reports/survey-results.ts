import { addDays } from '../../../src-shared/domain/dates';
import {
  previousQuarter,
  quarterOf,
  quarterPeriod,
  type Period,
} from '../../../src-shared/reports/period';
import { shareOf } from '../../../src-shared/reports/shares';
import {
  MIN_CELL,
  suppress,
  type QuestionResult,
  type SurveyResults,
  type SurveyResultsInput,
} from '../../../src-shared/reports/survey-results';
import type { Question } from '../../../src-shared/surveys/definition';
import { questionNumbers } from '../../../src-shared/surveys/logic';
import {
  choiceText,
  choiceValue,
  questionsOf,
  type Answers,
} from '../../../src-shared/surveys/model';
import type { CoreContext } from '../context';
import type { Templates } from '../surveys/templates';

const RECOMMEND = /рекомендова/i;
const round1 = (x: number) => Math.round(x * 10) / 10;

interface Loaded {
  channel: 'kiosk' | 'paper';
  answers: Answers;
}

/** The quarter before a quarter; for any other period, the same number of days before it. */
function before(p: Period): Period {
  const { year, quarter } = quarterOf(p.from);
  const q = quarterPeriod(year, quarter);
  if (q.from === p.from && q.to === p.to) return previousQuarter(p);
  const days = Math.round((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000);
  const to = addDays(p.from, -1);
  return { from: addDays(to, -days), to };
}

function load(ctx: CoreContext, input: SurveyResultsInput, period: Period): Loaded[] {
  const rows = ctx.db
    .prepare(
      `SELECT channel, answers FROM survey_responses
       WHERE template_id = @templateId AND response_date BETWEEN @from AND @to
         AND (@campaignId IS NULL OR campaign_id = @campaignId)
         AND (@serviceId IS NULL OR service_id = @serviceId)`,
    )
    .all({
      templateId: input.templateId,
      from: period.from,
      to: period.to,
      campaignId: input.campaignId ?? null,
      serviceId: input.serviceId ?? null,
    }) as { channel: 'kiosk' | 'paper'; answers: string }[];
  return rows.map((r) => ({ channel: r.channel, answers: JSON.parse(r.answers) as Answers }));
}

function scores(values: number[]) {
  const n = values.length;
  if (n < MIN_CELL) return { mean: null, satisfiedShare: null };
  return {
    mean: round1(values.reduce((s, v) => s + v, 0) / n),
    satisfiedShare: shareOf(values.filter((v) => v >= 4).length, n),
  };
}

function questionResult(
  q: Question,
  number: number | null,
  loaded: Loaded[],
  serviceTitles: Map<string, string>,
  hidden: boolean,
): QuestionResult {
  const given = loaded.map((l) => l.answers[q.name]).filter((a) => a !== undefined);
  const base: QuestionResult = {
    name: q.name,
    number,
    title: q.title,
    type: q.type,
    recommend: q.type === 'rating' && RECOMMEND.test(q.title),
    answered: suppress(given.length),
    options: [],
    mean: null,
    satisfiedShare: null,
    rows: [],
    openAnswers: [],
  };
  if (hidden) return { ...base, answered: suppress(given.length) };
  const count = (values: (string | number)[], options: { value: string; label: string }[]) => {
    const tally = new Map<string, number>();
    for (const v of values) tally.set(String(v), (tally.get(String(v)) ?? 0) + 1);
    return options.map((o) => {
      const n = tally.get(o.value) ?? 0;
      const cell = suppress(n);
      return {
        ...o,
        count: cell,
        share: cell === '<5' ? null : shareOf(n, given.length),
      };
    });
  };
  switch (q.type) {
    case 'radiogroup':
    case 'checkbox':
    case 'dropdown': {
      const options =
        q.type === 'dropdown' && q.choicesFromServices
          ? [...serviceTitles].map(([value, label]) => ({ value, label }))
          : (q.choices ?? []).map((c) => ({ value: String(choiceValue(c)), label: choiceText(c) }));
      if ('hasOther' in q && q.hasOther)
        options.push({ value: 'other', label: q.otherText ?? 'Другое' });
      const flat = given.flatMap((a) => (Array.isArray(a) ? a : [a as string]));
      return { ...base, options: count(flat, options) };
    }
    case 'rating': {
      const options = q.rateValues.map((v) => ({ value: String(v.value), label: v.text }));
      const values = given.filter((a): a is number => typeof a === 'number');
      return { ...base, options: count(values, options), ...scores(values) };
    }
    case 'matrix': {
      const rows = q.rows.map((row) => {
        const values = given
          .map((a) => (a as Record<string, number>)[row.value])
          .filter((v): v is number => typeof v === 'number');
        return {
          value: row.value,
          label: row.text,
          answered: suppress(values.length),
          ...scores(values),
        };
      });
      return { ...base, rows };
    }
    case 'comment':
      // Sorted, so the list's order says nothing about the order visitors answered in.
      return {
        ...base,
        openAnswers: given
          .filter((a): a is string => typeof a === 'string')
          .sort((x, y) => x.localeCompare(y, 'ru')),
      };
  }
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
  const questions = questionsOf(template.definition);
  const numbers = questionNumbers(template.definition);
  const services = new Map(
    (ctx.db.prepare('SELECT id, title FROM services').all() as { id: string; title: string }[]).map(
      (s) => [s.id, s.title],
    ),
  );
  const loaded = load(ctx, input, input.period);
  const hidden = loaded.length < MIN_CELL;
  const results = questions.map((q) =>
    questionResult(q, numbers.get(q.name) ?? null, loaded, services, hidden),
  );
  const previousPeriod = before(input.period);
  const previous = load(ctx, input, previousPeriod);
  const means: Record<string, number | null> = {};
  for (const q of questions) {
    if (q.type !== 'rating' && q.type !== 'matrix') continue;
    const r = questionResult(q, null, previous, services, previous.length < MIN_CELL);
    if (q.type === 'rating') means[q.name] = r.mean;
    else for (const row of r.rows) means[`${q.name}.${row.value}`] = row.mean;
  }
  return {
    templateId: template.id,
    title: template.title,
    period: input.period,
    responses: loaded.length,
    suppressed: hidden,
    byChannel: (['kiosk', 'paper'] as const).map((channel) => ({
      channel,
      responses: suppress(loaded.filter((l) => l.channel === channel).length),
    })),
    questions: hidden ? results.map((r) => ({ ...r, openAnswers: [] })) : results,
    previous: { period: previousPeriod, responses: previous.length, means },
  };
}
