/** A word's hash before its first code (FNV-1a's offset basis). */
export const HASH_SEED = 0x811c9dc5 | 0;
/** The hash so far with one more UTF-16 code (a caller scanning a text hashes as it goes). */
export function hashStep(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193);
}

/**
 * A map from words as written to integers, looked up by a stretch of a text's char codes: a
 * build reads millions of words, and a `Map` would need each one cut out as a string first, its
 * hash computed and, among a region's hundred thousand word forms, the stored key's characters
 * fetched from wherever it lies on the heap. Here a word's hash is kept beside it, so a key is
 * only read when the hashes agree (open addressing, linear probing). Nothing is ever removed.
 */
export class WordIndex {
  private hashes: Int32Array;
  /** The value + 2 (0: an empty place; values are -1 or more). */
  private values: Int32Array;
  private words: (string | undefined)[];
  private mask: number;
  /** Words held. */
  size = 0;

  constructor(capacity = 1 << 10) {
    let places = 16;
    while (places < capacity * 2) places *= 2;
    this.hashes = new Int32Array(places);
    this.values = new Int32Array(places);
    this.words = new Array<string | undefined>(places);
    this.mask = places - 1;
  }

  /** The hash of text[start, end) (FNV-1a over UTF-16 codes: HASH_SEED, then `hashStep` a code). */
  static hash(text: string, start: number, end: number): number {
    let h = HASH_SEED;
    for (let i = start; i < end; i++) h = hashStep(h, text.charCodeAt(i));
    return h;
  }

  /** Where the word text[start, end) of hash `h` is, or the empty place where it would go. */
  private place(text: string, start: number, end: number, h: number): number {
    const { hashes, values, words, mask } = this;
    const length = end - start;
    let i = (h ^ (h >>> 16)) & mask;
    for (;;) {
      if (values[i] === 0) return i;
      if (hashes[i] === h) {
        const w = words[i]!;
        if (w.length === length) {
          let k = 0;
          while (k < length && w.charCodeAt(k) === text.charCodeAt(start + k)) k++;
          if (k === length) return i;
        }
      }
      i = (i + 1) & mask;
    }
  }

  /** The value of the word text[start, end) of hash `h`, or -2 when it is not held. */
  get(text: string, start: number, end: number, h: number): number {
    return this.values[this.place(text, start, end, h)]! - 2;
  }

  /** Holds `word` (not held yet: `get` gave -2) with `value` (an integer, -1 or more). */
  add(word: string, value: number) {
    if (!(Number.isInteger(value) && value >= -1 && value < 0x7ffffffd))
      throw new RangeError(`WordIndex holds integers from -1, not ${value}`);
    if ((this.size + 1) * 2 > this.values.length) this.grow();
    const h = WordIndex.hash(word, 0, word.length);
    const i = this.place(word, 0, word.length, h);
    if (this.values[i] !== 0) throw new Error(`WordIndex already holds «${word}»`);
    this.hashes[i] = h;
    this.values[i] = value + 2;
    this.words[i] = word;
    this.size++;
  }

  private grow() {
    const { hashes, values, words } = this;
    const places = values.length * 2;
    this.hashes = new Int32Array(places);
    this.values = new Int32Array(places);
    this.words = new Array<string | undefined>(places);
    this.mask = places - 1;
    for (let j = 0; j < values.length; j++) {
      if (values[j] === 0) continue;
      // The words held are all different: the first empty place from the hash's is theirs.
      let i = (hashes[j]! ^ (hashes[j]! >>> 16)) & this.mask;
      while (this.values[i] !== 0) i = (i + 1) & this.mask;
      this.hashes[i] = hashes[j]!;
      this.values[i] = values[j]!;
      this.words[i] = words[j];
    }
  }
}
