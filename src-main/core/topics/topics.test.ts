import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore } from '../../../test/helpers/temp-core';
import { officialOf } from '../../../test/helpers/core-calls';
import { appeals } from '../../../bench/topics/appeals';
import { measure } from '../../../bench/topics/measure';
import { appealInputSchema } from '../../../src-shared/domain/appeal';
import { appealInput } from '../../../test/helpers/appeal-input';
import { stemWord } from '../../../src-shared/text/stem';
import { toneOf } from './tone';

let core: ReturnType<typeof tempCore>;
let officialId: string;
beforeEach(() => {
  core = tempCore();
  officialId = officialOf(core);
});
afterEach(() => core.cleanup());

describe('topic suggestion', () => {
  it('from the classifier alone, finds a question by the words of its title and says why', () => {
    const { topics, modelVersion } = core.services.topics.suggest(
      'Просит организовать вывоз твердых коммунальных отходов',
      3,
    );
    expect(topics.map((t) => t.code)).toContain('0005.0005.0056.1160');
    expect(topics[0]!.title).not.toBe('');
    expect(topics.reduce((s, t) => s + t.confidence, 0)).toBeCloseTo(1);
    expect(topics[0]!.why.length).toBeGreaterThan(0);
    expect(modelVersion).toBe(0);
  });

  it('learns from the office’s coded cards: held-out appeals get their code in the top 3 more often', () => {
    const cases = appeals('test', 1);
    const top3 = () =>
      measure(cases, (t) => core.services.topics.suggest(t, 3).topics.map((s) => s.code)).question3;
    const cold = top3();
    for (const a of appeals('history', 4)) {
      core.services.appeals.createUnread(
        appealInputSchema.parse(appealInput(officialId, { content: a.text, topicCodes: a.codes })),
      );
    }
    core.services.topics.reset();
    const trained = top3();
    // Measured in bench/topics at 0.40 (fresh) and 0.80 (with 20 cards per question); these
    // bounds catch a model that stops learning, not a change of a point or two.
    expect(cold).toBeGreaterThanOrEqual(0.25);
    expect(trained).toBeGreaterThan(cold + 0.1);
  });

  it('keeps the region model the central sends, also a lower number after a restore, and ignores one damaged in storage', () => {
    const topics = core.services.topics;
    const model = {
      format: 1 as const,
      version: 3,
      builtAt: '2026-01-01T00:00:00.000Z',
      edition: null,
      cards: 10,
      minCards: 5,
      df: { [stemWord('батареи')]: 10 },
      classes: { '0005.0005.0056.1156': { n: 10, v: { [stemWord('батареи')]: 9.5 } } },
    };
    expect(topics.storeRegionModel({ ...model, version: 4 })).toBe(true);
    expect(topics.storeRegionModel({ ...model, version: 4 })).toBe(false);
    // The central was restored from a backup and built its third model again.
    expect(topics.storeRegionModel(model)).toBe(true);
    expect(topics.regionVersion()).toBe(3);
    expect(topics.suggest('Холодные батареи', 3).topics[0]!.code).toBe('0005.0005.0056.1156');
    core.services.ctx.db.prepare(`UPDATE topic_model SET body = '{"broken'`).run();
    topics.reset();
    expect(topics.suggest('Холодные батареи в квартире, нет отопления', 3).topics.length).toBe(3);
  });

  it('records what the officer did with suggestions: codes, rank and day, nothing else', () => {
    const topics = core.services.topics;
    topics.recordFeedback(
      ['0005.0005.0056.1156', '0005.0005.0056.1154'],
      ['0005.0005.0056.1156'],
      2,
    );
    topics.recordFeedback(
      ['0005.0005.0056.1160', '0005.0005.0056.1161'],
      ['0005.0005.0056.1161'],
      2,
    );
    expect(topics.feedbackStats()).toEqual({ cards: 2, firstTaken: 1, anyTaken: 2 });
    // A sub-question (level 5) of a suggested question takes it.
    topics.recordFeedback(['0001.0001.0006.0013'], ['0001.0001.0006.0013.0001'], 2);
    expect(topics.feedbackStats()).toEqual({ cards: 3, firstTaken: 2, anyTaken: 3 });
    // The contract refuses what no desk would send, and records nothing of it.
    for (const input of [
      { shown: [], taken: [], modelVersion: 0 },
      { shown: Array(11).fill('0005.0005.0056.1156'), taken: [], modelVersion: 0 },
      { shown: ["'; DROP TABLE suggestion_feedback; --"], taken: [], modelVersion: 0 },
      { shown: ['0005.0005.0056.1156'], taken: [], modelVersion: -1 },
      { shown: ['0005.0005.0056.1156'], taken: [], modelVersion: 0, text: 'Иванова' },
    ]) {
      expect(core.dispatch('classifier.suggestionFeedback', input).ok).toBe(false);
    }
    expect(topics.feedbackStats()).toEqual({ cards: 3, firstTaken: 2, anyTaken: 3 });
    // …while a well-formed answer goes through the same door.
    const valid = { shown: ['0005.0005.0056.1156'], taken: [], modelVersion: 0 };
    expect(core.dispatch('classifier.suggestionFeedback', valid).ok).toBe(true);
    expect(topics.feedbackStats()).toEqual({ cards: 4, firstTaken: 2, anyTaken: 3 });
    const columns = core.services.ctx.db
      .prepare('SELECT name FROM pragma_table_info(?)')
      .pluck()
      .all('suggestion_feedback');
    expect(columns).toEqual(['id', 'day', 'code', 'rank', 'accepted', 'model_version']);
  });

  it('answers the worst texts quickly and without failing', () => {
    const worst = [
      '',
      '   ',
      '!!! ??? ...',
      'Прошу',
      '😀'.repeat(2000),
      '<script>alert(1)</script> DROP TABLE appeals; --',
      'а '.repeat(5000),
      'Прошу? '.repeat(1400),
      'отопление '.repeat(1000),
      'x'.repeat(10_000),
    ];
    for (const text of worst) {
      const started = performance.now();
      const { topics } = core.services.topics.suggest(text, 3);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(topics.length).toBeLessThanOrEqual(3);
    }
    expect(core.services.topics.suggest('', 3).topics).toEqual([]);
    expect(core.services.topics.suggest('Прошу', 3).topics).toEqual([]);
  });
});

describe('tone', () => {
  it('is negative for complaints of harm, inaction and refusal', () => {
    expect(toneOf('Жалуется на бездействие управляющей компании')).toBe('negative');
    expect(toneOf('Мусор не вывозят уже неделю')).toBe('negative');
    expect(toneOf('Отказали в назначении пособия')).toBe('negative');
    expect(toneOf('Дом до сих пор не расселили')).toBe('negative');
  });

  it('is neutral for requests and questions', () => {
    expect(toneOf('Просит разъяснить порядок назначения пенсии')).toBe('neutral');
    expect(toneOf('Какие документы нужны для оформления субсидии?')).toBe('neutral');
  });
});
