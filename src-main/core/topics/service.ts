import type { CoreContext } from '../context';
import type { Classifier } from '../reference/classifier';
import { buildTopicModel, suggestTopics, type TopicModel } from './suggester';
import { toneOf } from './tone';

/** New cards since the last build that make the model learn again (or 2 % of them). */
const REBUILD_AFTER = 20;

/**
 * Topic suggestions for the card being typed, offline: the model is built on first use from the
 * classifier and the office's coded cards, and built again once enough new cards (or a new
 * classifier edition) have come. The officer always picks; nothing is coded automatically.
 */
export function createTopicSuggester(ctx: CoreContext, classifier: Classifier) {
  let model: TopicModel | null = null;
  const cardCount = ctx.db.prepare('SELECT count(*) FROM appeals').pluck();

  function current(): TopicModel {
    const edition = classifier.edition();
    const cards = cardCount.get() as number;
    const stale =
      model === null ||
      model.builtFrom.edition !== edition ||
      Math.abs(cards - model.builtFrom.cards) >=
        Math.max(REBUILD_AFTER, model.builtFrom.cards * 0.02);
    if (stale) model = buildTopicModel(ctx, edition);
    return model!;
  }

  return {
    suggest(text: string, limit: number) {
      const found = suggestTopics(current(), text, limit);
      const nodes = new Map(classifier.get(found.map((f) => f.code)).map((n) => [n.code, n]));
      return {
        topics: found.map((f) => ({
          code: f.code,
          title: nodes.get(f.code)?.title ?? '',
          confidence: f.confidence,
        })),
        tone: toneOf(text),
      };
    },
    /** Forget the model (tests, and after a classifier import). */
    reset() {
      model = null;
    },
  };
}

export type TopicSuggester = ReturnType<typeof createTopicSuggester>;
