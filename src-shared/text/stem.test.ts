import { describe, expect, it } from 'vitest';
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
