import type BetterSqlite3 from 'better-sqlite3';
import { FINAL_STATUSES, type AppealStatus } from '../../../src-shared/domain/enums';

/** What a card contributes to the report roll-ups (migration 0070). */
export interface RollupCard {
  registered_at: string;
  channel: string;
  kind: string;
  form: string;
  answer_mode: string | null;
  /** The card's outcome from its questions (appealOutcome), not its own result field. */
  outcome: string | null;
  status: string;
  due_date: string | null;
  is_repeat: number;
  is_collective: number;
  signatory_count: number | null;
  answer_date: string | null;
}

/** Classifier groups a card counts in for the report: its sections and themes, once each. */
export function reportGroups(codes: readonly string[]): string[] {
  // '*' counts the cards with any code at all: the whole of the classifier drill-down's top.
  const groups = new Set<string>(codes.length ? ['*'] : []);
  for (const code of codes) {
    groups.add(`${code.slice(0, 4)}.0000.0000.0000`);
    if (code.slice(5, 9) !== '0000') groups.add(`${code.slice(0, 9)}.0000.0000`);
  }
  return [...groups];
}

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
  const answer = db.prepare(
    `INSERT INTO report_answers (answer_date, registered, in_time, n) VALUES (?, ?, ?, ?)
     ON CONFLICT DO UPDATE SET n = n + excluded.n`,
  );
  const prune = db.prepare('DELETE FROM report_appeals WHERE day = ? AND n = 0');
  const pruneTopics = db.prepare('DELETE FROM report_topics WHERE day = ? AND n = 0');

  return {
    apply(card: RollupCard, topics: readonly string[], sign: 1 | -1) {
      const day = card.registered_at.slice(0, 10);
      const final = FINAL_STATUSES.includes(card.status as AppealStatus) ? 1 : 0;
      cube.run({
        day,
        channel: card.channel,
        kind: card.kind,
        form: card.form,
        answer_mode: card.answer_mode ?? '',
        result: card.outcome ?? '',
        final,
        due_date: final === 0 ? (card.due_date ?? '') : '',
        repeat: card.is_repeat,
        collective: card.is_collective,
        n: sign,
        signatories: card.is_collective ? sign * (card.signatory_count ?? 0) : 0,
      });
      for (const code of reportGroups(topics)) topic.run(day, code, sign);
      if (card.answer_date) {
        const inTime = card.due_date === null || card.answer_date <= card.due_date ? 1 : 0;
        answer.run(card.answer_date, day, inTime, sign);
      }
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
