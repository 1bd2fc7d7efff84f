import {
  appealTerms,
  ASIDE_WEIGHT,
  CardTerms,
  readCard,
  stems,
  TermTable,
  type AppealTerms,
  type TermTableSnapshot,
  type TermOptions,
} from './text';
import { CLASSIFIER_CODE, levelOf } from '../domain/classifier';
import type { ClassifierNode } from '../domain/reference';
import { THEME_WORDS } from './lexicon';
import { PairIndex } from './pair-index';

/**
 * Topic suggestion for long, noisy appeals (docs/topics.md): cosine similarity of TF-IDF
 * vectors at three levels of the classifier (question, theme, section), from two sources —
 * what the classifier's own titles say (always there, even on a fresh desk) and what the
 * region's coded cards say (a model the central builds and ships, plus the desk's newer cards).
 * The same code serves the desk, the central and the bench.
 */

/** A classifier node as the index reads it (the reference schema's fields, less `retired`). */
export type ClassifierEntry = Pick<ClassifierNode, 'code' | 'title' | 'parentCode' | 'level'>;

/** What the central ships to desks: sums of unit card vectors per question, no text. */
export interface RegionTopicModel {
  format: 1;
  /** The central's build number; a desk replaces its model only by a newer one. */
  version: number;
  builtAt: string;
  edition: string | null;
  /** Coded cards learnt from, and the fewest cards a term needed to be kept (privacy). */
  cards: number;
  minCards: number;
  /** Term → how many learnt cards hold it (only terms that were kept). */
  df: Record<string, number>;
  /** Question code → cards learnt and the sum of their unit vectors (kept terms only). */
  classes: Record<string, { n: number; v: Record<string, number> }>;
}

/** Tuned on the tuning split of bench/topics (docs/topics.md); the bench tries others. */
export interface ScoreOptions extends TermOptions {
  /** Weight of the theme's and the section's similarity next to the question's own. */
  theme: number;
  section: number;
  /** Weight of history next to the classifier's knowledge, and its growth with cards. */
  history: number;
  /** Cards of a question at which its history counts half (n / (n + halfAt)). */
  halfAt: number;
  /** Weight of the log-prior of a question's share of cards. */
  prior: number;
  /** Knowledge documents: the weight of each ancestor's title in a question's document. */
  ancestors: number;
  /** Whether the themes' everyday words (lexicon.ts) join the titles, and their weight in a question's document. */
  lexicon: boolean;
  lexiconInQuestion: number;
  lexiconInTheme: number;
  lexiconInSection: number;
  /** 0: question, theme and section similarities add up; g > 0: the question's is scaled by (g + the others). */
  gate: number;
  /** > 0: the first suggestion comes from the section with the most evidence (with this weight of the section's own similarity). */
  vote: number;
  /** > 0: a question's knowledge similarity is damped by m / (m + evidence), m = words shared. */
  evidence: number;
  /** > 0: a theme's similarity is damped the same way, by m / (m + themeEvidence). */
  themeEvidence: number;
}

export const DEFAULT_SCORE: ScoreOptions = {
  theme: 0.6,
  section: 0.3,
  history: 1,
  halfAt: 3,
  prior: 0.02,
  ancestors: 0.5,
  lexicon: true,
  lexiconInQuestion: 2,
  lexiconInTheme: 4,
  lexiconInSection: 4,
  gate: 0,
  vote: 1,
  evidence: 1,
  themeEvidence: 0.5,
  requestWeight: 4,
  asideWeight: ASIDE_WEIGHT,
  formulas: true,
  rhetoric: true,
  matters: true,
  bigrams: true,
  scrub: true,
};

type Posting = { idx: number; w: number }[];

/** One level's inverted index: term → the classes it weighs in, and each term's idf. */
interface LevelIndex {
  postings: Map<string, Posting>;
  idf: Map<string, number>;
}

export interface Suggestion {
  code: string;
  score: number;
  /** Words of the appeal that weighed most for this code. */
  why: string[];
  /** For an appeal with several requests: which request (0-based) this code answers. */
  request: number | null;
}

export interface TopicIndex {
  suggest(text: string, limit: number): Suggestion[];
  /** Questions known to the index, and how many carry history. */
  readonly questions: number;
  readonly withHistory: number;
  readonly options: ScoreOptions;
}

