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
import { choiceText, choiceValue, questionsOf } from '../../../src-shared/surveys/model';
import type { CoreContext } from '../context';
import type { Templates } from '../surveys/templates';

const RECOMMEND = /рекомендова/i;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** What SQLite counted for one question: responses that answered it, values, matrix rows. */
interface Tally {
  answered: number;
  values: Map<string, number>;
  rows: Map<string, Map<number, number>>;
}

interface Tallies {
  total: number;
  byChannel: Map<string, number>;
  questions: Map<string, Tally>;
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
    }) as { channel: string; key: string; value: string; n: number }[];
  const questions = new Map<string, Tally>();
  const byChannel = new Map<string, number>();
  const add = <K>(m: Map<K, number>, k: K, n: number) => m.set(k, (m.get(k) ?? 0) + n);
  const tally = (name: string) => {
    let t = questions.get(name);
    if (!t) questions.set(name, (t = { answered: 0, values: new Map(), rows: new Map() }));
    return t;
  };
  let total = 0;
  for (const { channel, key, value, n } of rows) {
    if (key === '') {
      total += n;
      add(byChannel, channel, n);
      continue;
    }
    const dot = key.indexOf('.');
    if (dot >= 0) {
      const t = tally(key.slice(0, dot));
      const row = key.slice(dot + 1);
      let scores = t.rows.get(row);
      if (!scores) t.rows.set(row, (scores = new Map()));
      add(scores, Number(value), n);
    } else if (value === '') tally(key).answered += n;
    else add(tally(key).values, value, n);
  }
  return { total, byChannel, questions };
}

function scores(counts: Map<number, number> | undefined) {
  let n = 0;
  let sum = 0;
  let satisfied = 0;
  for (const [score, c] of counts ?? []) {
    n += c;
    sum += score * c;
    if (score >= 4) satisfied += c;
  }
  if (n < MIN_CELL) return { n, mean: null, satisfiedShare: null };
  return { n, mean: round1(sum / n), satisfiedShare: shareOf(satisfied, n) };
}

function questionResult(
  q: Question,
  number: number | null,
  t: Tally | undefined,
  serviceTitles: Map<string, string>,
  hidden: boolean,
): QuestionResult {
  const answered = t?.answered ?? 0;
  const base: QuestionResult = {
    name: q.name,
    number,
    title: q.title,
    type: q.type,
    recommend: q.type === 'rating' && RECOMMEND.test(q.title),
    answered: suppress(answered),
    options: [],
    mean: null,
    satisfiedShare: null,
    rows: [],
    openAnswers: [],
  };
  if (hidden) return base;
  const options = (list: { value: string; label: string }[]) =>
    list.map((o) => {
      const n = t?.values.get(o.value) ?? 0;
      const count = suppress(n);
      return { ...o, count, share: count === '<5' ? null : shareOf(n, answered) };
    });
  switch (q.type) {
    case 'radiogroup':
    case 'checkbox':
    case 'dropdown': {
      const list =
        q.type === 'dropdown' && q.choicesFromServices
          ? [...serviceTitles].map(([value, label]) => ({ value, label }))
          : (q.choices ?? []).map((c) => ({ value: String(choiceValue(c)), label: choiceText(c) }));
      if ('hasOther' in q && q.hasOther)
        list.push({ value: 'other', label: q.otherText ?? 'Другое' });
      return { ...base, options: options(list) };
    }
    case 'rating': {
      const counts = new Map<number, number>();
      for (const [v, n] of t?.values ?? []) counts.set(Number(v), n);
      const { mean, satisfiedShare } = scores(counts);
      return {
        ...base,
        options: options(q.rateValues.map((v) => ({ value: String(v.value), label: v.text }))),
        mean,
        satisfiedShare,
      };
    }
    case 'matrix':
      return {
        ...base,
        rows: q.rows.map((row) => {
          const { n, mean, satisfiedShare } = scores(t?.rows.get(row.value));
          return { value: row.value, label: row.text, answered: suppress(n), mean, satisfiedShare };
        }),
      };
    case 'comment': {
      // Sorted, so the list's order says nothing about the order visitors answered in.
      const texts = [...(t?.values ?? [])].flatMap(([text, n]) => Array<string>(n).fill(text));
      return { ...base, openAnswers: texts.sort((x, y) => x.localeCompare(y, 'ru')) };
    }
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
  const now = tallies(ctx, input, input.period);
  const hidden = now.total < MIN_CELL;
  const previousPeriod = before(input.period);
  const then = tallies(ctx, input, previousPeriod);
  const means: Record<string, number | null> = {};
  for (const q of questions) {
    if (q.type !== 'rating' && q.type !== 'matrix') continue;
    const r = questionResult(q, null, then.questions.get(q.name), services, then.total < MIN_CELL);
    if (q.type === 'rating') means[q.name] = r.mean;
    else for (const row of r.rows) means[`${q.name}.${row.value}`] = row.mean;
  }
  return {
    templateId: template.id,
    title: template.title,
    period: input.period,
    responses: now.total,
    suppressed: hidden,
    byChannel: (['kiosk', 'paper'] as const).map((channel) => ({
      channel,
      responses: suppress(now.byChannel.get(channel) ?? 0),
    })),
    questions: questions.map((q) =>
      questionResult(q, numbers.get(q.name) ?? null, now.questions.get(q.name), services, hidden),
    ),
    previous: { period: previousPeriod, responses: then.total, means },
  };
}
