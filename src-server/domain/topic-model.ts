import { sql } from 'kysely';
import {
  HistoryAccumulator,
  MIN_CARDS,
  MIN_CARDS_IN_QUESTION,
  regionModel,
  type RegionTopicModel,
} from '../../src-shared/topics/model';
import {
  addStoredCards,
  TopicBuildPool,
  type StoredCard,
  type TopicWorkerEntry,
} from './topic-cards';
import type { Db, Writer } from './write-lock';

/** Cards read per query while a model is built (keyset pages, so memory stays flat). */
const PAGE = 2000;
/** Cards read between two turns of the event loop (a build without worker threads). */
const SLICE = 100;
/** Builds kept; desks only ever ask for the newest. */
const KEEP = 3;

/**
 * The region's topic model (docs/topics.md): built from every office's coded cards on a
 * schedule, kept as JSON with what it was built from, served to desks that have another one.
 * A build that finds nothing changed since the last one writes nothing. With `workers`, the
 * cards are read on that many worker threads while this thread reads the database; when no
 * worker can start, the build reads them here, a slice at a time.
 */
export function createTopicModels(d: {
  db: Db;
  write: Writer;
  now: () => Date;
  workers?: { where: TopicWorkerEntry; count: number } | null;
  /** Told when the workers could not start and a build reads in this thread instead. */
  onFallback?: () => void;
}) {
  let cached: { version: number; model: RegionTopicModel } | null = null;
  let building: Promise<number | null> | null = null;

  /** What a build would read: when it is the same as the last build's, nothing is built. */
  async function sourceOf(): Promise<string> {
    const row = await d.db
      .selectFrom('change_log')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    const topics = await d.db
      .selectFrom('appeal_topics')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    return `${String(row?.seq ?? 0)}:${String(topics?.n ?? 0)}`;
  }

  /** Every coded card of the region, in keyset pages (memory stays flat), handed to `read`. */
  async function readCards(read: (cards: StoredCard[]) => Promise<void>) {
    let after = '';
    for (;;) {
      const page = await d.db
        .selectFrom('appeals')
        .select(['id', 'data'])
        .where('id', '>', after)
        .where((eb) =>
          eb.exists(
            eb
              .selectFrom('appeal_topics')
              .select(sql`1`.as('one'))
              .whereRef('appeal_topics.appeal_id', '=', 'appeals.id'),
          ),
        )
        .orderBy('id')
        .limit(PAGE)
        .execute();
      if (page.length === 0) return;
      await read(page.map((p) => p.data));
      after = page[page.length - 1]!.id;
    }
  }

  async function build(): Promise<number | null> {
    const started = performance.now();
    const source = await sourceOf();
    const last = await d.db
      .selectFrom('topic_models')
      .select(['version', 'source'])
      .orderBy('version', 'desc')
      .executeTakeFirst();
    if (last?.source === source) return null;

    const acc = new HistoryAccumulator();
    const pool = d.workers ? await TopicBuildPool.start(d.workers.where, d.workers.count) : null;
    if (d.workers && !pool) d.onFallback?.();
    try {
      await readCards(async (cards) => {
        if (pool) return pool.add(cards);
        for (let i = 0; i < cards.length; i += SLICE) {
          addStoredCards(acc, cards.slice(i, i + SLICE));
          // Requests go in between every few cards: a build never holds the event loop long.
          await new Promise((r) => setImmediate(r));
        }
      });
      // Only what the model may ship is merged (regionModel keeps terms ≥ MIN_CARDS cards of
      // the region and MIN_CARDS_IN_QUESTION of a question hold).
      await pool?.finish(acc, MIN_CARDS, MIN_CARDS_IN_QUESTION);
    } finally {
      await pool?.close();
    }

    const builtAt = d.now().toISOString();
    const version = (last?.version ?? 0) + 1;
    const model = regionModel(acc, { version, builtAt, edition: null });
    const body = JSON.stringify(model);
    await d.write(async (tx) => {
      await tx
        .insertInto('topic_models')
        .values({
          version,
          built_at: builtAt,
          source,
          cards: acc.cards,
          bytes: Buffer.byteLength(body),
          build_ms: Math.round(performance.now() - started),
          body,
        })
        .execute();
      await tx
        .deleteFrom('topic_models')
        .where('version', '<=', version - KEEP)
        .execute();
    });
    cached = { version, model };
    return version;
  }

  return {
    /** Builds a new model if the region's cards changed; one build at a time. */
    build(): Promise<number | null> {
      building ??= build().finally(() => {
        building = null;
      });
      return building;
    },
    /** The newest model, or null when none was built yet. */
    async latest(): Promise<RegionTopicModel | null> {
      // Desks ask on every sync: the version is read each time, the body only when it changed.
      const row = await d.db
        .selectFrom('topic_models')
        .select('version')
        .orderBy('version', 'desc')
        .executeTakeFirst();
      if (!row) return null;
      if (cached?.version !== row.version) {
        const { body } = await d.db
          .selectFrom('topic_models')
          .select('body')
          .where('version', '=', row.version)
          .executeTakeFirstOrThrow();
        cached = { version: row.version, model: JSON.parse(body) as RegionTopicModel };
      }
      return cached.model;
    },
    /** The builds kept, newest first (the console and docs/topics.md's figures). */
    async builds() {
      return d.db
        .selectFrom('topic_models')
        .select(['version', 'built_at', 'cards', 'bytes', 'build_ms'])
        .orderBy('version', 'desc')
        .execute();
    },
  };
}

export type TopicModels = ReturnType<typeof createTopicModels>;
