import { createHash } from 'node:crypto';
import { appealPeriod, DigestBuilder } from '../../../src-shared/sync/agreement';
import type { DigestPart } from '../../../src-shared/sync/protocol';
import { canonicalAppeal, canonicalResponse } from '../../../src-shared/sync/records';
import type { AppealsService } from '../appeals/service';
import type { Db } from '../db/open';
import { responseOf, type ResponseRow } from './response-rows';

export const sha256 = (text: string): Uint8Array => createHash('sha256').update(text).digest();

/** The desk's side of the agreement check: every card and response it holds. */
export function deskDigest(db: Db, appeals: AppealsService): DigestPart[] {
  const digest = new DigestBuilder(sha256);
  for (const id of db.prepare('SELECT id FROM appeals').pluck().iterate() as Iterable<string>) {
    const record = appeals.record(id)!;
    digest.add('appeal', appealPeriod(record.registeredAt), id, canonicalAppeal(record));
  }
  const rows = db
    .prepare(
      `SELECT id, template_id, campaign_id, service_id, channel, office, response_date, complete,
         answers FROM survey_responses`,
    )
    .iterate() as Iterable<ResponseRow>;
  for (const row of rows) {
    const r = responseOf(row);
    digest.add('response', r.responseDate.slice(0, 7), r.id, canonicalResponse(r));
  }
  return digest.result();
}
