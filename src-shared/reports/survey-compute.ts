import type { Question, SurveyDefinition } from '../surveys/definition';
import { questionNumbers } from '../surveys/logic';
import { choiceText, choiceValue, questionsOf } from '../surveys/model';
import { previousMonths, type Period } from './period';
import { RESPONSE_CHANNELS } from '../surveys/records';
import { shareOf } from './shares';
import {
  MIN_CELL,
  suppress,
  type QuestionResult,
  type SurveyResults,
  type SurveyResultsInput,
} from './survey-results';

/**
 * The arithmetic of the survey results (docs/metrics.md), from counts: the desk reads them from
 * its roll-up, the central server counts its stored responses; both end here.
 */
const RECOMMEND = /рекомендова/i;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** What was counted for one question: responses that answered it, values, matrix rows. */
export interface Tally {
  answered: number;
  values: Map<string, number>;
  rows: Map<string, Map<number, number>>;
}

export interface Tallies {
  total: number;
  byChannel: Map<string, number>;
  questions: Map<string, Tally>;
}

/** One row of counts: responses (key ''), answers to a question (value ''), or a value given. */
export interface CountRow {
  channel: string;
  key: string;
  value: string;
  n: number;
}

/**
 * The counts a response contributes: key '' counts the response, a question's name with value
 * '' counts an answer to it, and every value given (each choice of a multiple choice, each
 * matrix row as "question.row", each text) counts once.
 */
export function countKeys(answers: Record<string, unknown>): [string, string][] {
  const keys: [string, string][] = [['', '']];
  for (const name in answers) {
    keys.push([name, '']);
    const a = answers[name];
    if (Array.isArray(a)) for (const v of a) keys.push([name, String(v)]);
    else if (typeof a === 'object' && a !== null) {
      for (const [row, v] of Object.entries(a)) keys.push([`${name}.${row}`, String(v)]);
    } else keys.push([name, String(a)]);
  }
  return keys;
}

/** Count rows into tallies per question. */
export function talliesOf(rows: Iterable<CountRow>): Tallies {
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

/** The same number of whole months just before (survey periods are whole months). */
export function previousPeriodOf(p: Period): Period {
  return previousMonths(p);
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
      // Only where the question's own count is shown: 2 comments of 50 responses would
      // otherwise be read beside a «<5».
      if (answered < MIN_CELL) return base;
      const texts = [...(t?.values ?? [])].flatMap(([text, n]) => Array<string>(n).fill(text));
      return { ...base, openAnswers: texts.sort((x, y) => x.localeCompare(y, 'ru')) };
    }
  }
}

/** The results of a questionnaire version from the counts of the period and of the one before. */
export function resultsFromTallies(
  template: { id: string; title: string; definition: SurveyDefinition },
  input: SurveyResultsInput,
  services: Map<string, string>,
  now: Tallies,
  then: Tallies,
): SurveyResults {
  const questions = questionsOf(template.definition);
  const numbers = questionNumbers(template.definition);
  const hidden = now.total < MIN_CELL;
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
    byChannel: RESPONSE_CHANNELS.map((channel) => ({
      channel,
      responses: suppress(now.byChannel.get(channel) ?? 0),
    })),
    questions: questions.map((q) =>
      questionResult(q, numbers.get(q.name) ?? null, now.questions.get(q.name), services, hidden),
    ),
    previous: { period: previousPeriodOf(input.period), responses: then.total, means },
  };
}
