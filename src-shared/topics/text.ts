import { LetterPattern, WORD_CODE } from '../text/letters';
import { stemUncached, stemWord, words } from '../text/stem';
import { PairIndex } from './pair-index';
import { HASH_SEED, hashStep, WordIndex } from './word-index';

/**
 * Reading an appeal for topic suggestion (docs/topics.md). Real appeals are long letters:
 * greetings, the writer's name and address, dates, telephone numbers, quotations of laws,
 * feelings, and somewhere one sentence that asks for something. What decides the code is the
 * problem and the request; the rest is removed or weighed down here, once for the desk, the
 * central and the bench.
 */

/** Words that say nothing about the topic of an appeal (compared as stems). */
const STOP = new Set(
  (
    'и в во на с со по к ко о об от до из за для не нет ни что как это так уже еще или но а же ' +
    'ли бы он она оно они его ее их им ими мы нас нам наш вы вас вам ваш я мне меня мой моя мои ' +
    'свой себя который которая которые при под над без через после году год том числе иные иных ' +
    'других др т д п г ул кв тел весь все всех был была были быть есть будет только даже очень ' +
    'просит просьба прошу просим требую помогите заявитель заявительница гражданин гражданка ' +
    'уважаемый уважаемая уважаемые здравствуйте добрый день глава вопрос ответ обращение ' +
    'обращаюсь пишу заранее благодарю уважением надеюсь решение также кто где когда чтобы ' +
    'того этого этом эти этот эта там тут здесь потому почему можно нельзя раз два три ' +
    'сказали говорят обещали уже до сих пор меры принять примите разобраться кроме помимо'
  )
    .split(' ')
    .map(stemWord),
);

// Words that identify a person or a document and carry no topic; each match becomes a space.
// Numbers alone (telephones, «12.03.2026», «№ 5») need no pattern: no term holds a digit.
const EMAIL = /\S+@\S+\.\S+/gu;
/**
 * The patterns, in the passes they run in: each pass is one pattern of alternatives (one scan of
 * the text instead of one per pattern), where two overlap the one that starts first wins. Case
 * decides the second pass (names, «РФ»), not the first; «по адресу» runs last, after the address
 * it introduces is gone, and takes what is left of its sentence.
 */
const SCRUB_PASSES: [RegExp[], string][] = [
  [
    [
      /(?:https?:\/\/|www\.)\S+/u, // links
      /\b\d{1,2}\s+(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)\p{L}*(?:\s+\d{4}\s*(?:г\.|года?)?)?/u,
      // citations of laws: «ст. 12», «статьи 8», «Федерального закона № 59-ФЗ», «постановления № 354»
      /(?:ст\.|стать\p{L}*|пункт\p{L}*|п\.|ч\.|част\p{L}*)\s*\d+(?:\.\d+)*/u,
      /(?:федеральн\p{L}*\s+)?закон\p{L}*(?:\s+(?:РФ|Российской Федерации))?(?:\s+от)?/u,
      /(?:постановлени\p{L}*|распоряжени\p{L}*|приказ\p{L}*)\s+(?:правительства\s+)?(?:РФ|Российской Федерации)?/u,
    ],
    'giu',
  ],
  [
    [
      /(?:Конституци\p{L}*|Российской Федерации|РФ)(?![\p{L}])/u,
      /\d+-ФЗ/u,
      // addresses: «г. Энск», «ул. Ленина», «д. 14», «кв. 27», «пос. Первомайский»
      /(?<![\p{L}\p{N}])(?:г|гор|с|пос|п|д|дер|р\.п|пгт|ул|пр|пер|просп|мкр|кв|корп|стр)\.\s*\p{Lu}?[\p{L}\d-]*/u,
      // names: «Иванова Анна Сергеевна», «Петров И.С.» (one pass), «И. П. Сидоров»
      /\p{Lu}\p{Ll}+\s+(?:\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+(?:вич|вна|ична|инична)(?![\p{L}])|\p{Lu}\.\s*\p{Lu}\.)/u,
      /\p{Lu}\.\s*\p{Lu}\.\s*\p{Lu}\p{Ll}+/u,
      /\p{Lu}\p{Ll}+(?:вич|вна|ична|инична)(?![\p{L}])/u, // a patronymic alone («Иван Петрович»)
    ],
    'gu',
  ],
  [[/(?<![\p{L}])по адресу:?[^.!?\n]*/u], 'giu'],
];
export const SCRUB: LetterPattern[] = SCRUB_PASSES.map(
  ([patterns, flags]) =>
    new LetterPattern(new RegExp(patterns.map((re) => `(?:${re.source})`).join('|'), flags)),
);

