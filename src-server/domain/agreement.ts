import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appealPeriod, DigestBuilder } from '../../src-shared/sync/agreement';
import type { DigestPart } from '../../src-shared/sync/protocol';
import {
  canonicalAppeal,
  canonicalResponse,
  type AppealRecord,
} from '../../src-shared/sync/records';
import type { ServerDatabase } from '../db/schema';
import { responseRecordOf } from './responses';

const sha256 = (text: string) => createHash('sha256').update(text).digest();
const PAGE = 5000;

/**
 * The central side of the agreement check for one office (docs/sync.md). Reads the office's
 * records a page at a time (keyset by id), so memory stays flat however many there are.
 */
export async function officeDigest(
  db: Kysely<ServerDatabase>,
  officeId: string,
): Promise<DigestPart[]> {
  const digest = new DigestBuilder(sha256);
  for (let after = ''; ;) {
    const page = await db
      .selectFrom('appeals')
      .select(['id', 'data'])
      .where('office_id', '=', officeId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const a of page) {
      const record = JSON.parse(a.data) as AppealRecord;
      digest.add('appeal', appealPeriod(record.registeredAt), a.id, canonicalAppeal(record));
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  for (let after = ''; ;) {
    const page = await db
      .selectFrom('responses')
      .selectAll()
      .where('office_id', '=', officeId)
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const r of page) {
      digest.add(
        'response',
        r.response_date.slice(0, 7),
        r.id,
        canonicalResponse(responseRecordOf(r)),
      );
    }
    if (page.length < PAGE) break;
    after = page[page.length - 1]!.id;
  }
  return digest.result();
}
