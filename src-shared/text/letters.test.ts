import { describe, expect, it } from 'vitest';
import { LetterPattern, spellOut, WORD_CODE } from './letters';
import { words } from './stem';
import { isRequest, opensMatter, SCRUB, sentenceKind, TermTable } from '../topics/text';

/** A seeded generator of texts that walk into every pattern's corners. */
function texts(count: number): string[] {
  let seed = 20261128;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pieces = [
    'Иванова Анна Сергеевна',
    'Петров И.С.',
    'И. П. Сидоров',
    'Иван Петрович',
    'ул. Ленина',
    'д. 14',
    'кв. 7',
    'пос. Первомайский',
    'по адресу: г. Энск',
    'ст. 12',
    'статьи 8.1',
    'Федерального закона № 59-ФЗ',
    'Конституции РФ',
    'постановления Правительства РФ',
    '12 марта 2026 года',
    '3 мая',
    'https://example.ru/x',
    'Прошу',
    'ПРОШУ',
    'просим',
    'требуем',
    'помогите',
    'необходимо',
    'Ответ прошу направить',
    'по почте',
    'Заранее благодарю',
    'Сколько можно',
    'Неужели',
    'Я ветеран',
    'обращалась',
    'ОБЕЩАЛИ',
    'имеем право',
    'Согласно',
    'Кроме того',
    'Также',
    'Ещё одна',
    'вода',
    'Éric',
    'Straße',
    'Ørsted',
    'µ',
    'ª',
    '²',
    '½',
    '№',
    '—',
    '«',
    '»',
    '…',
    '?',
    '!',
    '.',
    ',',
    ' ',
    ' ',
    '\n',
    '-',
    '7',
    'Ё',
    'ё',
    'Ѓ',
    'ў',
  ];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let t = '';
    const n = 3 + Math.floor(next() * 25);
    for (let k = 0; k < n; k++) t += pieces[Math.floor(next() * pieces.length)];
    out.push(t);
  }
  return out;
}

describe('fast letter patterns', () => {
  it('spell out exactly the code points the properties hold, over everything covered', () => {
    for (const property of ['L', 'Lu', 'Ll', 'N']) {
      const p = new LetterPattern(new RegExp(`^\\p{${property}}$`, 'u'));
      for (let c = 0; c < 0x2200; c++) {
        const ch = String.fromCharCode(c);
        if (!LetterPattern.covers(ch)) continue;
        expect(p.fast.test(ch), `${property} U+${c.toString(16)}`).toBe(p.full.test(ch));
      }
    }
  });

  it('tells letters and digits by code exactly as the properties do, over everything covered', () => {
    for (let c = 0; c < 0x2200; c++) {
      const ch = String.fromCharCode(c);
      if (!LetterPattern.covers(ch)) continue;
      expect(WORD_CODE[c], `U+${c.toString(16)}`).toBe(/[\p{L}\p{N}]/u.test(ch) ? 1 : 0);
    }
  });

  it('reads the same words by code as the Unicode pattern finds', () => {
    const table = new TermTable();
    const reference = new TermTable();
    const sample = [...texts(3000), 'Гөлнара пишет 😀 про воду', 'ё Ё 2026 №5 µ½ ab-cd'];
    for (const text of sample) {
      const covered = LetterPattern.covers(text);
      const ids: number[] = [];
      const kept: string[] = [];
      table.wordIds(text, covered, ids, kept);
      // The same words (those with a topical stem), and the same stems.
      const expected = words(text, false).filter((w) => reference.word(w) >= 0);
      expect(kept).toEqual(expected);
      expect(ids.map((id) => table.name(id))).toEqual(
        expected.map((w) => reference.name(reference.word(w))),
      );
      const without: number[] = [];
      table.wordIds(text, covered, without, null);
      expect(without).toEqual(ids);
    }
  });

  it('scrub, split into words, find requests and sentence kinds exactly as the Unicode originals do', () => {
    const sample = texts(3000);
    const seen = new Set<string>();
    for (const text of sample) {
      expect(LetterPattern.covers(text)).toBe(true);
      for (const re of SCRUB) expect(text.replace(re.fast, '_')).toBe(text.replace(re.full, '_'));
      expect(words(text, true)).toEqual(words(text, false));
      expect(isRequest(text, true)).toBe(isRequest(text, false));
      expect(sentenceKind(text, true)).toBe(sentenceKind(text, false));
      expect(opensMatter(text, true)).toBe(opensMatter(text, false));
      seen.add(sentenceKind(text));
      if (opensMatter(text)) seen.add('matter');
    }
    // The sample walks into every kind, so the comparison above is not vacuous.
    expect([...seen].sort()).toEqual(['aside', 'formula', 'matter', 'narrative', 'request']);
  });

  it('reads a text beyond the covered letters with the originals', () => {
    // Tatar letters, an emoji: the Unicode patterns, so names and words stay whole.
    expect(LetterPattern.covers('Гөлнара')).toBe(false);
    expect(words('Гөлнара Әхмәтова пишет 😀 про воду')).toEqual([
      'Гөлнара',
      'Әхмәтова',
      'пишет',
      'про',
      'воду',
    ]);
    const name = SCRUB.map((re) => re.for('Шәйхетдинова Гөлнара Рәфисовна')).find((re) =>
      re.source.includes('вна'),
    );
    expect(name?.unicode).toBe(true);
  });

  it('spells properties inside and outside classes, and refuses one it cannot spell', () => {
    expect(spellOut('[\\p{L}\\d]')).toMatch(/^\[\\u0041-\\u005a.*\\d\]$/);
    expect(spellOut('\\p{Lu}x')).toMatch(/^\[\\u0041-\\u005a.*\]x$/);
    expect(spellOut('a\\.b')).toBe('a\\.b');
    expect(() => spellOut('\\p{Sc}')).toThrow(/unsupported/);
  });
});