/** The question (level 4) a code is or belongs to; null above level 4 or when malformed. */
export function questionOf(code: string): string | null {
  if (!CLASSIFIER_CODE.test(code)) return null;
  const level = levelOf(code);
  return level === 4 ? code : level === 5 ? code.slice(0, 19) : null;
}

/** An accumulator as plain data: its terms, each term's cards, per question its cards and sums. */
export interface AccumulatorState {
  cards: number;
  table: TermTableSnapshot;
  /** By term id. */
  df: Int32Array;
  questions: { q: string; n: number; ids: Int32Array; weights: Float64Array; cards: Int32Array }[];
  /** Terms one card holds so far, not in any question's sums yet: the card and its weight. */
  once: { ids: Int32Array; cards: Int32Array; weights: Float64Array };
  /** Card c's questions (indexes into `questions`): cardQuestions[cardStart[c] … cardStart[c + 1]). */
  cardStart: Int32Array;
  cardQuestions: Int32Array;
}

/** One question's history in an accumulator: per slot a term id and its sums. */
interface QuestionSums {
  q: string;
  /** The question's number in its accumulator (the slots' index knows it by that). */
  index: number;
  n: number;
  ids: number[];
  weights: number[];
  cards: number[];
}

/** Adds a term's weight and cards to a question's sums; `slots`: (question, term) → slot. */
function addSum(slots: PairIndex, sums: QuestionSums, id: number, weight: number, cards: number) {
  const slot = slots.get(sums.index, id);
  if (slot < 0) {
    slots.add(sums.index, id, sums.ids.length);
    sums.ids.push(id);
    sums.weights.push(weight);
    sums.cards.push(cards);
  } else {
    sums.weights[slot]! += weight;
    sums.cards[slot]! += cards;
  }
}

/**
 * Accumulates cards into per-question sums of unit vectors (the central's build, the desk's
 * top-up). A term only one card holds so far waits outside the sums with that card and its
 * weight, and goes in when a second card holds it: most of a region's terms (a rare word, the
 * pair of two words one letter puts side by side) are held by one card only and never reach a
 * model, so they never get a slot in a question's sums.
 */
export class HistoryAccumulator {
  private readonly table = new TermTable();
  private readonly card = new CardTerms();
  /** Cards holding each term, by id. */
  private readonly dfs: number[] = [];
  private readonly questions = new Map<string, QuestionSums>();
  /** The questions by their index. */
  private readonly questionList: QuestionSums[] = [];
  /** (a question's index, a term's id) → the term's slot in that question's sums. */
  private readonly slots = new PairIndex();
  /** By term id, while only one card holds it and it is in no sums: that card (else -1 or none). */
  private readonly onceCard: number[] = [];
  private readonly onceWeight: number[] = [];
  /** Card c (of those added here) has the questions cardQuestions[cardStart[c] … cardStart[c + 1]). */
  private readonly cardStart: number[] = [0];
  private readonly cardQuestions: number[] = [];
  cards = 0;

  constructor(private readonly opts: TermOptions = DEFAULT_SCORE) {}

  add(content: string, codes: readonly string[]) {
    const questions = [...new Set(codes.map(questionOf).filter((c): c is string => c !== null))];
    if (questions.length === 0) return;
    const card = this.card;
    card.clear();
    readCard(this.table, card, content, this.opts);
    card.toUnit();
    // Sublinear tf zeroes a term weighed below 1/e (an aside's word said once): not a term then.
    if (!card.ids.some((id) => card.weight(id) > 0)) return;
    this.cards++;
    const c = this.cardStart.length - 1;
    const sums = questions.map((q) => this.questionSums(q));
    for (const s of sums) {
      s.n++;
      this.cardQuestions.push(s.index);
    }
    this.cardStart.push(this.cardQuestions.length);
    const ids: number[] = [];
    const weights: number[] = [];
    for (const id of card.ids) {
      const w = card.weight(id);
      if (w <= 0) continue;
      const df = this.dfs[id] ?? 0;
      this.dfs[id] = df + 1;
      if (df === 0) {
        this.onceCard[id] = c;
        this.onceWeight[id] = w;
        continue;
      }
      this.settleTerm(id);
      ids.push(id);
      weights.push(w);
    }
    for (const s of sums)
      for (let k = 0; k < ids.length; k++) addSum(this.slots, s, ids[k]!, weights[k]!, 1);
  }