/** The appeal with names, addresses, dates, telephone numbers, links and legal citations removed. */
export function scrubAppeal(text: string, covered = LetterPattern.covers(text)): string {
  // The e-mail pattern is the costliest (it starts at every character): only where there is an @.
  let out = text.includes('@') ? text.replace(EMAIL, ' ') : text;
  for (const re of SCRUB) out = out.replace(re.for(text, covered), ' ');
  return out;
}

/** Sentences of a text (by end punctuation and line breaks), trimmed, without empty ones. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(SENTENCE_END)) {
    const s = part.trim();
    if (s.length > 0) out.push(s);
  }
  return out;
}
const SENTENCE_END = /(?<=[.!?…])\s+|\n+/;

const REQUEST = new LetterPattern(
  /(?:^|[^\p{L}])(?:прошу|просим|просят|просит|просил|просила|просили|прошени\p{L}*|требую|требуем|просьб\p{L}*|помоги\p{L}*|обяж\p{L}*|примите|разберит\p{L}*|окажите|посодействуйте|необходимо)(?=$|[^\p{L}])/iu,
);

/**
 * Whether a sentence asks for something («Прошу…», «Требую…», a question). The officer's own
 * summary on a reception card says it in the third person: «Заявитель просит…».
 */
export function isRequest(sentence: string, covered = LetterPattern.covers(sentence)): boolean {
  return REQUEST.for(sentence, covered).test(sentence) || sentence.trimEnd().endsWith('?');
}

/*
 * What each sentence does in a letter (docs/topics.md, «How an appeal is read»). Citizens'
 * letters follow a genre: besides the problem and the request they tell the writer's standing
 * («Я ветеран труда»), earlier letters and calls and what officials promised, claim rights,
 * ask rhetorical questions and end with formulas about the reply. Those sentences name things
 * («прокуратура», «выборы», «ветеран») that the classifier's titles hold, so read at full weight
 * they pull a letter towards the wrong section. The patterns name the moves of the genre, not
 * any letter's words, and each is tested alone (topics.test.ts).
 */

/** Formulas about this letter itself: how to answer it, not to forward it, thanks in advance. */
const FORMULA = new LetterPattern(
  /^(?:ответ\p{L}*\s+(?:на\s+(?:\p{L}+\s+){1,3}?)?(?:прошу|просим)|(?:прошу|просим)\s+(?:не\s+(?:пересылать|перенаправлять|направлять)\s+(?:\p{L}+\s+)?(?:обращени|жалоб|заявлени|письм)|(?:дать|направить|выслать|прислать|предоставить)\s+(?:мне\s+|нам\s+)?(?:письменный\s+)?ответ\s+(?:по\s+почте|почтой|на\s+(?:электронн\p{L}*\s+)?(?:почту|адрес)|по\s+электронной|письменно|в\s+письменной))|заранее\s+(?:благодар\p{L}*|спасибо)|(?:благодарю|спасибо)\s+за\s+(?:внимание|понимание)|с\s+уважением|(?:очень\s+)?(?:надеюсь|надеемся|рассчитываю|рассчитываем)\s+на\s+(?:ваш\p{L}*\s+)?(?:понимание|помощь|поддержку|содействие|справедливость|(?:скорейшее|положительное)\s+решение(?:\s+(?:вопроса|проблемы))?)(?:\s+и\s+(?:понимание|помощь|поддержку|содействие))?[.!…]*$)/iu,
);

/** Questions that ask nothing: «Сколько можно терпеть…?», «Неужели…?», «Где справедливость?». */
const RHETORIC = new LetterPattern(
  /^(?:сколько\s+(?:можно|еще|ещё)|доколе|неужели|разве|до\s+каких\s+пор|где\s+(?:же\s+)?(?:справедливость|совесть|логика)|куда\s+смотр|за\s+что|что\s+(?:же\s+)?(?:это\s+)?(?:за|нам\s+делать|делать))/iu,
);

