import { createHash } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { localToday } from '../../../src-shared/domain/dates';
import {
  agreementWords,
  appealPeriod,
  DigestBuilder,
  hashOfSums,
  sortParts,
  type AgreementWords,
} from '../../../src-shared/sync/agreement';
import type { DigestPart } from '../../../src-shared/sync/protocol';
import { canonicalAppeal, canonicalResponse } from '../../../src-shared/sync/records';
import { rowToAppeal, type AppealRow } from '../appeals/rows';
import type { Db } from '../db/open';
import { appealRecordOf } from './journal';
import { responseOf, type ResponseRow } from './response-rows';

export const sha256 = (text: string): Uint8Array => createHash('sha256').update(text).digest();
const PAGE = 2000;
/** Rows read at a time when computing missing words (a slice goes on for FILL_SLICE_MS). */
const FILL_PAGE = 100;
/** How long computing missing words holds the event loop at a time. */
const FILL_SLICE_MS = 25;

type CardRow = AppealRow & { _topics: string | null };

/** A card's row with its topic codes in their order: what the check hashes. */
const CARD = `SELECT a.*, (SELECT group_concat(code, ' ') FROM
  (SELECT code FROM appeal_topics t WHERE t.appeal_id = a.id ORDER BY position)) AS _topics
  FROM appeals a`;
const RESPONSE = `SELECT id, template_id, campaign_id, service_id, channel, office, response_date,
  complete, answers FROM survey_responses`;

function cardWords(row: CardRow, today: string): { period: string; words: AgreementWords } {
  const topics = row._topics ? row._topics.split(' ') : [];
  const record = appealRecordOf(rowToAppeal(row, topics, today));
  return {
    period: appealPeriod(record.registeredAt),
    words: agreementWords(sha256, row.id, canonicalAppeal(record)),
  };
}

function responseWords(row: ResponseRow): { period: string; words: AgreementWords } {
  const r = responseOf(row);
  return {
    period: r.responseDate.slice(0, 7),
    words: agreementWords(sha256, r.id, canonicalResponse(r)),
  };
}

/**
 * The agreement words each card and pushed response keeps (desk migration 0170): computed from
 * the row as stored, right after a pulled write (a bootstrap leaves nothing to compute) or, for
 * anything a trigger cleared, by the next check.
 */
export function createAgreementWords(db: Db) {
  // Only NULL words are written: words that are there are current (every other write clears
  // them), and writing the same words again would look like another write to the triggers.
  const card = db.prepare(`${CARD} WHERE a.id = ?`);
  const setCard = db.prepare(
    `UPDATE appeals SET agree_0 = ?, agree_1 = ?, agree_2 = ?, agree_3 = ?
     WHERE id = ? AND agree_0 IS NULL`,
  );
  const setResponse = db.prepare(
    `UPDATE survey_responses SET agree_0 = ?, agree_1 = ?, agree_2 = ?, agree_3 = ?
     WHERE id = ? AND agree_0 IS NULL`,
  );
  // The partial indexes of migration 0170 hold exactly the rows without words; any order will do.
  const staleCards = db.prepare(
    `${CARD} INDEXED BY appeals_agreement_stale WHERE a.agree_0 IS NULL LIMIT ${FILL_PAGE}`,
  );
  const staleResponses = db.prepare(
    `${RESPONSE} INDEXED BY survey_responses_agreement_stale
     WHERE agree_0 IS NULL AND pushed = 1 LIMIT ${FILL_PAGE}`,
  );
  /** Computes missing words for about FILL_SLICE_MS in one transaction; returns how many. */
  const fillSlice = db.transaction((): number => {
    const started = performance.now();
    const today = localToday();
    let done = 0;
    for (;;) {
      let changed = 0;
      const cards = staleCards.all() as CardRow[];
      for (const row of cards)
        changed += setCard.run(...cardWords(row, today).words, row.id).changes;
      const responses = cards.length < FILL_PAGE ? (staleResponses.all() as ResponseRow[]) : [];
      for (const row of responses) {
        changed += setResponse.run(...responseWords(row).words, row.id).changes;
      }
      done += changed;
      // Nothing left, or nothing that could be written (never spin on it).
      if (changed === 0) return done;
      if (performance.now() - started >= FILL_SLICE_MS) return done;
    }
  });
  // Words can always be computed again: their slices commit without waiting for the disk
  // (WAL keeps the file consistent; a power cut loses at most some words, never a record).
  const fillPage = (): number => {
    const synchronous = Number(db.pragma('synchronous', { simple: true }));
    db.pragma('synchronous = NORMAL');
    try {
      return fillSlice();
    } finally {
      db.pragma(`synchronous = ${synchronous}`);
    }
  };
  return {
    /** Stores a card's words from its row; inside the caller's transaction. */
    card(id: string, today: string): void {
      const row = card.get(id) as CardRow | undefined;
      if (row) setCard.run(...cardWords(row, today).words, id);
    },
    /** Stores a response's words from the values it was stored with. */
    response(row: ResponseRow): void {
      setResponse.run(...responseWords(row).words, row.id);
    },
    /** Computes every missing word, a page per transaction, yielding between pages. */
    async fill(): Promise<number> {
      let total = 0;
      for (let n = fillPage(); n > 0; n = fillPage()) {
        total += n;
        await yieldToLoop();
      }
      return total;
    },
  };
}

