import snowball from 'snowball-stemmers';
import { LetterPattern } from './letters';
import { russianStem } from './russian-stem';

const english = snowball.newStemmer('english');
const WORD = new LetterPattern(/[\p{L}\p{N}]+/gu);
const CYRILLIC = /[а-я]/;

// Stemming costs under a µs a word and appeal texts reuse a small vocabulary, so stems are memoised;
// the cache is dropped whole when it grows past its bound, which keeps memory flat.
const CACHE_LIMIT = 50_000;
let cache = new Map<string, string>();

/** Lower-cases, folds ё to е and reduces a word to its Snowball stem. */
export function stemWord(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const stem = stemUncached(word);
  if (cache.size >= CACHE_LIMIT) cache = new Map();
  cache.set(word, stem);
  return stem;
}

/** stemWord without its cache, for a caller that keeps each word's stem itself. */
export function stemUncached(word: string): string {
  const lower = word.toLowerCase().replaceAll('ё', 'е');
  return /^\d+$/.test(lower)
    ? lower
    : CYRILLIC.test(lower)
      ? russianStem(lower)
      : english.stem(lower);
}

/** The words of a text; `covered`: whether LetterPattern.covers(text), when the caller knows. */
export function words(text: string, covered = LetterPattern.covers(text)): string[] {
  return text.match(WORD.for(text, covered)) ?? [];
}

/** The text an FTS column stores: each word replaced by its stem. */
export function stemText(text: string | null | undefined): string {
  if (!text) return '';
  return words(text).map(stemWord).join(' ');
}

/**
 * An FTS5 MATCH expression for what a user typed: every word must match, as a prefix of a
 * stem, so «дорога», «дороги» and a half-typed «дорог» all find the same cards.
 * Returns null when the query has no words at all.
 */
export function ftsQuery(query: string): string | null {
  const stems = words(query).map(stemWord).filter(Boolean);
  if (stems.length === 0) return null;
  return stems.map((s) => `"${s.replaceAll('"', '""')}"*`).join(' ');
}