/**
 * Asides: the writer's standing and family, earlier letters, calls and visits and what
 * officials answered or promised, rights claimed and laws cited, attachments.
 */
const ASIDE = new LetterPattern(
  /(?:^|[^\p{L}])(?:обращал\p{L}*|писал\p{L}*|звонил\p{L}*|жаловал\p{L}*|направлял\p{L}*|отправлял\p{L}*|отписк\p{L}*|обещал\p{L}*|обещают|(?:был|была|были)\s+(?:у\s+\p{L}+\s+)?на\s+(?:личном\s+)?приеме|являюсь|я\s+(?:[-—–]\s+)?(?:пенсионер\p{L}*|ветеран\p{L}*|инвалид\p{L}*|вдова|мать|многодетн\p{L}*|одинок\p{L}*)|у\s+меня\s+на\s+(?:руках|иждивении)|(?:имею|имеем|имеет|имеют)\s+право|(?:нарушены|нарушают|нарушает|ущемляют|ущемлены)\s+(?:мои\s+|наши\s+)?права|прилага\p{L}*)(?=$|[^\p{L}])|^(?:согласно|в\s+соответствии\s+с|на\s+основании|в\s+силу|по\s+закону|ссылаюсь|это\s+нарушает)(?=$|[^\p{L}])/iu,
);

/** Openings of another matter: «Кроме того», «Также», «И еще один вопрос», «Во-вторых». */
const NEXT_MATTER = new LetterPattern(
  /^(?:кроме\s+(?:того|этого)|помимо\s+(?:того|этого)|также|а\s+также|и\s+ещ[её]|ещ[её]\s+(?:один|одна|одно)|другой\s+вопрос|другая\s+проблема|второй\s+вопрос|во-вторых|в-третьих|отдельно\s+(?:хочу|прошу))(?=$|[^\p{L}])/iu,
);

/**
 * What a sentence does: asks (a request, weighed up), tells the problem (narrative), tells
 * around it (an aside, weighed down), or is a formula about the letter itself (not read). A
 * request wins over an aside («Я инвалид, прошу выделить коляску» asks).
 */
export type SentenceKind = 'request' | 'narrative' | 'aside' | 'formula';

export function sentenceKind(
  sentence: string,
  covered = LetterPattern.covers(sentence),
  opts: Pick<TermOptions, 'formulas' | 'rhetoric'> = {},
): SentenceKind {
  const s = sentence.trim();
  if ((opts.formulas ?? true) && FORMULA.for(s, covered).test(s)) return 'formula';
  const rhetoric = (opts.rhetoric ?? true) && RHETORIC.for(s, covered).test(s);
  if (!rhetoric && isRequest(s, covered)) return 'request';
  if (ASIDE.for(s, covered).test(s)) return 'aside';
  return 'narrative';
}

/** Whether a sentence opens another matter of the letter («Кроме того, …», «Также …»). */
export function opensMatter(sentence: string, covered = LetterPattern.covers(sentence)): boolean {
  const s = sentence.trim();
  return NEXT_MATTER.for(s, covered).test(s);
}

/** How much an aside counts against a sentence of narrative (tuned, docs/topics.md). */
export const ASIDE_WEIGHT = 0.25;

/** How much a request sentence counts against a sentence of narrative (tuned, docs/topics.md). */
export const REQUEST_WEIGHT = 2;

export interface TermOptions {
  /** 'all': only the whole appeal's terms (building a model needs nothing else). */
  only?: 'all';
  scrub?: boolean;
  requestWeight?: number;
  /** Weight of an aside (1: read as narrative). */
  asideWeight?: number;
  /** Whether formulas about the letter itself go unread (false: read as what they else are). */
  formulas?: boolean;
  /** Whether rhetorical questions are told from requests (false: every question asks). */
  rhetoric?: boolean;
  /** Whether the first of several matters («Кроме того, …») is kept apart for the first suggestion. */
  matters?: boolean;
  bigrams?: boolean;
}

/**
 * A word's topical stem, or '' when it has none (stop word, one letter, digits). `stem`:
 * stemWord, or stemUncached where the caller keeps each word's stem itself (a TermTable).
 */
function topicalStem(w: string, stem = stemWord): string {
  const s = stem(w);
  return s.length <= 1 || STOP.has(s) || /\d/.test(s) ? '' : s;
}