interface SumRow {
  period: string;
  n: number;
  s0: number | null;
  s1: number | null;
  s2: number | null;
  s3: number | null;
}

const SUMS = `count(*) AS n, sum(agree_0) AS s0, sum(agree_1) AS s1, sum(agree_2) AS s2,
  sum(agree_3) AS s3`;

/** The months from `first` to `last` (YYYY-MM), or null past `max` of them. */
function monthsFrom(first: string, last: string, max: number): string[] | null {
  const out: string[] = [];
  const valid = /^\d{4}-(0[1-9]|1[0-2])/;
  if (!valid.test(first) || !valid.test(last)) return null;
  let [y, m] = [Number(first.slice(0, 4)), Number(first.slice(5, 7))];
  for (let month = first.slice(0, 7); month <= last.slice(0, 7);) {
    out.push(month);
    if (out.length > max) return null;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
    month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
  }
  return out;
}

/**
 * Per month, the count and the sums of the words of `table`'s rows (whose `column` starts with
 * the month), one month per statement with a turn of the event loop between them, so that a
 * window stays responsive over a million records; a span of more than 50 years (a date typed
 * as 1026) is summed in one statement instead.
 */
async function monthlySums(db: Db, table: string, column: string, where: string) {
  const bounds = db
    .prepare(`SELECT min(${column}) AS first, max(${column}) AS last FROM ${table} ${where}`)
    .get() as { first: string | null; last: string | null };
  if (bounds.first === null || bounds.last === null) return [];
  const and = where ? `${where} AND` : 'WHERE';
  const months = monthsFrom(bounds.first, bounds.last, 600);
  if (months === null) {
    return db
      .prepare(
        `SELECT substr(${column}, 1, 7) AS period, ${SUMS} FROM ${table} ${where}
         GROUP BY substr(${column}, 1, 7)`,
      )
      .all() as SumRow[];
  }
  const month = db.prepare(
    `SELECT ? AS period, ${SUMS} FROM ${table} ${and} ${column} >= ? AND ${column} < ?`,
  );
  const out: SumRow[] = [];
  for (let i = 0; i < months.length; i++) {
    // '~' sorts after every digit: the last month ends past any day or time in it.
    const row = month.get(months[i], months[i], months[i + 1] ?? `${months[i]}~`) as SumRow;
    if (row.n > 0) out.push(row);
    await yieldToLoop();
  }
  return out;
}

/**
 * The desk's side of the agreement check (docs/sync.md): every card it holds and every
 * response the central has too (responses wait on the desk until several are pending:
 * docs/anonymity.md). Missing words are computed first; then per month the count and the sums
 * of the words, read from covering indexes.
 */
export async function deskDigest(db: Db): Promise<DigestPart[]> {
  await createAgreementWords(db).fill();
  const part = (entity: DigestPart['entity']) => (r: SumRow) => ({
    entity,
    period: r.period,
    count: r.n,
    hash: hashOfSums([r.s0, r.s1, r.s2, r.s3]),
  });
  const appeals = await monthlySums(db, 'appeals', 'registered_at', '');
  const responses = await monthlySums(db, 'survey_responses', 'response_date', 'WHERE pushed = 1');
  return sortParts([...appeals.map(part('appeal')), ...responses.map(part('response'))]);
}

/**
 * The same digest from the records themselves, a page at a time in key order, yielding to the
 * event loop between pages: what the kept words must add up to. A desk runs it when the kept
 * digest disagrees with the central's, before it reports any difference.
 */
export async function deskDigestFull(db: Db): Promise<DigestPart[]> {
  const digest = new DigestBuilder(sha256);
  const today = localToday();
  const cards = db.prepare(`${CARD} WHERE a.id > ? ORDER BY a.id LIMIT ${PAGE}`);
  for (let after = ''; ;) {
    const rows = cards.all(after) as CardRow[];
    for (const row of rows) {
      const { period, words } = cardWords(row, today);
      digest.addWords('appeal', period, words);
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
    await yieldToLoop();
  }
  const responses = db.prepare(`${RESPONSE} WHERE pushed = 1 AND id > ? ORDER BY id LIMIT ${PAGE}`);
  for (let after = ''; ;) {
    const rows = responses.all(after) as ResponseRow[];
    for (const row of rows) {
      const { period, words } = responseWords(row);
      digest.addWords('response', period, words);
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
    await yieldToLoop();
  }
  return digest.result();
}

/** Clears every kept word (they are recomputed by the next check). */
export function forgetAgreementWords(db: Db): void {
  db.transaction(() => {
    db.exec(`UPDATE appeals SET agree_0 = NULL, agree_1 = NULL, agree_2 = NULL, agree_3 = NULL
      WHERE agree_0 IS NOT NULL`);
    db.exec(`UPDATE survey_responses SET agree_0 = NULL, agree_1 = NULL, agree_2 = NULL,
      agree_3 = NULL WHERE agree_0 IS NOT NULL`);
  })();
}
