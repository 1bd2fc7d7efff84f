import {
  buildTopicIndex,
  HistoryAccumulator,
  type ClassifierEntry,
  type RegionTopicModel,
  type TopicIndex,
} from '../../../src-shared/topics/model';
import { regionTopicModelSchema } from '../../../src-shared/topics/schema';
import type { CoreContext } from '../context';
import type { Classifier } from '../reference/classifier';
import { toneOf } from './tone';

/** New cards since the last build that make the index learn again (or 2 % of them). */
const REBUILD_AFTER = 20;
/**
 * The desk's own cards read on top of the region's model: the newest this many. Reading a card
 * costs ≈ 0.04 ms, but the index is built on the officer's first suggestion: a desk that never
 * received a region model builds in well under a second at 100,000 cards (docs/topics.md).
 */
const LOCAL_CARDS = 5_000;

/**
 * Topic suggestions for the card being typed, offline (docs/topics.md): the classifier's own
 * words, the region's model the central last sent, and this desk's cards newer than that
 * model on top. Built on first use and again once enough new cards, another classifier edition
 * or a newer region model have come. The officer always picks; nothing is coded automatically.
 */
export function createTopicSuggester(ctx: CoreContext, classifier: Classifier) {
  let index: TopicIndex | null = null;
  let builtFrom: { cards: number; edition: string | null; region: number } | null = null;
  const cardCount = ctx.db.prepare('SELECT count(*) FROM appeals').pluck();
  const regionVersion = ctx.db.prepare('SELECT version FROM topic_model WHERE id = 1').pluck();

  function region(): RegionTopicModel | null {
    const row = ctx.db.prepare('SELECT body FROM topic_model WHERE id = 1').get() as
      { body: string } | undefined;
    if (!row) return null;
    // The body was checked when it came; a row damaged since is ignored, never fatal.
    const parsed = regionTopicModelSchema.safeParse(safeJson(row.body));
    return parsed.success ? parsed.data : null;
  }

  function build(): TopicIndex {
    const entries = ctx.db
      .prepare(
        `SELECT code, title, parent_code AS parentCode, level FROM classifier_nodes WHERE retired = 0`,
      )
      .all() as ClassifierEntry[];
    const model = region();
    const local = new HistoryAccumulator();
    const rows = ctx.db
      .prepare(
        `SELECT a.content, group_concat(t.code) AS codes FROM appeals a
         JOIN appeal_topics t ON t.appeal_id = a.id
         WHERE a.created_at > ? GROUP BY a.id ORDER BY a.created_at DESC LIMIT ?`,
      )
      .iterate(model?.builtAt ?? '', LOCAL_CARDS) as Iterable<{ content: string; codes: string }>;
    for (const r of rows) local.add(r.content, r.codes.split(','));
    return buildTopicIndex(entries, { region: model, local });
  }

  function current(): TopicIndex {
    const edition = classifier.edition();
    const cards = cardCount.get() as number;
    const version = (regionVersion.get() as number | undefined) ?? 0;
    const stale =
      index === null ||
      builtFrom === null ||
      builtFrom.edition !== edition ||
      builtFrom.region !== version ||
      Math.abs(cards - builtFrom.cards) >= Math.max(REBUILD_AFTER, builtFrom.cards * 0.02);
    if (stale) {
      index = build();
      builtFrom = { cards, edition, region: version };
    }
    return index!;
  }

  const insertFeedback = ctx.db.prepare(
    `INSERT INTO suggestion_feedback (day, code, rank, accepted, model_version)
     VALUES (?, ?, ?, ?, ?)`,
  );

  return {
    suggest(text: string, limit: number) {
      const found = current().suggest(text, limit);
      const nodes = new Map(classifier.get(found.map((f) => f.code)).map((n) => [n.code, n]));
      const total = found.reduce((s, f) => s + Math.max(f.score, 0), 0);
      return {
        topics: found.map((f) => ({
          code: f.code,
          title: nodes.get(f.code)?.title ?? '',
          confidence: total > 0 ? Math.max(f.score, 0) / total : 1 / found.length,
          why: f.why,
          request: f.request,
        })),
        tone: toneOf(text),
        modelVersion: builtFrom?.region ?? 0,
      };
    },
    /**
     * What the officer did with the suggestions a card was saved with: each shown code with its
     * rank and whether it was taken. Codes, rank and day only (docs/topics.md).
     */
    recordFeedback(shown: readonly string[], taken: readonly string[], modelVersion: number) {
      const day = ctx.now().toISOString().slice(0, 10);
      // A suggested question counts as taken when the card has it or one of its sub-questions.
      const took = (code: string) => taken.some((t) => t === code || t.startsWith(`${code}.`));
      const write = ctx.db.transaction(() => {
        shown.slice(0, 10).forEach((code, i) => {
          insertFeedback.run(day, code, i + 1, took(code) ? 1 : 0, modelVersion || null);
        });
      });
      write();
    },
    /** How often the officers took the first suggestion, and any suggestion (the bench's figure). */
    feedbackStats() {
      const row = ctx.db
        .prepare(
          `SELECT total(rank = 1) AS cards, total(rank = 1 AND accepted) AS firstTaken,
                  total(accepted) AS anyTaken
           FROM suggestion_feedback`,
        )
        .get() as { cards: number; firstTaken: number; anyTaken: number };
      return row;
    },
    /**
     * Keeps a model the central sent (already checked against its schema) unless it is the one
     * held. The central sends its newest whenever the desk's number differs, a lower one too:
     * after the central is restored from a backup its builds count again from there.
     */
    storeRegionModel(model: RegionTopicModel): boolean {
      const held = (regionVersion.get() as number | undefined) ?? 0;
      if (model.version === held) return false;
      ctx.db
        .prepare(
          `INSERT INTO topic_model (id, version, built_at, body) VALUES (1, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET version = excluded.version,
             built_at = excluded.built_at, body = excluded.body`,
        )
        .run(model.version, model.builtAt, JSON.stringify(model));
      return true;
    },
    regionVersion(): number {
      return (regionVersion.get() as number | undefined) ?? 0;
    },
    /** Forget the index (tests, and after a classifier import). */
    reset() {
      index = null;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export type TopicSuggester = ReturnType<typeof createTopicSuggester>;