/** The topical stems of a piece of text, in order (stop words and one-letter stems dropped). */
export function stems(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const s = topicalStem(w);
    if (s) out.push(s);
  }
  return out;
}

/**
 * Terms as small numbers: a stem or a pair of neighbouring stems ↔ an id. Reading a card is
 * mostly lookups; by id they are array reads, where by string every pair would be built and
 * compared again. A pair's name («стем_стем») is only written when asked for: a region's letters
 * hold millions of pairs, few of which are ever shipped. A build owns a table for its whole run;
 * the desk's readings share one (`sharedTable`), cleared between two readings when it grows.
 */
export class TermTable {
  /** id → the term's name; a pair's is written on first use of `name`. */
  private readonly names: (string | undefined)[] = [];
  /** A pair's id → its two stems' ids (-1 for a stem). */
  private readonly first: number[] = [];
  private readonly second: number[] = [];
  private readonly stemIds = new Map<string, number>();
  /** A word as written → its stem's id, or -1 when it has none (stop word, digits, one letter). */
  private readonly words = new WordIndex();
  /** Two stems' ids → their pair's id. */
  private readonly pairs = new PairIndex();

  /** Entries held: terms, or words as written when there are more of those. */
  get size(): number {
    return Math.max(this.names.length, this.words.size);
  }

  /** A term's name: «стем», or «стем_стем» for a pair. */
  name(id: number): string {
    let n = this.names[id];
    if (n === undefined) {
      n = `${this.name(this.first[id]!)}_${this.name(this.second[id]!)}`;
      this.names[id] = n;
    }
    return n;
  }

  private stem(s: string): number {
    let id = this.stemIds.get(s);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(s);
      this.first.push(-1);
      this.second.push(-1);
      this.stemIds.set(s, id);
    }
    return id;
  }

  /** The id of a term by its name, given a new one the first time. */
  term(t: string): number {
    const cut = t.indexOf('_');
    // Stems hold letters and digits only, so «_» is always a pair's.
    return cut < 0
      ? this.stem(t)
      : this.pair(this.stem(t.slice(0, cut)), this.stem(t.slice(cut + 1)));
  }

  /** The table as plain data: its stems' names in id order, and each id's pair (-1: a stem). */
  snapshot(): TermTableSnapshot {
    const stems: string[] = [];
    for (let id = 0; id < this.first.length; id++)
      if (this.first[id] === -1) stems.push(this.names[id]!);
    return { stems, first: Int32Array.from(this.first), second: Int32Array.from(this.second) };
  }

  /** The id of a term the table holds, or -1 (no new id is given). */
  find(t: string): number {
    const cut = t.indexOf('_');
    if (cut < 0) return this.stemIds.get(t) ?? -1;
    const a = this.stemIds.get(t.slice(0, cut));
    const b = this.stemIds.get(t.slice(cut + 1));
    return a === undefined || b === undefined ? -1 : this.pairs.get(a, b);
  }

  /** The id of a word's topical stem, or -1. */
  word(w: string): number {
    return this.wordAt(w, 0, w.length);
  }

  /** The id of the topical stem of the word text[start, end) of hash `h`, or -1. */
  private wordAt(
    text: string,
    start: number,
    end: number,
    h = WordIndex.hash(text, start, end),
  ): number {
    let id = this.words.get(text, start, end, h);
    if (id === -2) {
      const w = text.slice(start, end);
      const s = topicalStem(w, stemUncached);
      id = s ? this.stem(s) : -1;
      this.words.add(w, id);
    }
    return id;
  }

  /**
   * The ids of the topical stems of a text's words, in order, onto `into` (and the words they
   * came from onto `kept`); `covered`: LetterPattern.covers(text). The words of a covered text
   * are read by char code, none cut out as a string unless kept or new; the same words as
   * `words(text)`.
   */
  wordIds(text: string, covered: boolean, into: number[], kept: string[] | null) {
    if (!covered) {
      for (const w of words(text, false)) {
        const id = this.word(w);
        if (id < 0) continue;
        into.push(id);
        kept?.push(w);
      }
      return;
    }
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (WORD_CODE[text.charCodeAt(i)] === 0) {
        i++;
        continue;
      }
      // The word's end found and its hash made in one pass over its codes.
      const start = i;
      let h = HASH_SEED;
      for (let c = text.charCodeAt(i); i < n && WORD_CODE[c] === 1; c = text.charCodeAt(++i))
        h = hashStep(h, c);
      const id = this.wordAt(text, start, i, h);
      if (id < 0) continue;
      into.push(id);
      kept?.push(text.slice(start, i));
    }
  }

  /** The id of the pair «a_b» of two stems' ids. */
  pair(a: number, b: number): number {
    let id = this.pairs.get(a, b);
    if (id < 0) {
      id = this.names.length;
      this.names.push(undefined);
      this.first.push(a);
      this.second.push(b);
      this.pairs.add(a, b, id);
    }
    return id;
  }
}

