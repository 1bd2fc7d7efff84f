/**
 * The Snowball Russian stemmer (snowballstem.org/algorithms/russian/stemmer.html), written for
 * speed: a region's build stems a hundred thousand word forms in every worker thread, and the
 * generated Snowball code takes about 3.5 µs a word. It gives exactly the stems of the
 * `snowball-stemmers` package's Russian stemmer (stem.test.ts compares them over several hundred
 * thousand words, every ending of the algorithm among them), which stays as the reference.
 *
 * The word comes lower-cased with ё folded to е. Every step removes an ending at the word's end,
 * inside RV (after the first vowel); so the stem is the word cut at one index.
 */

/** а е и о у ы э ю я */
function vowel(c: number): boolean {
  return (
    c === 0x430 ||
    c === 0x435 ||
    c === 0x438 ||
    c === 0x43e ||
    c === 0x443 ||
    c === 0x44b ||
    c === 0x44d ||
    c === 0x44e ||
    c === 0x44f
  );
}

/** An ending as the algorithm lists it: group 1 needs а or я before it (kept), group 2 not. */
type Ending = [ending: string, group: 1 | 2];
/** A list of endings by their last letter (а … я), longest first: the longest one a word has wins. */
type Endings = Ending[][];

const endings = (groups: Record<1 | 2, string>): Endings => {
  const byLast: Endings = Array.from({ length: 32 }, () => []);
  for (const g of [1, 2] as const)
    for (const e of groups[g].split(' '))
      if (e.length > 0) byLast[e.charCodeAt(e.length - 1) - 0x430]!.push([e, g]);
  for (const list of byLast) list.sort((a, b) => b[0].length - a[0].length);
  return byLast;
};

const PERFECTIVE_GERUND = endings({ 1: 'в вши вшись', 2: 'ив ивши ившись ыв ывши ывшись' });
const ADJECTIVE = endings({
  1: 'ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого ему ому их ых ую юю ая яя ою ею',
  2: '',
});
const PARTICIPLE = endings({ 1: 'ем нн вш ющ щ', 2: 'ивш ывш ующ' });
const REFLEXIVE = endings({ 1: 'ся сь', 2: '' });
const VERB = endings({
  1: 'ла на ете йте ли й л ем н ло но ет ют ны ть ешь нно',
  2:
    'ила ыла ена ейте уйте ите или ыли ей уй ил ыл им ым ен ило ыло ено ят ует уют ит ыт ены ' +
    'ить ыть ишь ую ю',
});
const NOUN = endings({
  1:
    'а ев ов ие ье е иями ями ами еи ии и ией ей ой ий й иям ям ием ем ам ом о у ах иях ях ы ь ' +
    'ию ью ю ия ья я',
  2: '',
});
const DERIVATIONAL = endings({ 1: 'ост ость', 2: '' });

const A = 0x430;
const YA = 0x44f;
const N = 0x43d;

/** The longest of the endings word[0, end) has inside RV (from `rv` on), or null. */
function longest(list: Endings, word: string, end: number, rv: number): Ending | null {
  const last = word.charCodeAt(end - 1) - A;
  if (!(last >= 0 && last < 32)) return null;
  for (const e of list[last]!) {
    const from = end - e[0].length;
    if (from >= rv && word.startsWith(e[0], from)) return e;
  }
  return null;
}

/** Whether an ending of word[0, end) may go: group 1 needs а or я before it, inside RV. */
function allowed(e: Ending, word: string, end: number, rv: number): boolean {
  if (e[1] === 2) return true;
  const k = end - e[0].length - 1;
  const c = word.charCodeAt(k);
  return k >= rv && (c === A || c === YA);
}

/** Whether word[0, end) ends with нн inside RV. */
function doubled(word: string, end: number, rv: number): boolean {
  return end - 2 >= rv && word.charCodeAt(end - 1) === N && word.charCodeAt(end - 2) === N;
}

export function russianStem(word: string): string {
  const n = word.length;
  // RV: after the first vowel; R2: after a vowel, a non-vowel, a vowel and a non-vowel past RV.
  let i = 0;
  while (i < n && !vowel(word.charCodeAt(i))) i++;
  if (i >= n) return word;
  const rv = i + 1;
  let r2 = n;
  i = rv;
  while (i < n && vowel(word.charCodeAt(i))) i++;
  if (i < n) {
    i++;
    while (i < n && !vowel(word.charCodeAt(i))) i++;
    if (i < n) {
      i++;
      while (i < n && vowel(word.charCodeAt(i))) i++;
      if (i < n) r2 = i + 1;
    }
  }

  let end = n;
  // Step 1: a perfective gerund; else a reflexive ending, then an adjectival, verb or noun one.
  const gerund = longest(PERFECTIVE_GERUND, word, end, rv);
  if (gerund && allowed(gerund, word, end, rv)) end -= gerund[0].length;
  else {
    const reflexive = longest(REFLEXIVE, word, end, rv);
    if (reflexive) end -= reflexive[0].length;
    const adjective = longest(ADJECTIVE, word, end, rv);
    if (adjective) {
      end -= adjective[0].length;
      const participle = longest(PARTICIPLE, word, end, rv);
      if (participle && allowed(participle, word, end, rv)) end -= participle[0].length;
    } else {
      const verb = longest(VERB, word, end, rv);
      if (verb && allowed(verb, word, end, rv)) end -= verb[0].length;
      else {
        const noun = longest(NOUN, word, end, rv);
        if (noun) end -= noun[0].length;
      }
    }
  }
  // Step 2: a final и.
  if (end - 1 >= rv && word.charCodeAt(end - 1) === 0x438) end--;
  // Step 3: a derivational ending inside R2.
  const derivational = longest(DERIVATIONAL, word, end, rv);
  if (derivational && end - derivational[0].length >= r2) end -= derivational[0].length;
  // Step 4: a superlative (and then нн → н), нн → н, or a final ь.
  if (end - 4 >= rv && word.startsWith('ейше', end - 4)) {
    end -= 4;
    if (doubled(word, end, rv)) end--;
  } else if (end - 3 >= rv && word.startsWith('ейш', end - 3)) {
    end -= 3;
    if (doubled(word, end, rv)) end--;
  } else if (doubled(word, end, rv)) end--;
  else if (end - 1 >= rv && word.charCodeAt(end - 1) === 0x44c) end--;
  return word.slice(0, end);
}
