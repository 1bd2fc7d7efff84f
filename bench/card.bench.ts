import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCore, DB_FILE } from '../src-main/core/index';
import { dataToParams } from '../src-main/core/appeals/rows';
import { appealInputSchema } from '../src-shared/domain/appeal';
import { addDays } from '../src-shared/domain/dates';
import { prepareReference, seedCards, syntheticCard } from './synthetic/cards';
import { SURNAMES } from './synthetic/people';
import { createRandom } from './synthetic/random';
import { emit, percentile, timed } from './report';

const WORDS = [
  'дорога',
  'отопления',
  'пенсию',
  'мусор',
  'капитальный ремонт',
  'субсидии',
  'детский сад',
  'освещение',
];

/**
 * The reception card at scale: N seeded cards, then card saves through the core (validation,
 * numbering, FTS) against plain inserts of the same rows, and full-text search against LIKE.
 * The seeded database is kept in bench/.data and reused by later runs of the same size.
 */
export function runCardBench(size: number) {
  const dataDir = resolve(import.meta.dirname, '.data', `card-${size}`);
  const fresh = !existsSync(join(dataDir, DB_FILE));
  const core = createCore({
    dataDir,
    resourcesDir: resolve(import.meta.dirname, '../resources'),
    version: 'bench',
  });
  const have = core.db.prepare('SELECT count(*) FROM appeals').pluck().get() as number;
  if (fresh || have < size) {
    const t = timed(() =>
      seedCards(core, size - have, {
        seed: 7 + have,
        onProgress: (d) => process.stderr.write(`\rseeding ${d + have}/${size}`),
      }),
    );
    process.stderr.write('\n');
    emit('card', 'seed_cards_per_s', ((size - have) / t) * 1000, 'cards/s');
  }
  const today = new Date().toISOString().slice(0, 10);
  const r = createRandom(99);
  const ref = prepareReference(core);
  const inputs = Array.from({ length: 2000 }, () =>
    syntheticCard(r, ref, addDays(today, -r.int(0, 60)), today),
  );

  const save = inputs.map((input) =>
    timed(() => {
      const result = core.dispatch('appeals.create', { data: input });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
    }),
  );

  const raw = core.db.prepare(
    `INSERT INTO appeals (id, reg_number, desk_code, ${Object.keys(dataToParams(appealInputSchema.parse(inputs[0]))).join(', ')}, due_date, created_at, updated_at)
     VALUES (@id, @reg_number, 'RAW', ${Object.keys(
       dataToParams(appealInputSchema.parse(inputs[0])),
     )
       .map((k) => '@' + k)
       .join(', ')}, NULL, @now, @now)`,
  );
  const rawRows = inputs.map((input, i) => ({
    ...dataToParams(appealInputSchema.parse(input)),
    id: crypto.randomUUID(),
    reg_number: `RAW-${i}`,
    now: new Date().toISOString(),
  }));
  const rawTimes = rawRows.map((row) => timed(() => raw.run(row)));
  core.db.prepare("DELETE FROM appeals WHERE desk_code = 'RAW'").run();

  const queries = Array.from({ length: 200 }, (_, i) =>
    i % 2 === 0 ? r.pick(WORDS) : r.pick(SURNAMES),
  );
  const search = queries.map((query) =>
    timed(() => {
      const result = core.dispatch('appeals.list', { filter: { query }, offset: 0, limit: 50 });
      if (!result.ok) throw new Error(JSON.stringify(result.error));
    }),
  );
  const likeCount = core.db.prepare(
    'SELECT count(*) FROM appeals WHERE content LIKE @q OR visitor_name LIKE @q',
  );
  const likePage = core.db.prepare(
    `SELECT id, reg_number, registered_at, visitor_name, substr(content, 1, 160) FROM appeals
     WHERE content LIKE @q OR visitor_name LIKE @q ORDER BY registered_at DESC LIMIT 50`,
  );
  const like = queries.slice(0, 20).map((query) => {
    // The stem as a substring, the most generous LIKE can be with Russian word forms.
    const q = `%${query.slice(0, Math.max(4, query.length - 2))}%`;
    return timed(() => {
      likeCount.get({ q });
      likePage.all({ q });
    });
  });

  const savedP95 = percentile(save, 95);
  const rawP95 = percentile(rawTimes, 95);
  const searchP95 = percentile(search, 95);
  const likeP95 = percentile(like, 95);
  emit(
    'card',
    'cards',
    core.db.prepare('SELECT count(*) FROM appeals').pluck().get() as number,
    'cards',
  );
  emit('card', 'save_p95_ms', savedP95, 'ms');
  emit('card', 'save_p50_ms', percentile(save, 50), 'ms');
  emit('card', 'raw_insert_p95_ms', rawP95, 'ms');
  emit('card', 'save_vs_raw', savedP95 / rawP95, 'x');
  emit('card', 'search_p95_ms', searchP95, 'ms');
  emit('card', 'search_p50_ms', percentile(search, 50), 'ms');
  emit('card', 'like_search_p95_ms', likeP95, 'ms');
  emit('card', 'like_vs_search', likeP95 / searchP95, 'x');
  emit('card', 'rss_mb', process.memoryUsage().rss / 1024 / 1024, 'MB');
  core.close();
}
