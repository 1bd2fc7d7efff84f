import type { Migration } from './index';

/**
 * Indexes the quarterly report reads instead of the cards (docs/metrics.md, bench `report`):
 * - `appeals_report` covers every column the metrics group by, in registration order, so a
 *   quarter is one contiguous index range with no row lookups;
 * - `appeals_answered` finds the answers given in a period (metric 4);
 * - each topic row carries its card's registration time, so the classifier metrics read one
 *   index range instead of joining every card of the quarter to its topics (the classifier
 *   drill-down below the sections reads it).
 */
export const m0060ReportIndexes: Migration = {
  version: 60,
  name: 'report-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX appeals_report ON appeals (registered_at, channel, kind, form, answer_mode,
        result, status, is_repeat, is_collective, signatory_count, due_date);
      CREATE INDEX appeals_answered ON appeals (answer_date, registered_at, due_date)
        WHERE answer_date IS NOT NULL;

      ALTER TABLE appeal_topics ADD COLUMN registered_at TEXT NOT NULL DEFAULT '';
      UPDATE appeal_topics SET registered_at =
        (SELECT registered_at FROM appeals a WHERE a.id = appeal_topics.appeal_id);
      CREATE INDEX appeal_topics_report ON appeal_topics (registered_at, code, appeal_id);
    `);
  },
};
