import { createHash } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { localToday } from '../../../src-shared/domain/dates';
import { appealPeriod, DigestBuilder } from '../../../src-shared/sync/agreement';
import type { DigestPart } from '../../../src-shared/sync/protocol';
import { canonicalAppeal, canonicalResponse } from '../../../src-shared/sync/records';
import { rowToAppeal, type AppealRow } from '../appeals/rows';
import type { Db } from '../db/open';
import { appealRecordOf } from './journal';
import { responseOf, type ResponseRow } from './response-rows';

export const sha256 = (text: string): Uint8Array => createHash('sha256').update(text).digest();
const PAGE = 2000;

/**
 * The desk's side of the agreement check: every card it holds and every response the central
 * has too (responses wait on the desk until several are pending: docs/anonymity.md), a page at a time
 * in key order (a card's topic codes come with it, in their order). Between pages it yields to
 * the event loop, so in Electron the window's calls are served while a large desk is checked.
 */
export async function deskDigest(db: Db): Promise<DigestPart[]> {
  const digest = new DigestBuilder(sha256);
  const today = localToday();
  const cards = db.prepare(
    `SELECT a.*, (SELECT group_concat(code, ' ') FROM
       (SELECT code FROM appeal_topics t WHERE t.appeal_id = a.id ORDER BY position)) AS _topics
     FROM appeals a WHERE a.id > ? ORDER BY a.id LIMIT ${PAGE}`,
  );
  for (let after = ''; ;) {
    const rows = cards.all(after) as (AppealRow & { _topics: string | null })[];
    for (const row of rows) {
      const topics = row._topics ? row._topics.split(' ') : [];
      const record = appealRecordOf(rowToAppeal(row, topics, today));
      digest.add('appeal', appealPeriod(record.registeredAt), row.id, canonicalAppeal(record));
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
    await yieldToLoop();
  }
  const responses = db.prepare(
    `SELECT id, template_id, campaign_id, service_id, channel, office, response_date, complete,
       answers FROM survey_responses WHERE pushed = 1 AND id > ? ORDER BY id LIMIT ${PAGE}`,
  );
  for (let after = ''; ;) {
    const rows = responses.all(after) as ResponseRow[];
    for (const row of rows) {
      const r = responseOf(row);
      digest.add('response', r.responseDate.slice(0, 7), r.id, canonicalResponse(r));
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1]!.id;
    await yieldToLoop();
  }
  return digest.result();
}
