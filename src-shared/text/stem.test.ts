import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import snowball from 'snowball-stemmers';
import { describe, expect, it } from 'vitest';
import { russianStem } from './russian-stem';
import { ftsQuery, stemText, stemWord } from './stem';

describe('Russian stemming for search', () => {
  it('reduces the forms of one word to one stem', () => {
    const stems = ['дорога', 'дороги', 'дорогу', 'дорогой', 'Дорогам'].map(stemWord);
    expect(new Set(stems)).toEqual(new Set(['дорог']));
  });

  it('folds ё and case', () => {
    expect(stemWord('Ёлкой')).toBe(stemWord('елка'));
  });

  it('keeps numbers and stems Latin words as English', () => {
    expect(stemText('Дом 15, road works')).toBe('дом 15 road work');
  });

  it('builds a prefix AND query and none for an empty one', () => {
    expect(ftsQuery('ремонт дороги')).toBe('"ремонт"* "дорог"*');
    expect(ftsQuery(' .,; ')).toBeNull();
    expect(ftsQuery('"OR"')).toBe('"or"*');
  });
});

describe('the Russian stemmer', () => {
  it('gives exactly the Snowball reference stems, over every ending the algorithm knows', () => {
    const reference = snowball.newStemmer('russian');
    const words = new Set<string>();
    const add = (text: string) => {
      for (const w of text
        .toLowerCase()
        .replaceAll('ё', 'е')
        .match(/[\p{L}\p{N}]+/gu) ?? [])
        if (/[а-я]/.test(w)) words.add(w);
    };
    // The classifier's titles: real words of every section.
    add(
      readFileSync(
        resolve(import.meta.dirname, '../../resources/classifier/thematic-classifier.csv'),
        'utf8',
      ),
    );
    // Every ending of the algorithm after bases that put it inside or outside RV and R2, with
    // а/я before or not, and a second ending after it (reflexive, и, derivational, нн, ь, …).
    const endings = [
      ...'в вши вшись ив ивши ившись ыв ывши ывшись ее ие ые ое ими ыми ей ий ый ой ем им ым ом его ого'.split(
        ' ',
      ),
      ...'ему ому их ых ую юю ая яя ою ею нн вш ющ щ ивш ывш ующ ся сь ла на ете йте ли й л н ло но ет'.split(
        ' ',
      ),
      ...'ют ны ть ешь нно ила ыла ена ейте уйте ите или ыли уй ил ыл ен ило ыло ено ят ует уют ит ыт'.split(
        ' ',
      ),
      ...'ены ить ыть ишь ю а ев ов е ье и еи ии ами ями иями ией ам ием ям иям о у ах ях иях ы ь ию'.split(
        ' ',
      ),
      ...'ью я ия ья ост ость ейше ейш'.split(' '),
    ];
    const bases = ['', 'а', 'я', 'н', 'нн', 'дом', 'красн', 'игра', 'стро', 'ст', 'ор', 'оп'];
    bases.push('учащ', 'мо', 'сил', 'добр', 'нов', 'тон', 'длинн', 'ра', 'кося', 'ея', 'ая', 'x');
    const after = ['', 'ся', 'сь', 'и', 'ь', 'ость', 'ост', 'нн', 'н', 'ейше', 'ейш', 'ая', 'ий'];
    for (const b of bases)
      for (const e of endings) {
        for (const a of after) words.add(b + e + a);
        for (const before of ['а', 'я', 'ив', 'ющ', 'нн', 'ейш']) words.add(b + before + e);
      }
    // Random strings of Russian letters, and words with digits and Latin letters in them.
    let seed = 3;
    const next = () => {
      // mulberry32: every bit varies (a plain LCG's low bits repeat within a few thousand draws)
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (t ^ (t >>> 14)) >>> 0;
    };
    const letters = 'абвгдежзийклмнопрстуфхцчшщъыьэюя';
    for (let i = 0; i < 100_000; i++) {
      let w = '';
      for (let k = 4 + (next() % 8); k > 0; k--) w += letters[next() % letters.length];
      words.add(w);
    }
    for (const w of ['abcдом', '123вода', 'домa', 'нн', 'ь', 'я', 'ейше', 'яейше', 'аьь'])
      words.add(w);
    expect(words.size).toBeGreaterThan(100_000);
    const differ = [...words].filter((w) => russianStem(w) !== reference.stem(w));
    expect(differ.slice(0, 10)).toEqual([]);
  });

  it('stems the worst words in linear time: empty, no vowel, a million letters', () => {
    expect(russianStem('')).toBe('');
    expect(russianStem('бвгджз')).toBe('бвгджз');
    const huge = `${'ор'.repeat(500_000)}ейшими`;
    const started = performance.now();
    expect(russianStem(huge)).toBe(snowball.newStemmer('russian').stem(huge));
    // Generous: the work is a few passes over the word, not a search.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