  /** A term one card held until now goes into that card's questions' sums. */
  private settleTerm(id: number) {
    const c = this.onceCard[id] ?? -1;
    if (c < 0) return;
    this.onceCard[id] = -1;
    for (let j = this.cardStart[c]!; j < this.cardStart[c + 1]!; j++)
      addSum(this.slots, this.questionList[this.cardQuestions[j]!]!, id, this.onceWeight[id]!, 1);
  }

  /** Every term still waiting goes into the sums (before a merge, or a read that wants them). */
  private settle() {
    for (let id = 0; id < this.onceCard.length; id++) this.settleTerm(id);
  }

  /** Cards holding a term. */
  dfOf(term: string): number {
    const id = this.table.find(term);
    return id < 0 ? 0 : (this.dfs[id] ?? 0);
  }

  /** Every term with the cards holding it. */
  *df(): IterableIterator<[string, number]> {
    for (let id = 0; id < this.dfs.length; id++) {
      const n = this.dfs[id];
      if (n) yield [this.table.name(id), n];
    }
  }

  /** Cards coded with a question. */
  nOf(question: string): number {
    return this.questions.get(question)?.n ?? 0;
  }

  /**
   * Per question with at least `minN` cards, the terms at least `minDf` cards of the region and
   * `minInQuestion` of the question's hold: [term, summed weight, the region's cards holding it].
   * Read by id, so the millions of rare terms are never named.
   */
  *shared(
    minN: number,
    minDf: number,
    minInQuestion: number,
  ): IterableIterator<[string, number, [string, number, number][]]> {
    // A term waiting outside the sums is held by one card: only a threshold of one wants it.
    if (minDf <= 1 || minInQuestion <= 1) this.settle();
    for (const [q, sums] of this.questions) {
      if (sums.n < minN) continue;
      const terms: [string, number, number][] = [];
      sums.ids.forEach((id, i) => {
        const df = this.dfs[id] ?? 0;
        if (df >= minDf && sums.cards[i]! >= minInQuestion)
          terms.push([this.table.name(id), sums.weights[i]!, df]);
      });
      yield [q, sums.n, terms];
    }
  }

  /**
   * What the accumulator holds, as plain data in typed arrays (a build's worker thread sends it
   * back; `buffers` may be transferred instead of copied).
   */
  state(): { state: AccumulatorState; buffers: ArrayBuffer[] } {
    const table = this.table.snapshot();
    const df = new Int32Array(table.first.length);
    for (let id = 0; id < df.length; id++) df[id] = this.dfs[id] ?? 0;
    const questions = this.questionList.map((s) => ({
      q: s.q,
      n: s.n,
      ids: Int32Array.from(s.ids),
      weights: Float64Array.from(s.weights),
      cards: Int32Array.from(s.cards),
    }));
    let waiting = 0;
    for (let id = 0; id < this.onceCard.length; id++) if ((this.onceCard[id] ?? -1) >= 0) waiting++;
    const once = {
      ids: new Int32Array(waiting),
      cards: new Int32Array(waiting),
      weights: new Float64Array(waiting),
    };
    for (let id = 0, i = 0; id < this.onceCard.length; id++) {
      const c = this.onceCard[id] ?? -1;
      if (c < 0) continue;
      once.ids[i] = id;
      once.cards[i] = c;
      once.weights[i++] = this.onceWeight[id]!;
    }
    const cardStart = Int32Array.from(this.cardStart);
    const cardQuestions = Int32Array.from(this.cardQuestions);
    const buffers = [
      table.first,
      table.second,
      df,
      ...questions.flatMap((q) => [q.ids, q.weights, q.cards]),
      once.ids,
      once.cards,
      once.weights,
      cardStart,
      cardQuestions,
    ].map((a) => a.buffer as ArrayBuffer);
    return {
      state: { cards: this.cards, table, df, questions, once, cardStart, cardQuestions },
      buffers,
    };
  }

