import type { Migration } from './index';

/**
 * Issue 20 (docs/topics.md). The region's topic model as the central last sent it (one row,
 * its JSON), and the officers' answers to suggestions: which code was shown at which rank and
 * whether it was taken — codes, rank and day only, never the card or its text.
 */
export const m0190TopicModel: Migration = {
  version: 190,
  name: 'topic-model',
  up(db) {
    db.exec(`
      CREATE TABLE topic_model (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL,
        built_at TEXT NOT NULL,
        body TEXT NOT NULL
      );
      CREATE TABLE suggestion_feedback (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        code TEXT NOT NULL,
        rank INTEGER NOT NULL CHECK (rank BETWEEN 1 AND 10),
        accepted INTEGER NOT NULL CHECK (accepted IN (0, 1)),
        model_version INTEGER
      );
    `);
  },
};
