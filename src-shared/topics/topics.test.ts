import { describe, expect, it } from 'vitest';
import { appealTerms, isRequest, scrubAppeal, unitVector } from './text';
import {
  buildTopicIndex,
  DEFAULT_SCORE,
  HistoryAccumulator,
  MIN_CARDS,
  questionOf,
  regionModel,
} from './model';
import { regionTopicModelSchema } from './schema';
import { stemWord } from '../text/stem';

describe('reading an appeal', () => {
  it('removes names, addresses, telephones, dates, links and legal citations', () => {
    const text =
      'Я, Иванова Анна Сергеевна, проживаю по адресу: г. Зареченск, ул. Садовая, д. 5, кв. 12, ' +
      'тел. 8-912-345-67-89, anna@mail.ru. Еще 12 марта 2026 года и 03.04.2026 писала Петрову И.С. ' +
      'Согласно ст. 12 Федерального закона № 59-ФЗ и Конституции РФ прошу починить батареи. ' +
      'Подробнее: https://example.ru/x';
    const clean = scrubAppeal(text);
    // Numbers stay in the text but never become terms.
    expect([...appealTerms(text).all.keys()].filter((t) => /\d/.test(t))).toEqual([]);
    for (const gone of [
      'Иванова',
      'Анна',
      'Сергеевна',
      'Зареченск',
      'Садовая',
      'anna',
      'марта',
      'Петров',
      'Конституц',
      'example',
    ]) {
      expect(clean).not.toContain(gone);
    }
    expect(clean).toContain('батареи');
    expect(clean).toContain('прошу');
  });

  it('knows a request from narrative, and weighs requests up', () => {
    expect(isRequest('Прошу отремонтировать дорогу.')).toBe(true);
    expect(isRequest('Требую навести порядок!')).toBe(true);
    expect(isRequest('Когда дадут воду?')).toBe(true);
    expect(isRequest('Дорога вся в ямах.')).toBe(false);
    const t = appealTerms('Дорога вся в ямах. Прошу починить дорогу.', {
      requestWeight: 4,
      bigrams: false,
    });
    expect(t.all.get(stemWord('починить'))).toBe(4);
    expect(t.all.get(stemWord('дорога'))).toBe(5);
    expect(t.requests).toHaveLength(1);
    expect(t.surface.get(stemWord('дорога'))).toBe('дорога');
  });
});

describe('reading by term ids', () => {
  const letters = [
    'Уважаемый Глава! Я, Иванова Анна Сергеевна, ветеран труда. Третью неделю нет горячей воды, ' +
      'батареи холодные. Прошу восстановить отопление и горячую воду! Когда дадут воду?',
    'Дорога вся в ямах. Прошу починить дорогу. Прошу дорогу починить дорогу.',
    'Прошу. ? ! Прошу прошу прошу.',
    'Мусор не вывозят с 3 мая, контейнеры переполнены, крысы бегают по двору.',
  ];

  it('gives a build the same unit vectors as the desk reads (one reading, two forms)', () => {
    for (const text of letters) {
      const acc = new HistoryAccumulator();
      acc.add(text, ['0005.0005.0056.1156']);
      const desk = unitVector(appealTerms(text, { ...DEFAULT_SCORE, only: 'all' }).all);
      const built = acc.sums().get('0005.0005.0056.1156') ?? new Map<string, number>();
      expect([...built.keys()]).toEqual([...desk.keys()]);
      for (const [t, w] of desk) expect(built.get(t)).toBeCloseTo(w, 12);
      expect([...acc.df()].map(([t]) => t).sort()).toEqual([...desk.keys()].sort());
    }
  });

  it('keeps the ids of one build apart from the desk’s shared table', () => {
    const acc = new HistoryAccumulator();
    acc.add(letters[0]!, ['0005.0005.0056.1156']);
    acc.add(letters[1]!, ['0003.0009.0099.0742']);
    // The desk reads other letters in between; the build's terms do not move.
    for (const text of letters) appealTerms(`${text} новые слова ${text.length}`);
    acc.add(letters[0]!, ['0005.0005.0056.1156']);
    expect(acc.nOf('0005.0005.0056.1156')).toBe(2);
    expect(acc.dfOf(stemWord('батареи'))).toBe(2);
    expect(acc.dfOf(stemWord('дорогу'))).toBe(1);
    expect(acc.dfOf('нетакогослова')).toBe(0);
    expect(acc.cards).toBe(3);
  });
});