  /**
   * Adds what other accumulators held (a build split over worker threads). With `minDf`, a term
   * fewer than that many cards hold in all of them together stays out: the region model never
   * ships it. A pair is never more frequent than either of its stems, so the pairs of a stem
   * below `minDf` are dropped unread — most of a region's millions of terms. With
   * `minInQuestion`, a question's sums leave out a term fewer than that many of its cards hold
   * (the model never ships it either). With either, only into an accumulator that holds nothing
   * yet (its own cards would not count).
   */
  merge(states: readonly AccumulatorState[], minDf = 0, minInQuestion = 0) {
    if ((minDf > 0 || minInQuestion > 0) && this.cards > 0)
      throw new Error('a merge that leaves terms out needs an empty accumulator');
    // What the states bring goes straight into the sums: nothing may wait here any more.
    this.settle();
    // Each state's term id → this accumulator's (-1: left out). Stems first, then their pairs
    // (a pair's stems always have smaller ids than the pair).
    const own = states.map((s) => new Int32Array(s.df.length).fill(-1));
    const count = (id: number, n: number) => (this.dfs[id] = (this.dfs[id] ?? 0) + n);
    states.forEach((s, k) => {
      this.cards += s.cards;
      const { first } = s.table;
      const map = own[k]!;
      let stem = 0;
      for (let id = 0; id < first.length; id++) {
        if (first[id] !== -1) continue;
        map[id] = this.table.term(s.table.stems[stem++]!);
        count(map[id]!, s.df[id]!);
      }
    });
    const frequent = (id: number) => id >= 0 && (this.dfs[id] ?? 0) >= minDf;
    // Pairs. Among W states, a pair that minDf cards hold in all is held by at least
    // ceil(minDf / W) in one of them: only those are looked for in the others, so the millions
    // of pairs a card or two hold get no id here.
    const seedDf = Math.max(1, Math.ceil(minDf / Math.max(1, states.length)));
    const seeds = new PairIndex();
    const seedCards: number[] = [];
    const eachPair = (visit: (k: number, id: number, a: number, b: number) => void) => {
      states.forEach((s, k) => {
        const { first, second } = s.table;
        const map = own[k]!;
        for (let id = 0; id < first.length; id++) {
          if (first[id] === -1) continue;
          const a = map[first[id]!]!;
          const b = map[second[id]!]!;
          if (frequent(a) && frequent(b)) visit(k, id, a, b);
        }
      });
    };
    eachPair((k, id, a, b) => {
      if (states[k]!.df[id]! >= seedDf && seeds.get(a, b) < 0) {
        seeds.add(a, b, seedCards.length);
        seedCards.push(0);
      }
    });
    eachPair((k, id, a, b) => {
      const seed = seeds.get(a, b);
      if (seed >= 0) seedCards[seed]! += states[k]!.df[id]!;
    });
    eachPair((k, id, a, b) => {
      const seed = seeds.get(a, b);
      if (seed < 0 || seedCards[seed]! < minDf) return;
      own[k]![id] = this.table.pair(a, b);
      count(own[k]![id]!, states[k]!.df[id]!);
    });
    // Questions' sums. With `minInQuestion`, found like the pairs: a question's term that
    // minInQuestion of its cards hold in all states is held by ceil(minInQuestion / W) of them in
    // one; only such (question, term) are added, from every state (a region's rare words are
    // spread over hundreds of questions, a card or two in each).
    const sums = states.map((s) => s.questions.map((q) => this.questionSums(q.q)));
    states.forEach((s, k) => s.questions.forEach((q, j) => (sums[k]![j]!.n += q.n)));
    const seedIn = Math.ceil(minInQuestion / Math.max(1, states.length));
    // Every state's (question, term) sums, by this accumulator's ids, state after state: its
    // slots, then the terms one card of it held (into that card's questions).
    const eachSum = (
      visit: (to: QuestionSums, id: number, weight: number, cards: number) => void,
    ) =>
      states.forEach((s, k) => {
        const map = own[k]!;
        s.questions.forEach((q, j) => {
          for (let i = 0; i < q.ids.length; i++) {
            const id = map[q.ids[i]!]!;
            if (frequent(id)) visit(sums[k]![j]!, id, q.weights[i]!, q.cards[i]!);
          }
        });
        const { once, cardStart, cardQuestions } = s;
        for (let i = 0; i < once.ids.length; i++) {
          const id = map[once.ids[i]!]!;
          if (!frequent(id)) continue;
          const c = once.cards[i]!;
          for (let j = cardStart[c]!; j < cardStart[c + 1]!; j++)
            visit(sums[k]![cardQuestions[j]!]!, id, once.weights[i]!, 1);
        }
      });
    if (seedIn <= 1)
      return eachSum((to, id, weight, cards) => addSum(this.slots, to, id, weight, cards));
    // The seeds get their slots first (empty), then every state's sums go into slots that exist.
    eachSum((to, id, _, cards) => {
      if (cards >= seedIn && this.slots.get(to.index, id) < 0) addSum(this.slots, to, id, 0, 0);
    });
    eachSum((to, id, weight, cards) => {
      const slot = this.slots.get(to.index, id);
      if (slot < 0) return;
      to.weights[slot]! += weight;
      to.cards[slot]! += cards;
    });
  }

