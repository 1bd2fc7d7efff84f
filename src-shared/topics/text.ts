import { stemWord, words } from '../text/stem';

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
    'сказали говорят обещали уже до сих пор меры принять примите разобраться'
  )
    .split(' ')
    .map(stemWord),
);

// Words that identify a person or a document and carry no topic; each match becomes a space.
// Numbers alone (telephones, «12.03.2026», «№ 5») need no pattern: no term holds a digit.
const EMAIL = /\S+@\S+\.\S+/gu;
export const SCRUB: RegExp[] = [
  /(?:https?:\/\/|www\.)\S+/giu, // links
  /\b\d{1,2}\s+(?:январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр)\p{L}*(?:\s+\d{4}\s*(?:г\.|года?)?)?/giu,
  // citations of laws: «ст. 12», «статьи 8», «Федерального закона № 59-ФЗ», «постановления № 354»
  /(?:ст\.|стать\p{L}*|пункт\p{L}*|п\.|ч\.|част\p{L}*)\s*\d+(?:\.\d+)*/giu,
  /(?:Конституци\p{L}*|Российской Федерации|РФ)(?![\p{L}])/gu,
  /(?:федеральн\p{L}*\s+)?закон\p{L}*(?:\s+(?:РФ|Российской Федерации))?(?:\s+от)?/giu,
  /\d+-ФЗ/gu,
  /(?:постановлени\p{L}*|распоряжени\p{L}*|приказ\p{L}*)\s+(?:правительства\s+)?(?:РФ|Российской Федерации)?/giu,
  // addresses: «г. Энск», «ул. Ленина», «д. 14», «кв. 27», «пос. Первомайский»
  /(?<![\p{L}\p{N}])(?:г|гор|с|пос|п|д|дер|р\.п|пгт|ул|пр|пер|просп|мкр|кв|корп|стр)\.\s*\p{Lu}?[\p{L}\d-]*/gu,
  /(?<![\p{L}])по адресу:?[^.!?\n]*/giu,
  // names: «Иванова Анна Сергеевна», «Петров И.С.», «И. П. Сидоров»
  /\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+(?:вич|вна|ична|инична)(?![\p{L}])/gu,
  /\p{Lu}\p{Ll}+\s+\p{Lu}\.\s*\p{Lu}\./gu,
  /\p{Lu}\.\s*\p{Lu}\.\s*\p{Lu}\p{Ll}+/gu,
  /\p{Lu}\p{Ll}+(?:вич|вна|ична|инична)(?![\p{L}])/gu, // a patronymic alone («Иван Петрович»)
];

/** The appeal with names, addresses, dates, telephone numbers, links and legal citations removed. */
export function scrubAppeal(text: string): string {
  // The e-mail pattern is the costliest (it starts at every character): only where there is an @.
  let out = text.includes('@') ? text.replace(EMAIL, ' ') : text;
  for (const re of SCRUB) out = out.replace(re, ' ');
  return out;
}

/** Sentences of a text (by end punctuation and line breaks), trimmed, without empty ones. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const REQUEST =
  /(?:^|[^\p{L}])(?:прош\p{L}*|прос\p{L}*м|требу\p{L}*|просьб\p{L}*|помоги\p{L}*|обяж\p{L}*|примите|разберит\p{L}*|окажите|посодействуйте|необходимо)(?=$|[^\p{L}])/iu;

/** Whether a sentence asks for something («Прошу…», «Требую…», a question). */
export function isRequest(sentence: string): boolean {
  return REQUEST.test(sentence) || sentence.trimEnd().endsWith('?');
}

/** How much a request sentence counts against a sentence of narrative (tuned, docs/topics.md). */
export const REQUEST_WEIGHT = 2;

export interface TermOptions {
  /** 'all': only the whole appeal's terms (building a model needs nothing else). */
  only?: 'all';
  scrub?: boolean;
  requestWeight?: number;
  bigrams?: boolean;
}

// A word → its topical stem, or '' when it has none (stop word, one letter, digits); bounded
// like stemWord's own cache. Reading a card is mostly these lookups.
const TOPICAL_LIMIT = 100_000;
let topical = new Map<string, string>();
function topicalStem(w: string): string {
  let s = topical.get(w);
  if (s === undefined) {
    s = stemWord(w);
    if (s.length <= 1 || STOP.has(s) || /\d/.test(s)) s = '';
    if (topical.size >= TOPICAL_LIMIT) topical = new Map();
    topical.set(w, s);
  }
  return s;
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

/** The weighted terms of one sentence: stems, and pairs of neighbouring stems when asked. */
function addTerms(into: Map<string, number>, stemsOf: string[], weight: number, bigrams: boolean) {
  for (let i = 0; i < stemsOf.length; i++) {
    const s = stemsOf[i]!;
    into.set(s, (into.get(s) ?? 0) + weight);
    if (bigrams && i > 0) {
      const b = `${stemsOf[i - 1]}_${s}`;
      into.set(b, (into.get(b) ?? 0) + weight);
    }
  }
}

export interface AppealTerms {
  /** The whole appeal's terms, request sentences weighted up. */
  all: Map<string, number>;
  /** Each request sentence's own terms (with the sentence before it), for several questions. */
  requests: Map<string, number>[];
  /** A stem → the first word of the text it came from (to explain a suggestion in words). */
  surface: Map<string, string>;
}

/** Reads an appeal into weighted terms (docs/topics.md). */
export function appealTerms(text: string, opts: TermOptions = {}): AppealTerms {
  const scrub = opts.scrub ?? true;
  const weight = opts.requestWeight ?? REQUEST_WEIGHT;
  const bigrams = opts.bigrams ?? true;
  const full = opts.only !== 'all';
  const all = new Map<string, number>();
  const requests: Map<string, number>[] = [];
  const surface = new Map<string, string>();
  let previous: string[] = [];
  // Scrubbed before splitting: «ул. Ленина» and «ст. 12» are not ends of sentences.
  for (const sentence of sentences(scrub ? scrubAppeal(text) : text)) {
    const own: string[] = [];
    for (const w of words(sentence)) {
      const s = topicalStem(w);
      if (!s) continue;
      own.push(s);
      if (full && !surface.has(s)) surface.set(s, w.toLowerCase());
    }
    const request = isRequest(sentence);
    addTerms(all, own, request ? weight : 1, bigrams);
    if (full && request && own.length > 0) {
      const r = new Map<string, number>();
      addTerms(r, previous, 1, bigrams);
      addTerms(r, own, 2, bigrams);
      requests.push(r);
    }
    previous = own;
  }
  return { all, requests, surface };
}

/** A vector's terms scaled to unit length, after sublinear scaling of each weight (1 + ln w). */
export function unitVector(terms: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  let norm = 0;
  for (const [t, w] of terms) {
    const v = w > 0 ? 1 + Math.log(w) : 0;
    if (v <= 0) continue;
    out.set(t, v);
    norm += v * v;
  }
  norm = Math.sqrt(norm);
  if (norm > 0) for (const [t, v] of out) out.set(t, v / norm);
  return out;
}
