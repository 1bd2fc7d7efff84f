import { describe, expect, it } from 'vitest';
import { WordIndex } from './word-index';

describe('word index', () => {
  it('holds what a Map holds, found inside longer texts, through many growths', () => {
    const index = new WordIndex(4);
    const reference = new Map<string, number>();
    let seed = 5;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const letters = 'абвгдеёжзийклмнопрстуфхцчшщъыьэюяABZ09';
    for (let i = 0; i < 100_000; i++) {
      // Short words (many share a hash's low bits), and some long ones.
      const length = i % 50 === 0 ? 40 + (next() % 200) : 1 + (next() % 6);
      let word = '';
      for (let k = 0; k < length; k++) word += letters[next() % letters.length];
      // Looked up where it stands in a sentence, between other text.
      const text = `${'x'.repeat(next() % 4)} ${word}.`;
      const start = text.indexOf(' ') + 1;
      const end = start + word.length;
      const got = index.get(text, start, end, WordIndex.hash(text, start, end));
      if (reference.has(word)) expect(got).toBe(reference.get(word));
      else {
        expect(got).toBe(-2);
        const value = (reference.size % 11) - 1; // -1 included: a word with no stem
        index.add(word, value);
        reference.set(word, value);
      }
    }
    expect(index.size).toBe(reference.size);
    for (const [word, value] of reference)
      expect(index.get(word, 0, word.length, WordIndex.hash(word, 0, word.length))).toBe(value);
    // A prefix or an extension of a word held is another word; so is the empty one.
    const small = new WordIndex();
    small.add('вода', 3);
    expect(small.get('вод', 0, 3, WordIndex.hash('вод', 0, 3))).toBe(-2);
    expect(small.get('водах', 0, 5, WordIndex.hash('водах', 0, 5))).toBe(-2);
    expect(small.get('водах', 0, 4, WordIndex.hash('водах', 0, 4))).toBe(3);
    expect(small.get('', 0, 0, WordIndex.hash('', 0, 0))).toBe(-2);
  });

  it('refuses values it cannot hold and a word held twice', () => {
    const index = new WordIndex();
    for (const bad of [-2, 1.5, Number.NaN, 2 ** 31, Infinity])
      expect(() => index.add('слово', bad), String(bad)).toThrow(RangeError);
    index.add('слово', -1);
    expect(() => index.add('слово', 1)).toThrow(/already/);
    expect(index.get('слово', 0, 5, WordIndex.hash('слово', 0, 5))).toBe(-1);
    expect(index.size).toBe(1);
  });
});