  private questionSums(q: string): QuestionSums {
    let sums = this.questions.get(q);
    if (!sums) {
      sums = { q, index: this.questions.size, n: 0, ids: [], weights: [], cards: [] };
      this.questions.set(q, sums);
      this.questionList.push(sums);
    }
    return sums;
  }

  /** A question's sums (term → weight), for the desk's own cards on top of the region's. */
  sums(): Map<string, Map<string, number>> {
    const out = this.questionList.map(
      (s) => new Map(s.ids.map((id, i) => [this.table.name(id), s.weights[i]!])),
    );
    // Terms one card holds are in no slot yet (never in one of that card's questions' sums).
    for (let id = 0; id < this.onceCard.length; id++) {
      const c = this.onceCard[id] ?? -1;
      if (c < 0) continue;
      for (let j = this.cardStart[c]!; j < this.cardStart[c + 1]!; j++)
        out[this.cardQuestions[j]!]!.set(this.table.name(id), this.onceWeight[id]!);
    }
    return new Map(this.questionList.map((s, i) => [s.q, out[i]!]));
  }
}

/** The fewest cards a term must appear in (in the region, and within a question) to be shipped. */
export const MIN_CARDS = 5;
export const MIN_CARDS_IN_QUESTION = 3;
/** The most terms shipped per question (by weight). */
export const TERMS_PER_QUESTION = 400;

/**
 * The region's model from its accumulated cards, keeping only what many cards share: a term
 * goes out only if at least MIN_CARDS cards of the region and MIN_CARDS_IN_QUESTION cards of
 * that question hold it, so nothing tied to one card (a name, a street, a rare phrase) leaves
 * the central; a question with fewer cards than that ships nothing.
 */
export function regionModel(
  acc: HistoryAccumulator,
  meta: { version: number; builtAt: string; edition: string | null },
): RegionTopicModel {
  const classes: RegionTopicModel['classes'] = {};
  const kept = new Set<string>();
  const dfOf = new Map<string, number>();
  for (const [q, n, shared] of acc.shared(
    MIN_CARDS_IN_QUESTION,
    MIN_CARDS,
    MIN_CARDS_IN_QUESTION,
  )) {
    // Ties by name: the model does not depend on the order the sums were built in.
    const terms = shared
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, TERMS_PER_QUESTION);
    if (terms.length === 0) continue;
    const v: Record<string, number> = {};
    for (const [t, w, cards] of terms) {
      v[t] = Math.round(w * 1000) / 1000;
      kept.add(t);
      dfOf.set(t, cards);
    }
    classes[q] = { n, v };
  }
  const df: Record<string, number> = {};
  for (const t of [...kept].sort()) df[t] = dfOf.get(t)!;
  return {
    format: 1,
    ...meta,
    cards: acc.cards,
    minCards: MIN_CARDS,
    df,
    classes,
  };
}

const idfOf = (docs: number, df: number) => Math.log(1 + docs / Math.max(1, df));

