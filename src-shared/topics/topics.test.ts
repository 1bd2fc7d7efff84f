import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appealTerms, isRequest, opensMatter, scrubAppeal, sentenceKind, unitVector } from './text';
import {
  buildTopicIndex,
  DEFAULT_SCORE,
  HistoryAccumulator,
  MIN_CARDS,
  MIN_CARDS_IN_QUESTION,
  questionOf,
  regionModel,
} from './model';
import { regionTopicModelSchema } from './schema';
import { stemWord } from '../text/stem';
import { parseClassifierCsv } from '../domain/classifier-csv';

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

  it('takes no word for a request that only begins like one', () => {
    // «прош…» of «прошлом», «прос…м» of «простым», «требует» of a third person: narrative.
    expect(isRequest('Ранее я была у Вас на приеме в прошлом году.')).toBe(false);
    expect(isRequest('Прошло уже два месяца.')).toBe(false);
    expect(isRequest('Такое отношение к простым людям.')).toBe(false);
    expect(isRequest('Газовая служба требует огромные деньги.')).toBe(false);
    for (const ask of [
      'Просим помочь.',
      'Требуем навести порядок.',
      'Просьба разобраться.',
      // The officer's summary on a reception card.
      'Заявитель просит оказать материальную помощь.',
      'Гражданка просила разобраться с начислениями.',
    ])
      expect(isRequest(ask), ask).toBe(true);
  });

  it('tells what each sentence of a letter does', () => {
    const cases: [string, ReturnType<typeof sentenceKind>][] = [
      // Formulas about the letter itself: not read.
      ['Ответ прошу направить по почте.', 'formula'],
      ['Ответ на обращение прошу дать письменно в установленный срок.', 'formula'],
      ['Прошу направить мне ответ на электронную почту.', 'formula'],
      ['Прошу не пересылать мое обращение тем, на кого я жалуюсь.', 'formula'],
      ['Прошу не направлять жалобу в управляющую компанию.', 'formula'],
      ['Прошу не направлять мне квитанции за вывоз мусора.', 'request'],
      ['Заранее благодарю!', 'formula'],
      ['С уважением, жители дома.', 'formula'],
      ['Очень надеюсь на Ваше понимание и помощь.', 'formula'],
      ['Надеюсь на скорейшее решение вопроса.', 'formula'],
      // …but hope or thanks that say what for are the letter's matter.
      ['Надеюсь на вашу помощь в ремонте дороги.', 'narrative'],
      ['Благодарю главу поселения за ремонт дороги к школе.', 'narrative'],
      ['Прошу дать письменный ответ на мое заявление о субсидии.', 'request'],
      // Rhetorical questions ask nothing; real questions do.
      ['Сколько можно терпеть такое отношение?', 'narrative'],
      ['Неужели никому нет дела до нашего поселка?', 'narrative'],
      ['Когда дадут горячую воду?', 'request'],
      // Asides: the writer's standing, earlier letters and promises, rights, laws, attachments.
      ['Я ветеран труда, всю жизнь проработала в колхозе.', 'aside'],
      ['Являюсь инвалидом второй группы.', 'aside'],
      ['У меня на иждивении двое детей.', 'aside'],
      ['Я уже обращалась в прокуратуру, пришла отписка.', 'aside'],
      ['Депутат обещал помочь, но ничего не сделал.', 'aside'],
      ['Мы имеем право на нормальную жизнь.', 'aside'],
      ['Согласно статье 12 закона ответ дается в течение 30 дней.', 'aside'],
      ['Фотографии прилагаю.', 'aside'],
      // A request wins over an aside; the problem itself is narrative.
      ['Я инвалид, прошу выделить коляску.', 'request'],
      ['На основании решения суда прошу выселить соседа.', 'request'],
      ['Отопление дали только в ноябре, весь октябрь мерзли.', 'narrative'],
      ['', 'narrative'],
    ];
    for (const [sentence, kind] of cases) expect(sentenceKind(sentence), sentence).toBe(kind);
    // Each move can be turned off (the bench measures what each brings).
    expect(sentenceKind('Ответ прошу направить по почте.', undefined, { formulas: false })).toBe(
      'request',
    );
    expect(sentenceKind('Сколько можно терпеть?', undefined, { rhetoric: false })).toBe('request');
  });

  it('knows where another matter of a letter begins', () => {
    for (const s of [
      'Кроме того, во дворе не вывозят мусор.',
      'Также прошу отремонтировать крышу.',
      'И еще один вопрос.',
      'Еще одна проблема — нет света.',
      'Во-вторых, нет автобуса.',
      'Помимо этого, в школе холодно.',
    ])
      expect(opensMatter(s), s).toBe(true);
    for (const s of [
      'Еще 12 марта я писала об этом.',
      'Такая ситуация тянется годами.',
      'Кроме меня, там живут трое.',
      'Также',
      '',
    ])
      expect(opensMatter(s), s).toBe(s === 'Также');
  });

  it('weighs asides down, leaves formulas unread, and keeps the first matter apart', () => {
    const opts = { ...DEFAULT_SCORE, bigrams: false };
    const t = appealTerms(
      'Я ветеран труда. Нет отопления в доме. Прошу дать тепло. Ответ прошу направить по почте. ' +
        'Кроме того, во дворе не вывозят мусор.',
      opts,
    );
    expect(t.all.get(stemWord('ветеран'))).toBe(DEFAULT_SCORE.asideWeight);
    expect(t.all.get(stemWord('отопления'))).toBe(1);
    expect(t.all.get(stemWord('тепло'))).toBe(DEFAULT_SCORE.requestWeight);
    expect(t.all.has(stemWord('почте'))).toBe(false);
    expect(t.first?.has(stemWord('отопления'))).toBe(true);
    expect(t.first?.has(stemWord('мусор'))).toBe(false);
    expect(t.all.get(stemWord('мусор'))).toBe(1);
    // One matter, or a first «matter» of asides only: no first part.
    expect(appealTerms('Нет отопления. Прошу дать тепло.', opts).first).toBeNull();
    expect(appealTerms('Я ветеран. Кроме того, нет отопления.', opts).first).toBeNull();
    expect(appealTerms('Также нет отопления.', opts).first).toBeNull();
    // A letter of formulas only has nothing to read.
    expect(appealTerms('Заранее благодарю! С уважением.', opts).all.size).toBe(0);
  });

  it('reads a huge sentence of asides and openings in linear time', () => {
    const long = `${'я обращалась был на приеме кроме того также '.repeat(20_000)}прошу`;
    const started = performance.now();
    expect(sentenceKind(long)).toBe('request');
    expect(opensMatter(long)).toBe(false);
    // Generous: a backtracking pattern would take minutes here, not a second.
    expect(performance.now() - started).toBeLessThan(2_000);
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
      // The same terms (a term one card holds is kept apart, so not in the same order).
      expect([...built.keys()].sort()).toEqual([...desk.keys()].sort());
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

  it('counts no term that sublinear tf weighs to zero, and no card left with none', () => {
    // An aside's word said once weighs 0.25; 1 + ln(0.25) < 0: a unit vector holds it at zero.
    const acc = new HistoryAccumulator();
    acc.add('Батареи холодные. Я ветеран труда.', ['0005.0005.0056.1156']);
    expect(acc.cards).toBe(1);
    expect(acc.dfOf(stemWord('батареи'))).toBe(1);
    expect(acc.dfOf(stemWord('ветеран'))).toBe(0);
    expect(acc.sums().get('0005.0005.0056.1156')!.has(stemWord('ветеран'))).toBe(false);
    acc.add('Я ветеран труда.', ['0005.0005.0056.1156']);
    expect(acc.cards).toBe(1);
    expect(acc.nOf('0005.0005.0056.1156')).toBe(1);
  });

  it('keeps a term one card holds apart until a second card holds it, counting each card once', () => {
    const [q1, q2] = ['0005.0005.0056.1156', '0003.0009.0099.0742'];
    const cards: [string, string[]][] = [
      ['Батареи холодные, в квартире сыро.', [q1, q2]],
      ['Батареи холодные третью неделю.', [q1]],
      ['В квартире сыро, на стенах плесень.', [q2]],
      ['Плесень и сырость, батареи холодные.', [q2, q1]],
    ];
    // What each question's sums must be: every card's unit vector added once.
    const expected = new Map<string, Map<string, number>>();
    const same = (got: Map<string, Map<string, number>>, label: string) => {
      expect([...got.keys()].sort(), label).toEqual([...expected.keys()].sort());
      for (const [q, m] of expected) {
        const g = got.get(q)!;
        expect([...g.keys()].sort(), `${label} ${q}`).toEqual([...m.keys()].sort());
        for (const [t, w] of m) expect(g.get(t), `${label} ${q} ${t}`).toBeCloseTo(w, 12);
      }
    };
    const acc = new HistoryAccumulator();
    cards.forEach(([text, codes], i) => {
      acc.add(text, codes);
      const v = unitVector(appealTerms(text, { ...DEFAULT_SCORE, only: 'all' }).all);
      for (const q of codes) {
        const m = expected.get(q) ?? new Map<string, number>();
        for (const [t, w] of v) m.set(t, (m.get(t) ?? 0) + w);
        expected.set(q, m);
      }
      same(acc.sums(), `after card ${i}`);
    });
    // A term of one card: shipped by no threshold above one, read by a threshold of one.
    const plesen = stemWord('плесень');
    const shared = (minDf: number) =>
      new Map([...acc.shared(1, minDf, 1)].map(([q, , terms]) => [q, terms]));
    expect(
      shared(2)
        .get(q2)!
        .some(([t]) => t === stemWord('стенах')),
    ).toBe(false);
    const once = shared(1).get(q2)!;
    expect(once.find(([t]) => t === stemWord('стенах'))?.[2]).toBe(1);
    expect(once.find(([t]) => t === plesen)?.[2]).toBe(2);
    // Reading them put them into the sums: still counted once.
    same(acc.sums(), 'after shared(1)');

    // A merge without a threshold into an accumulator holding cards keeps every term of both.
    const first = new HistoryAccumulator();
    const second = new HistoryAccumulator();
    cards.forEach(([text, codes], i) => (i < 2 ? first : second).add(text, codes));
    first.merge([second.state().state]);
    expect(first.cards).toBe(4);
    expect(first.dfOf(plesen)).toBe(2);
    same(first.sums(), 'merged');
    // Cards added after the merge: terms the merge brought are not waiting any more.
    first.add(cards[2]![0], cards[2]![1]);
    acc.add(cards[2]![0], cards[2]![1]);
    for (const [t, w] of unitVector(
      appealTerms(cards[2]![0], { ...DEFAULT_SCORE, only: 'all' }).all,
    ))
      expected.get(q2)!.set(t, expected.get(q2)!.get(t)! + w);
    same(first.sums(), 'merged, then a card');
    same(acc.sums(), 'one build, then a card');
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

  it('merges split builds into exactly the model one build gives, terms at the threshold too', () => {
    // Words drawn so that many terms and pairs are held by about MIN_CARDS cards in all.
    let seed = 11;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const vocabulary = Array.from(
      { length: 60 },
      (_, i) => `слово${'абвгдежзик'[i % 10]}${'лмнопрстуф'[Math.floor(i / 10)]}а`,
    );
    const codes = ['0005.0005.0056.1156', '0005.0005.0056.1160', '0003.0009.0099.0742'];
    const cards = Array.from({ length: 240 }, () => ({
      text: `${Array.from({ length: 6 }, () => vocabulary[Math.floor(vocabulary.length * next() ** 2)]).join(' ')}. Прошу ${vocabulary[Math.floor(next() * 60)]}.`,
      codes: [codes[Math.floor(next() * 3)]!],
    }));
    const meta = { version: 1, builtAt: '2026-01-01T00:00:00.000Z', edition: null };
    const whole = new HistoryAccumulator();
    for (const c of cards) whole.add(c.text, c.codes);
    const expected = regionModel(whole, meta);
    expect(Object.keys(expected.df).length).toBeGreaterThan(50);
    for (const parts of [2, 3, 5, 7]) {
      const split = Array.from({ length: parts }, () => new HistoryAccumulator());
      cards.forEach((c, i) => split[i % parts]!.add(c.text, c.codes));
      // As the central merges its workers: only what the model may ship.
      const merged = new HistoryAccumulator();
      merged.merge(
        split.map((a) => a.state().state),
        MIN_CARDS,
        MIN_CARDS_IN_QUESTION,
      );
      const got = regionModel(merged, meta);
      expect(() => merged.merge([split[0]!.state().state], MIN_CARDS)).toThrow(/empty/);
      expect(() => merged.merge([split[0]!.state().state], 0, 1)).toThrow(/empty/);
      expect(got.df, `${parts} parts`).toEqual(expected.df);
      expect(Object.keys(got.classes).sort()).toEqual(Object.keys(expected.classes).sort());
      for (const [q, c] of Object.entries(expected.classes)) {
        expect(got.classes[q]!.n).toBe(c.n);
        expect(Object.keys(got.classes[q]!.v).sort()).toEqual(Object.keys(c.v).sort());
        for (const [t, w] of Object.entries(c.v)) expect(got.classes[q]!.v[t]).toBeCloseTo(w, 9);
      }
    }
  });

  it('maps codes to their question and ignores malformed ones', () => {
    expect(questionOf('0005.0005.0056.1156')).toBe('0005.0005.0056.1156');
    expect(questionOf('0001.0001.0006.0013.0001')).toBe('0001.0001.0006.0013');
    expect(questionOf('0005.0005.0056.0000')).toBeNull();
    expect(questionOf("'; DROP TABLE x; --")).toBeNull();
  });

  it('finds the section of a letter whose asides name other sections (the real classifier)', () => {
    const csv = readFileSync(
      resolve(import.meta.dirname, '../../resources/classifier/thematic-classifier.csv'),
      'utf8',
    );
    const index = buildTopicIndex(parseClassifierCsv(csv).nodes);
    const section = (text: string) => index.suggest(text, 3)[0]?.code.slice(0, 4);
    const letter =
      'Уважаемый глава района! Я ветеран труда, всю жизнь проработала на благо района. ' +
      'Ранее по этому вопросу я была у Вас на личном приеме. Фотографии прилагаю. ' +
      'Отопление в нашем доме дали только в ноябре, жили с обогревателями. ' +
      'Прошу обязать теплоснабжающую организацию подать тепло. ' +
      'Очень надеюсь на Ваше понимание и помощь.';
    expect(section(letter)).toBe('0005');
    // Read without telling asides and formulas from the problem, the asides win.
    const plain = buildTopicIndex(
      parseClassifierCsv(csv).nodes,
      {},
      {
        ...DEFAULT_SCORE,
        asideWeight: 1,
        formulas: false,
      },
    );
    expect(plain.suggest(letter, 1)[0]?.code.slice(0, 4)).not.toBe('0005');
    // Two matters: the first decides the first suggestion, the second still gets its own.
    const two =
      'В школе нет школьного автобуса, дети ходят пешком пять километров. ' +
      'Прошу организовать подвоз детей в школу. Кроме того, в доме нет отопления, ' +
      'батареи холодные, котельная не работает. Прошу дать тепло в дом.';
    const found = index.suggest(two, 5);
    expect(found[0]?.code.slice(0, 4)).toBe('0002');
    expect(found.some((f) => f.code.startsWith('0005') && f.request !== null)).toBe(true);
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
