/**
 * Fast letter classes. V8 runs a pattern with `\p{L}` and the `u` flag about ten times slower
 * than the same pattern with its classes spelled out as a few ranges (it tries the property at
 * every position of the text). Nearly every Russian appeal is written in ASCII, Latin-1 and the
 * basic Cyrillic block (U+0400–U+045F) with punctuation and «№», where upper and lower case letters lie in a few runs. So
 * a pattern is compiled twice from one source: the `u` original, and a copy whose `\p{L}`,
 * `\p{Lu}`, `\p{Ll}` and `\p{N}` are the ranges of those same properties within that set,
 * without `u`. A text with nothing outside the set gets the fast copy; any other (a Tatar «ә», an
 * emoji, a Latin «ā») the original. The two match the same on the set (the ranges come from the
 * properties themselves; a test compares them).
 */

/** The code points the fast copies cover. */
const COVERED: [number, number][] = [
  [0x0000, 0x00ff],
  [0x0400, 0x045f],
  [0x2000, 0x206f], // dashes, quotes, «…»
  [0x2116, 0x2116], // «№»
];

const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`;

/** The covered code points a property holds, as the inside of a character class. */
function spelled(property: RegExp): string {
  const holds = (c: number) => property.test(String.fromCharCode(c));
  let out = '';
  for (const [from, to] of COVERED) {
    for (let c = from; c <= to; c++) {
      if (!holds(c)) continue;
      let end = c;
      while (end + 1 <= to && holds(end + 1)) end++;
      out += end === c ? hex(c) : `${hex(c)}-${hex(end)}`;
      c = end;
    }
  }
  return out;
}

const CLASSES: Record<string, string> = {
  L: spelled(/\p{L}/u),
  Lu: spelled(/\p{Lu}/u),
  Ll: spelled(/\p{Ll}/u),
  N: spelled(/\p{N}/u),
};

/**
 * For a text `LetterPattern.covers`: WORD_CODE[c] is 1 when the UTF-16 code c is a letter or a
 * digit (`[\p{L}\p{N}]`, what a word is made of), else 0. Read by code instead of by pattern
 * where a build reads millions of words (topics/text.ts).
 */
export const WORD_CODE = (() => {
  const out = new Uint8Array(COVERED[COVERED.length - 1]![1] + 1);
  const word = /[\p{L}\p{N}]/u;
  for (const [from, to] of COVERED)
    for (let c = from; c <= to; c++) out[c] = word.test(String.fromCharCode(c)) ? 1 : 0;
  return out;
})();

/** Anything a fast copy does not cover. */
const BEYOND = new RegExp(`[^${COVERED.map(([a, b]) => `${hex(a)}-${hex(b)}`).join('')}]`);

/** A pattern's source with its properties spelled out (inside a class bare, outside bracketed). */
export function spellOut(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      const m = /^\\p\{(L|Lu|Ll|N)\}/.exec(source.slice(i));
      if (m) {
        const ranges = CLASSES[m[1]!]!;
        out += inClass ? ranges : `[${ranges}]`;
        i += m[0].length - 1;
        continue;
      }
      if (source.startsWith('\\p{', i)) throw new Error(`unsupported property in /${source}/`);
      out += ch + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    out += ch;
  }
  return out;
}

/**
 * One pattern, two compilations; `for(text)` picks the one that is right and fast for a text
 * (`covered`: what `covers(text)` said, when the caller already asked for a longer text).
 */
export class LetterPattern {
  readonly full: RegExp;
  readonly fast: RegExp;
  constructor(pattern: RegExp) {
    this.full = pattern;
    this.fast = new RegExp(spellOut(pattern.source), pattern.flags.replace('u', ''));
  }

  for(text: string, covered = LetterPattern.covers(text)): RegExp {
    return covered ? this.fast : this.full;
  }

  /** Whether every character of a text is one the fast copies cover. */
  static covers(text: string): boolean {
    return !BEYOND.test(text);
  }
}