/** Unit-length TF-IDF vectors of documents, turned into an inverted index. */
function indexLevel(docs: Map<string, number>[], idf?: Map<string, number>): LevelIndex {
  const postings = new Map<string, Posting>();
  let weights = idf;
  if (!weights) {
    const df = new Map<string, number>();
    for (const d of docs) for (const t of d.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    weights = new Map([...df].map(([t, n]) => [t, idfOf(docs.length, n)]));
  }
  docs.forEach((d, idx) => {
    let norm = 0;
    const v: [string, number][] = [];
    for (const [t, w] of d) {
      const x = w * (weights!.get(t) ?? 0);
      if (x <= 0) continue;
      v.push([t, x]);
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    for (const [t, x] of v) {
      let p = postings.get(t);
      if (!p) postings.set(t, (p = []));
      p.push({ idx, w: x / norm });
    }
  });
  return { postings, idf: weights };
}

/** Cosine of a query (term → weight) with every document of a level, into `out`. */
function cosines(
  level: LevelIndex,
  query: Map<string, number>,
  out: Float64Array,
  /** When given: how many distinct single stems of the query each document holds. */
  matched?: Uint16Array,
) {
  out.fill(0);
  matched?.fill(0);
  let norm = 0;
  const q: [Posting, number, boolean][] = [];
  for (const [t, w] of query) {
    const idf = level.idf.get(t);
    const p = level.postings.get(t);
    if (!idf || !p) continue;
    const x = (w > 0 ? 1 + Math.log(w) : 0) * idf;
    norm += x * x;
    q.push([p, x, !t.includes('_')]);
  }
  if (norm === 0) return;
  norm = Math.sqrt(norm);
  for (const [p, x, single] of q) {
    for (const { idx, w } of p) {
      out[idx]! += (x / norm) * w;
      if (matched && single) matched[idx]!++;
    }
  }
}

const addInto = (into: Map<string, number>, from: Map<string, number>, k: number) => {
  for (const [t, w] of from) into.set(t, (into.get(t) ?? 0) + w * k);
};

function titleTerms(title: string, bigrams: boolean): Map<string, number> {
  const m = new Map<string, number>();
  const s = stems(title);
  s.forEach((t, i) => {
    m.set(t, (m.get(t) ?? 0) + 1);
    if (bigrams && i > 0) m.set(`${s[i - 1]}_${t}`, (m.get(`${s[i - 1]}_${t}`) ?? 0) + 1);
  });
  return m;
}

/**
 * The suggestion index: the classifier's questions (level 4, not retired) with their knowledge
 * documents, and, when given, the region's model and the desk's own cards on top of it.
 */
export function buildTopicIndex(
  entries: readonly ClassifierEntry[],
  history: { region?: RegionTopicModel | null; local?: HistoryAccumulator | null } = {},
  options: ScoreOptions = DEFAULT_SCORE,
): TopicIndex {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const questions = entries.filter((e) => e.level === 4);
  const qIdx = new Map(questions.map((q, i) => [q.code, i]));
  const parent = (e: ClassifierEntry | undefined) =>
    e?.parentCode ? byCode.get(e.parentCode) : undefined;
  const themeOf = questions.map((q) => parent(q));
  const sectionOf = questions.map((q) => {
    let e: ClassifierEntry | undefined = q;
    while (e && e.level > 1) e = parent(e);
    return e;
  });
  const themes = [...new Set(themeOf.filter((t): t is ClassifierEntry => !!t))];
  const sections = [...new Set(sectionOf.filter((s): s is ClassifierEntry => !!s))];
  const themeIdx = new Map(themes.map((t, i) => [t.code, i]));
  const sectionIdx = new Map(sections.map((s, i) => [s.code, i]));
  const qTheme = themeOf.map((t) => (t ? themeIdx.get(t.code)! : -1));
  const qSection = sectionOf.map((s) => (s ? sectionIdx.get(s.code)! : -1));
  const bigrams = options.bigrams ?? true;

  // Knowledge: a question's own title (×3), its sub-questions' titles, its ancestors' titles.
  const children = new Map<string, string[]>();
  for (const e of entries) {
    if (e.level === 5 && e.parentCode) {
      const list = children.get(e.parentCode) ?? [];
      list.push(e.title);
      children.set(e.parentCode, list);
    }
  }
  const qDocs = questions.map((q) => {
    const d = new Map<string, number>();
    addInto(d, titleTerms(q.title, bigrams), 3);
    for (const c of children.get(q.code) ?? []) addInto(d, titleTerms(c, bigrams), 1);
    for (let a = parent(q); a; a = parent(a))
      addInto(d, titleTerms(a.title, bigrams), options.ancestors);
    return d;
  });
  const themeDocs = themes.map((t) => titleTerms(t.title, bigrams));
  const sectionDocs = sections.map((s) => titleTerms(s.title, bigrams));
  for (const d of themeDocs) for (const [t, w] of d) d.set(t, w * 2);
  for (const d of sectionDocs) for (const [t, w] of d) d.set(t, w * 2);
  const everyday = themes.map((t) =>
    options.lexicon && THEME_WORDS[t.code] ? titleTerms(THEME_WORDS[t.code]!, bigrams) : null,
  );
  themes.forEach((t, i) => {
    const subject = parent(t);
    const section = sectionIdx.get(
      sectionOf[questions.findIndex((q) => parent(q) === t)]?.code ?? '',
    );
    if (everyday[i]) addInto(themeDocs[i]!, everyday[i]!, options.lexiconInTheme);
    if (section === undefined) return;
    if (subject) addInto(sectionDocs[section]!, titleTerms(subject.title, bigrams), 1);
    addInto(sectionDocs[section]!, titleTerms(t.title, bigrams), 1);
    if (everyday[i]) addInto(sectionDocs[section]!, everyday[i]!, options.lexiconInSection);
  });
  questions.forEach((q, i) => {
    const t = qTheme[i]!;
    if (t >= 0) addInto(themeDocs[t]!, qDocs[i]!, 1 / 3);
    if (qSection[i]! >= 0) addInto(sectionDocs[qSection[i]!]!, titleTerms(q.title, bigrams), 1);
    if (t >= 0 && everyday[t]) addInto(qDocs[i]!, everyday[t]!, options.lexiconInQuestion);
  });
  const know = {
    q: indexLevel(qDocs),
    theme: indexLevel(themeDocs),
    section: indexLevel(sectionDocs),
  };

  // History: the region's sums plus the desk's own, at each level, weighted by idf.
  const sums: (Map<string, number> | null)[] = questions.map(() => null);
  const counts = new Float64Array(questions.length);
  const df = new Map<string, number>();
  let cards = 0;
  const region = history.region;
  if (region) {
    cards += region.cards;
    for (const [t, n] of Object.entries(region.df)) df.set(t, n);
    for (const [code, c] of Object.entries(region.classes)) {
      const i = qIdx.get(code);
      if (i === undefined) continue;
      const m = (sums[i] ??= new Map());
      for (const [t, w] of Object.entries(c.v)) m.set(t, (m.get(t) ?? 0) + w);
      counts[i]! += c.n;
    }
  }
  const local = history.local;
  if (local) {
    cards += local.cards;
    for (const [t, n] of local.df()) df.set(t, (df.get(t) ?? 0) + n);
    for (const [code, sum] of local.sums()) {
      const i = qIdx.get(code);
      if (i === undefined) continue;
      const m = (sums[i] ??= new Map());
      addInto(m, sum, 1);
      counts[i]! += local.nOf(code);
    }
  }
  const withHistory = sums.filter(Boolean).length;
  let hist: { q: LevelIndex; theme: LevelIndex; section: LevelIndex } | null = null;
  if (withHistory > 0) {
    const idf = new Map([...df].map(([t, n]) => [t, idfOf(cards, n)]));
    const qh = sums.map((s) => s ?? new Map<string, number>());
    const th = themes.map(() => new Map<string, number>());
    const sh = sections.map(() => new Map<string, number>());
    qh.forEach((s, i) => {
      if (s.size === 0) return;
      if (qTheme[i]! >= 0) addInto(th[qTheme[i]!]!, s, 1);
      if (qSection[i]! >= 0) addInto(sh[qSection[i]!]!, s, 1);
    });
    hist = { q: indexLevel(qh, idf), theme: indexLevel(th, idf), section: indexLevel(sh, idf) };
  }
  const totalCards = counts.reduce((a, b) => a + b, 0);

  const kq = new Float64Array(questions.length);
  const kMatched = new Uint16Array(questions.length);
  const kt = new Float64Array(themes.length);
  const tMatched = new Uint16Array(themes.length);
  const ks = new Float64Array(sections.length);
  const hq = new Float64Array(questions.length);
  const ht = new Float64Array(themes.length);
  const hs = new Float64Array(sections.length);

  function score(query: Map<string, number>): Float64Array {
    cosines(know.q, query, kq, options.evidence > 0 ? kMatched : undefined);
    if (options.evidence > 0) {
      // A question that shares one word with the letter is weaker evidence than one that shares
      // three: damp by m / (m + evidence), m = distinct words shared.
      for (let i = 0; i < kq.length; i++)
        kq[i]! *= kMatched[i]! / (kMatched[i]! + options.evidence);
    }
    // The same for a theme: one title word («приеме» of «на личном приеме») should not carry a
    // theme whose only question's title holds it.
    const themeEvidence = options.themeEvidence;
    cosines(know.theme, query, kt, themeEvidence > 0 ? tMatched : undefined);
    if (themeEvidence > 0) {
      for (let i = 0; i < kt.length; i++) kt[i]! *= tMatched[i]! / (tMatched[i]! + themeEvidence);
    }
    cosines(know.section, query, ks);
    if (hist) {
      cosines(hist.q, query, hq);
      cosines(hist.theme, query, ht);
      cosines(hist.section, query, hs);
    }
    const out = new Float64Array(questions.length);
    for (let i = 0; i < questions.length; i++) {
      const t = qTheme[i]!;
      const s = qSection[i]!;
      // A question's own words count in proportion to how well its theme and section fit the
      // whole appeal, so one stray word («приеме», «праздники») cannot carry it.
      const fit = (t >= 0 ? kt[t]! : 0) * options.theme + (s >= 0 ? ks[s]! : 0) * options.section;
      let v = options.gate ? kq[i]! * (options.gate + fit) + fit : kq[i]! + fit;
      if (hist) {
        const n = counts[i]!;
        const trust = n / (n + options.halfAt);
        v +=
          options.history *
          (trust * hq[i]! +
            options.theme * (t >= 0 ? ht[t]! : 0) +
            options.section * (s >= 0 ? hs[s]! : 0));
        v += options.prior * Math.log((n + 1) / (totalCards + questions.length));
      }
      out[i] = v;
    }
    return out;
  }

  const top = (scores: Float64Array, k: number) => {
    const best: number[] = [];
    for (let i = 0; i < scores.length; i++) {
      if (!(scores[i]! > 0) && !hist) continue;
      if (best.length < k || scores[i]! > scores[best[best.length - 1]!]!) {
        best.push(i);
        best.sort((a, b) => scores[b]! - scores[a]!);
        if (best.length > k) best.pop();
      }
    }
    return best;
  };

  function why(terms: AppealTerms, i: number): string[] {
    const contributions: [string, number][] = [];
    for (const [t, w] of terms.all) {
      if (t.includes('_')) continue;
      let c = 0;
      const kp = know.q.postings.get(t)?.find((p) => p.idx === i);
      if (kp) c += kp.w * w * (know.q.idf.get(t) ?? 0);
      const hp = hist?.q.postings.get(t)?.find((p) => p.idx === i);
      if (hp) c += hp.w * w * (hist!.q.idf.get(t) ?? 0);
      if (c > 0) contributions.push([t, c]);
    }
    return contributions
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([t]) => terms.surface.get(t) ?? t);
  }

  return {
    questions: questions.length,
    withHistory,
    options,
    suggest(text, limit) {
      const terms = appealTerms(text, options);
      if (terms.all.size === 0) return [];
      // A letter of several matters: its first matter decides the first suggestion (scored first:
      // `score` reuses the section similarities `ks`).
      let lead = terms.first ? score(terms.first) : null;
      if (lead && !lead.some((v) => v > 0)) lead = null;
      const leadKs = lead ? ks.slice() : null;
      const overall = score(terms.all);
      let ranked = top(overall, Math.max(limit, 1));
      // No question shares a word with the text: nothing to suggest.
      if (ranked.length === 0 || !(overall[ranked[0]!]! > 0)) return [];
      // What decides the first suggestion: the first matter's scores, or the whole letter's.
      const basis = lead ?? overall;
      let section = -1;
      if (options.vote > 0) {
        // The section with the most evidence over all its questions (its best three), not the
        // single best question's, gives the first suggestion.
        const best = sections.map(() => [0, 0, 0]);
        for (let i = 0; i < basis.length; i++) {
          const b = best[qSection[i]!];
          const v = basis[i]!;
          if (!b || v <= b[2]!) continue;
          b[2] = v;
          b.sort((x, y) => y - x);
        }
        const sims = leadKs ?? ks;
        const sectionScore = best.map((b, k) => b[0]! + b[1]! + b[2]! + options.vote * sims[k]!);
        section = sectionScore.indexOf(Math.max(...sectionScore));
      }
      if (lead || section >= 0) {
        let first: number | undefined;
        for (let i = 0; i < basis.length; i++) {
          if (section >= 0 && qSection[i] !== section) continue;
          if (first === undefined || basis[i]! > basis[first]!) first = i;
        }
        if (first !== undefined && first !== ranked[0])
          ranked = [first, ...ranked.filter((i) => i !== first)];
      }
      // Several requests: each request's best question joins the list right after the first.
      const picked: { i: number; request: number | null }[] = [{ i: ranked[0]!, request: null }];
      if (terms.requests.length > 1) {
        terms.requests.forEach((r, n) => {
          const best = top(score(r), 1)[0];
          if (best !== undefined && !picked.some((p) => p.i === best))
            picked.push({ i: best, request: n });
        });
      }
      for (const i of ranked) if (!picked.some((p) => p.i === i)) picked.push({ i, request: null });
      return picked.slice(0, limit).map(({ i, request }) => ({
        code: questions[i]!.code,
        score: overall[i]!,
        why: why(terms, i),
        request,
      }));
    },
  };
}