describe('the region model', () => {
  const card = (text: string) => ({ text, codes: ['0005.0005.0056.1156'] });

  it('ships no term fewer than five cards hold, and no question with fewer than three cards', () => {
    const acc = new HistoryAccumulator();
    for (let i = 0; i < 6; i++)
      acc.add(card(`Холодные батареи, нет отопления в квартире. Вариант ${'абв'[i % 3]}`).text, [
        '0005.0005.0056.1156',
      ]);
    // One card with a rare word, repeated many times inside it: still one card.
    acc.add('Батареи холодные. Кракозябрин кракозябрин кракозябрин.', ['0005.0005.0056.1156']);
    acc.add('Мусор не вывозят две недели.', ['0005.0005.0056.1160']);
    acc.add('Мусор не вывозят месяц.', ['0005.0005.0056.1160']);
    const model = regionTopicModelSchema.parse(
      regionModel(acc, { version: 1, builtAt: '2026-01-01T00:00:00.000Z', edition: null }),
    );
    expect(Object.keys(model.classes)).toEqual(['0005.0005.0056.1156']);
    expect(model.df[stemWord('батареи')]).toBeGreaterThanOrEqual(MIN_CARDS);
    expect(Object.keys(model.df).some((t) => t.includes('кракозябр'))).toBe(false);
    expect(Object.keys(model.df).some((t) => t.includes('вывоз'))).toBe(false);
    expect(Object.values(model.df).every((n) => n >= MIN_CARDS)).toBe(true);
  });

  it('maps codes to their question and ignores malformed ones', () => {
    expect(questionOf('0005.0005.0056.1156')).toBe('0005.0005.0056.1156');
    expect(questionOf('0001.0001.0006.0013.0001')).toBe('0001.0001.0006.0013');
    expect(questionOf('0005.0005.0056.0000')).toBeNull();
    expect(questionOf("'; DROP TABLE x; --")).toBeNull();
  });

  it('suggests a code for each request of an appeal with two', () => {
    const entries = [
      {
        code: '0005.0000.0000.0000',
        title: 'Жилищно-коммунальная сфера',
        parentCode: null,
        level: 1,
      },
      { code: '0005.0005.0000.0000', title: 'Жилище', parentCode: '0005.0000.0000.0000', level: 2 },
      {
        code: '0005.0005.0056.0000',
        title: 'Коммунальное хозяйство',
        parentCode: '0005.0005.0000.0000',
        level: 3,
      },
      {
        code: '0005.0005.0056.1156',
        title: 'Перебои в теплоснабжении',
        parentCode: '0005.0005.0056.0000',
        level: 4,
      },
      {
        code: '0005.0005.0056.1160',
        title: 'Обращение с твердыми коммунальными отходами',
        parentCode: '0005.0005.0056.0000',
        level: 4,
      },
      {
        code: '0005.0005.0056.1154',
        title: 'Перебои в водоснабжении',
        parentCode: '0005.0005.0056.0000',
        level: 4,
      },
    ];
    const index = buildTopicIndex(entries);
    const found = index.suggest(
      'В доме перебои с теплоснабжением, холодно. Прошу восстановить теплоснабжение. ' +
        'Еще во дворе не вывозят отходы. Прошу организовать вывоз твердых коммунальных отходов.',
      3,
    );
    expect(
      found
        .map((f) => f.code)
        .slice(0, 2)
        .sort(),
    ).toEqual(['0005.0005.0056.1156', '0005.0005.0056.1160']);
  });
});
