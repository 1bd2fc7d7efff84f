import type BetterSqlite3 from 'better-sqlite3';
import { rollupOf, type RollupCard } from '../../../src-shared/reports/rollup';

export type { RollupCard } from '../../../src-shared/reports/rollup';

/**
 * Keeps the roll-ups in step with the cards: `apply(card, topics, +1)` for a card written,
 * `-1` for the values it had before an edit. Call inside the write's transaction.
 */
export function createRollups(db: BetterSqlite3.Database) {
  const cube = db.prepare(
    `INSERT INTO report_appeals (day, channel, kind, form, answer_mode, result, final, due_date,
       repeat, collective, n, signatories)
     VALUES (@day, @channel, @kind, @form, @answer_mode, @result, @final, @due_date, @repeat,
       @collective, @n, @signatories)
     ON CONFLICT DO UPDATE SET n = n + excluded.n, signatories = signatories + excluded.signatories`,
  );
  const topic = db.prepare(
    `INSERT INTO report_topics (day, code, n) VALUES (?, ?, ?)
     ON CONFLICT DO UPDATE SET n = n + excluded.n`,
  );
  const answer_ = db.prepare(
    `INSERT INTO report_answers (answer_date, registered, in_time, n) VALUES (?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET n = n + excluded.n`,
  );
  const prune = db.prepare('DELETE FROM report_appeals WHERE day = ? AND n = 0');
  const pruneTopics = db.prepare('DELETE FROM report_topics WHERE day = ? AND n = 0');

  return {
    apply(card: RollupCard, topics: readonly string[], sign: 1 | -1) {
      const { day, appeal, groups, answer } = rollupOf(card, topics);
      cube.run({ ...appeal, n: sign, signatories: sign * appeal.signatories });
      for (const code of groups) topic.run(day, code, sign);
      if (answer) answer_.run(answer.answer_date, answer.registered, answer.in_time, sign);
      if (sign < 0) {
        prune.run(day);
        pruneTopics.run(day);
      }
    },
  };
}

/** Builds the roll-ups from every stored card (migration 0070). */
export function rebuildRollups(db: BetterSqlite3.Database) {
  db.exec('DELETE FROM report_appeals; DELETE FROM report_topics; DELETE FROM report_answers;');
  const rollups = createRollups(db);
  const page = db.prepare(
    `SELECT a.rowid AS _rowid, a.*,
       (SELECT group_concat(code, ' ') FROM appeal_topics t WHERE t.appeal_id = a.id) AS _topics
     FROM appeals a WHERE a.rowid > ? ORDER BY a.rowid LIMIT 5000`,
  );
  for (let after = 0; ;) {
    const cards = page.all(after) as (RollupCard & { _rowid: number; _topics: string | null })[];
    for (const card of cards) rollups.apply(card, card._topics ? card._topics.split(' ') : [], 1);
    if (cards.length < 5000) break;
    after = cards[cards.length - 1]!._rowid;
  }
}

export type Rollups = ReturnType<typeof createRollups>;
