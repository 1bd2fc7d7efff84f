import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { appealInputSchema } from '../src-shared/domain/appeal';
import { sectionOf } from '../src-shared/domain/classifier';
import { addDays } from '../src-shared/domain/dates';
import { dueDateFor } from '../src-shared/domain/deadlines';
import { uuidv7 } from '../src-shared/domain/ids';
import { dataToParams } from '../src-main/core/appeals/rows';
import { createSearchIndex } from '../src-main/core/appeals/search-index';
import { createCore } from '../src-main/core/index';
import { emit } from './report';
import { prepareReference, syntheticCard } from './synthetic/cards';
import { createRandom } from './synthetic/random';

/**
 * The desk's write floor: the fastest this machine's SQLite stores `size` cards (their row and
 * topics; then the same plus the search index) and `size` responses (their row), in one
 * transaction each, with everything a sync does around them taken away — no validation, no
 * merge, no clocks, no roll-ups, no journal, data generated beforehand. No pull can be faster
 * than this; docs/benchmarks.md reads issue 16's targets against it.
 */
export function runFloorBench(size: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'otklik-floor-'));
  const core = createCore({
    dataDir,
    resourcesDir: resolve(import.meta.dirname, '../resources'),
    version: 'bench',
  });
  try {
    const today = '2026-11-27';
    const r = createRandom(5);
    const ref = prepareReference(core);
    const cards = Array.from({ length: 2 * size }, (_, i) => {
      const day = addDays(today, -r.int(0, 729));
      const card = appealInputSchema.parse(syntheticCard(r, ref, day, today));
      return { card, id: uuidv7(Date.parse(day) + i), params: dataToParams(card) };
    });
    const columns = Object.keys(cards[0]!.params);
    const insert = core.db.prepare(
      `INSERT INTO appeals (id, reg_number, desk_code, ${columns.join(', ')}, due_date, created_at, updated_at)
       VALUES (@id, @reg, 'FLOOR', ${columns.map((c) => '@' + c).join(', ')}, @due, @now, @now)`,
    );
    const topic = core.db.prepare(
      'INSERT INTO appeal_topics (appeal_id, position, code, section, registered_at) VALUES (?, ?, ?, ?, ?)',
    );
    const search = createSearchIndex(core.db);
    const now = new Date().toISOString();
    const write = (from: number, to: number, indexed: boolean) => {
      const start = performance.now();
      core.db.transaction(() => {
        for (let i = from; i < to; i++) {
          const { card, id, params } = cards[i]!;
          const reg = `FLOOR-${i}`;
          const { lastInsertRowid } = insert.run({
            ...params,
            id,
            reg,
            due: dueDateFor(card.registeredAt, card.answerMode),
            now,
          });
          card.topicCodes.forEach((code, p) =>
            topic.run(id, p, code, sectionOf(code), card.registeredAt),
          );
          if (indexed) search.add(lastInsertRowid, { ...params, reg_number: reg } as never);
        }
      })();
      return (to - from) / ((performance.now() - start) / 1000);
    };
    emit('floor', 'card_rows_per_s', write(0, size, false), 'records/s');
    emit('floor', 'card_rows_indexed_per_s', write(size, 2 * size, true), 'records/s');

    const template = core.services.templates.list().find((t) => t.builtinKey?.includes('003'))!;
    const answers = Array.from({ length: size }, () =>
      JSON.stringify({ q3: r.int(1, 5), q5: r.int(1, 5), q13: r.chance(0.5) ? 'female' : 'male' }),
    );
    const response = core.db.prepare(
      `INSERT INTO survey_responses (id, template_id, campaign_id, service_id, channel, office,
         response_date, complete, answers) VALUES (?, ?, NULL, NULL, 'kiosk', 'FLOOR', ?, 1, ?)`,
    );
    const start = performance.now();
    core.db.transaction(() => {
      for (let i = 0; i < size; i++)
        response.run(randomUUID(), template.id, addDays(today, -(i % 700)), answers[i]);
    })();
    emit('floor', 'response_rows_per_s', size / ((performance.now() - start) / 1000), 'records/s');
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
