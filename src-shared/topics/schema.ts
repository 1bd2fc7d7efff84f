import { z } from 'zod';
import { CLASSIFIER_CODE } from '../domain/classifier';

/**
 * The region's topic model as it travels from the central to desks (docs/topics.md), checked
 * on arrival like every other body: a model that fails is refused whole and the desk keeps
 * suggesting from what it had.
 */
export const TOPIC_MODEL_LIMITS = { classes: 5000, termsPerClass: 1000, terms: 300_000, term: 80 };

const term = z.string().min(1).max(TOPIC_MODEL_LIMITS.term);
const weight = z.number().finite().min(0).max(1e9);

export const regionTopicModelSchema = z
  .object({
    format: z.literal(1),
    version: z.number().int().min(1),
    builtAt: z.iso.datetime(),
    edition: z.string().max(200).nullable(),
    cards: z.number().int().min(0),
    minCards: z.number().int().min(1),
    df: z
      .record(term, z.number().int().min(1))
      .refine((r) => Object.keys(r).length <= TOPIC_MODEL_LIMITS.terms, 'Слишком много слов.'),
    classes: z
      .record(
        z.string().regex(CLASSIFIER_CODE),
        z
          .object({
            n: z.number().int().min(1),
            v: z
              .record(term, weight)
              .refine(
                (r) => Object.keys(r).length <= TOPIC_MODEL_LIMITS.termsPerClass,
                'Слишком много слов вопроса.',
              ),
          })
          .strict(),
      )
      .refine(
        (r) => Object.keys(r).length <= TOPIC_MODEL_LIMITS.classes,
        'Слишком много вопросов.',
      ),
  })
  .strict();

/** The central's answer to a desk that asks for a model newer than the one it has. */
export const topicModelResponseSchema = z.object({ model: regionTopicModelSchema.nullable() });
export const topicModelQuerySchema = z
  .object({ have: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0) })
  .strict();

/** The console's view of the central's builds (newest first); `version`: what a build just made. */
export const topicModelBuildsSchema = z.object({
  version: z.number().int().nullable(),
  builds: z.array(
    z.object({
      version: z.number().int(),
      built_at: z.string(),
      cards: z.number().int(),
      bytes: z.number().int(),
      build_ms: z.number().int(),
    }),
  ),
});
export type TopicModelBuilds = z.output<typeof topicModelBuildsSchema>;
