import { stemWord, words } from '../../src-shared/text/stem';
import type { ClassifierEntry } from '../../src-shared/topics/model';

/** Words that say nothing about the topic of an appeal. */
const STOP = new Set(
  (
    'и в во на с со по к ко о об от до из за для не нет что как это так уже еще или но а же ' +
    'ли бы он она они его ее их мы нас вы я мне меня свой просит просьба заявитель ' +
    'заявительница гражданин гражданка также который которая которые при под над без через ' +
    'после году год том числе иные иных других др т д п'
  )
    .split(' ')
    .map(stemWord),
);

/** The features of a text: the stems of its words, less those that say nothing of a topic. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const s = stemWord(w);
    if (s.length <= 1 || STOP.has(s) || /^\d+$/.test(s)) continue;
    out.push(s);
  }
  return out;
}

/** How much the classifier's own words count against one coded appeal's words. */
const TITLE_WEIGHT = 3;
const THEME_WEIGHT = 1;
// Laplace smoothing (α = 1): of 0.02, 0.1, 0.5, 1 and 2 it did best on bench/topics (docs/reception.md).
const ALPHA = 1;

interface CodeModel {
  counts: Map<string, number>;
  total: number;
  /** Coded appeals of the office with this code. */
  appeals: number;
}

export interface TopicModel {
  codes: Map<string, CodeModel>;
  vocabulary: number;
  appeals: number;
  /** The number of cards and the classifier edition the model was built from. */
  builtFrom: { cards: number; edition: string | null };
}

/**
 * The desk's suggester before issue 20, kept for the bench's comparison only (docs/topics.md):
 * a multinomial naive Bayes model over word stems; each classifier question (level 4) is a
 * class whose words are its title (×3), its theme's title and the contents of the cards coded
 * with it. Built here from lists instead of the desk's tables, otherwise unchanged.
 */
export function buildTopicModel(
  entries: readonly ClassifierEntry[],
  cards: Iterable<{ content: string; codes: readonly string[] }>,
): TopicModel {
  const codes = new Map<string, CodeModel>();
  const vocabulary = new Set<string>();
  const add = (code: string, text: string, weight: number) => {
    let m = codes.get(code);
    if (!m) codes.set(code, (m = { counts: new Map(), total: 0, appeals: 0 }));
    for (const t of terms(text)) {
      m.counts.set(t, (m.counts.get(t) ?? 0) + weight);
      m.total += weight;
      vocabulary.add(t);
    }
    return m;
  };
  const byCode = new Map(entries.map((e) => [e.code, e]));
  for (const n of entries) {
    if (n.level !== 4) continue;
    add(n.code, n.title, TITLE_WEIGHT);
    const theme = n.parentCode ? byCode.get(n.parentCode) : undefined;
    if (theme) add(n.code, theme.title, THEME_WEIGHT);
  }
  let appeals = 0;
  for (const card of cards) {
    for (const code of card.codes) {
      if (byCode.get(code)?.level !== 4) continue;
      add(code, card.content, 1).appeals++;
      appeals++;
    }
  }
  return {
    codes,
    vocabulary: vocabulary.size,
    appeals,
    builtFrom: { cards: appeals, edition: null },
  };
}

export interface Suggestion {
  code: string;
  /** Share of the probability among the suggestions' class set, 0–1. */
  confidence: number;
}

export function suggestTopics(model: TopicModel, text: string, limit: number): Suggestion[] {
  const query = terms(text);
  if (query.length === 0 || model.codes.size === 0) return [];
  const scored: { code: string; score: number }[] = [];
  const classes = model.codes.size;
  for (const [code, m] of model.codes) {
    // Prior: the office's own distribution of codes, smoothed so unseen codes stay possible.
    let score = Math.log((m.appeals + 1) / (model.appeals + classes));
    const denominator = Math.log(m.total + ALPHA * model.vocabulary);
    let matched = 0;
    for (const t of query) {
      const c = m.counts.get(t) ?? 0;
      if (c > 0) matched++;
      score += Math.log(c + ALPHA) - denominator;
    }
    // A class none of whose words occur in the text is not a suggestion, however likely.
    if (matched > 0) scored.push({ code, score });
  }
  scored.sort((a, b) => b.score - a.score);
  const top = scored.slice(0, limit);
  if (top.length === 0) return [];
  const max = top[0]!.score;
  const weights = top.map((s) => Math.exp(s.score - max));
  const sum = weights.reduce((a, b) => a + b, 0);
  return top.map((s, i) => ({ code: s.code, confidence: weights[i]! / sum }));
}