/** A TermTable as plain data (a build's worker thread sends it back). */
export interface TermTableSnapshot {
  stems: string[];
  first: Int32Array;
  second: Int32Array;
}

const SHARED_LIMIT = 200_000;
let shared = new TermTable();
/** The table the desk's readings share; a new one once it holds SHARED_LIMIT words or terms. */
function sharedTable(): TermTable {
  if (shared.size >= SHARED_LIMIT) shared = new TermTable();
  return shared;
}

/** Where a reading puts its weighted term ids. */
export interface TermSink {
  add(id: number, weight: number): void;
}

class MapSink implements TermSink {
  readonly m = new Map<number, number>();
  add(id: number, weight: number) {
    this.m.set(id, (this.m.get(id) ?? 0) + weight);
  }
}

/**
 * One card's terms by id, in a dense array reused card after card (a build reads 100,000):
 * `ids` in order of first appearance, `weight(id)` their weights; `clear()` before the next.
 */
export class CardTerms implements TermSink {
  private w = new Float64Array(1 << 12);
  readonly ids: number[] = [];

  add(id: number, weight: number) {
    if (weight <= 0) return;
    if (id >= this.w.length) {
      const grown = new Float64Array(Math.max(id + 1, this.w.length * 2));
      grown.set(this.w);
      this.w = grown;
    }
    if (this.w[id] === 0) this.ids.push(id);
    this.w[id]! += weight;
  }

  weight(id: number): number {
    return this.w[id]!;
  }

  /** Sets each weight to its unit-vector weight (`unitWeights`). */
  toUnit() {
    const values = this.ids.map((id) => this.w[id]!);
    unitWeights(values);
    this.ids.forEach((id, i) => (this.w[id] = values[i]!));
  }

  clear() {
    for (const id of this.ids) this.w[id] = 0;
    this.ids.length = 0;
  }
}

/** The weighted terms of one sentence: stems, and pairs of neighbouring stems when asked. */
function addTerms(
  table: TermTable,
  into: TermSink,
  stemIds: number[],
  weight: number,
  bigrams: boolean,
) {
  // A sentence that counts for nothing (a formula) gives no terms, and its pairs no ids.
  if (weight <= 0) return;
  for (let i = 0; i < stemIds.length; i++) {
    into.add(stemIds[i]!, weight);
    if (bigrams && i > 0) into.add(table.pair(stemIds[i - 1]!, stemIds[i]!), weight);
  }
}

const NO_WORDS: string[] = [];

/**
 * The reading itself, once for every side (docs/topics.md): the appeal scrubbed, split into
 * sentences, each sentence's topical stems as ids (and the words they came from), what it does
 * and which matter of the letter it belongs to (0, then one more after each «Кроме того, …»).
 */
function eachSentence(
  table: TermTable,
  text: string,
  opts: TermOptions,
  visit: (stemIds: number[], wordsOf: string[], kind: SentenceKind, matter: number) => void,
  forBuild = false,
) {
  // Scrubbed before splitting: «ул. Ленина» and «ст. 12» are not ends of sentences. Scrubbing
  // only puts spaces in, so what the text covers is known for every sentence of it.
  const covered = LetterPattern.covers(text);
  let matter = 0;
  // A build only adds each sentence's terms: no words kept, no matters told, a sentence without
  // terms skipped, one array of ids reused (the visitor keeps none).
  const reused: number[] = [];
  for (const sentence of sentences((opts.scrub ?? true) ? scrubAppeal(text, covered) : text)) {
    if (forBuild) {
      reused.length = 0;
      table.wordIds(sentence, covered, reused, null);
      if (reused.length > 0) visit(reused, NO_WORDS, sentenceKind(sentence, covered, opts), 0);
      continue;
    }
    const ids: number[] = [];
    const kept: string[] = [];
    table.wordIds(sentence, covered, ids, kept);
    if ((opts.matters ?? true) && opensMatter(sentence, covered)) matter++;
    visit(ids, kept, sentenceKind(sentence, covered, opts), matter);
  }
}

/** How much a sentence of a kind counts. */
function weightOf(kind: SentenceKind, opts: TermOptions): number {
  if (kind === 'request') return opts.requestWeight ?? REQUEST_WEIGHT;
  if (kind === 'aside') return opts.asideWeight ?? ASIDE_WEIGHT;
  return kind === 'narrative' ? 1 : 0;
}

/** Reads a card into `into` (the whole appeal, each sentence by its kind): a build's reading. */
export function readCard(table: TermTable, into: TermSink, text: string, opts: TermOptions = {}) {
  const bigrams = opts.bigrams ?? true;
  eachSentence(
    table,
    text,
    opts,
    (ids, _, kind) => addTerms(table, into, ids, weightOf(kind, opts), bigrams),
    true,
  );
}

export interface AppealTerms {
  /** The whole appeal's terms, each sentence weighed by what it does. */
  all: Map<string, number>;
  /**
   * A letter of several matters: the first matter's terms, which decide the first suggestion
   * (a registrar codes the matter a letter opens with first); null for a letter of one, or when
   * the first matter has no narrative or request.
   */
  first: Map<string, number> | null;
  /** Each request sentence's own terms (with the sentence before it), for several questions. */
  requests: Map<string, number>[];
  /** A stem → the first word of the text it came from (to explain a suggestion in words). */
  surface: Map<string, string>;
}

/** Reads an appeal into weighted terms (docs/topics.md). */
export function appealTerms(text: string, opts: TermOptions = {}): AppealTerms {
  const table = sharedTable();
  const bigrams = opts.bigrams ?? true;
  const full = opts.only !== 'all';
  const all = new MapSink();
  // The first matter's terms: the whole appeal's as they stood when another matter opened.
  let first: Map<number, number> | null = null;
  let firstTold = false;
  const requests: MapSink[] = [];
  const surface = new Map<string, string>();
  let previous: number[] = [];
  eachSentence(table, text, opts, (ids, kept, kind, matter) => {
    if (full) {
      ids.forEach((id, i) => {
        const s = table.name(id);
        if (!surface.has(s)) surface.set(s, kept[i]!.toLowerCase());
      });
    }
    if (full && matter > 0 && first === null) first = new Map(all.m);
    if (matter === 0 && ids.length > 0 && (kind === 'request' || kind === 'narrative'))
      firstTold = true;
    addTerms(table, all, ids, weightOf(kind, opts), bigrams);
    if (full && kind === 'request' && ids.length > 0) {
      const r = new MapSink();
      addTerms(table, r, previous, 1, bigrams);
      addTerms(table, r, ids, 2, bigrams);
      requests.push(r);
    }
    previous = ids;
  });
  const named = (m: Map<number, number>) =>
    new Map([...m].map(([id, w]) => [table.name(id), w] as const));
  return {
    all: named(all.m),
    first: first && firstTold ? named(first) : null,
    requests: requests.map((r) => named(r.m)),
    surface,
  };
}

/**
 * Weights scaled to a unit vector, in place, after sublinear scaling (1 + ln w); a weight that
 * scales to nothing or below becomes 0.
 */
export function unitWeights(values: number[]) {
  let norm = 0;
  for (let i = 0; i < values.length; i++) {
    const w = values[i]!;
    const v = w > 0 ? 1 + Math.log(w) : 0;
    values[i] = v > 0 ? v : 0;
    norm += values[i]! * values[i]!;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < values.length; i++) values[i]! /= norm;
}

/** A vector's terms scaled to unit length, after sublinear scaling of each weight (1 + ln w). */
export function unitVector(terms: Map<string, number>): Map<string, number> {
  const keys = [...terms.keys()];
  const values = [...terms.values()];
  unitWeights(values);
  const out = new Map<string, number>();
  keys.forEach((t, i) => {
    if (values[i]! > 0) out.set(t, values[i]!);
  });
  return out;
}
