import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import {
  agreementWords,
  appealPeriod,
  DigestBuilder,
  hashOfSums,
  sortParts,
} from '../../src-shared/sync/agreement';
import type { DigestPart } from '../../src-shared/sync/protocol';
import {
  canonicalAppeal,
  canonicalResponse,
  type AppealRecord,
  type ResponseRecord,
} from '../../src-shared/sync/records';
import type { ServerDatabase } from '../db/schema';
import { responseRecordOf } from './responses';

const sha256 = (text: string) => createHash('sha256').update(text).digest();
const PAGE = 5000;

/** The four agreement words stored with a card (migration 0080), from the record stored. */
export function appealAgreement(id: string, record: AppealRecord) {
  const [a, b, c, d] = agreementWords(sha256, id, canonicalAppeal(record));
  return { agree_0: a, agree_1: b, agree_2: c, agree_3: d };
}

/** The four agreement words stored with a response (migration 0080). */
export function responseAgreement(record: ResponseRecord) {
  const [a, b, c, d] = agreementWords(sha256, record.id, canonicalResponse(record));
  return { agree_0: a, agree_1: b, agree_2: c, agree_3: d };
}

interface SumRow {
  period: string;
  n: number | string;
  s0: number | string | null;
  s1: number | string | null;
  s2: number | string | null;
  s3: number | string | null;
}

const partOf = (entity: DigestPart['entity'], r: SumRow): DigestPart => ({
  entity,
  period: r.period,
  count: Number(r.n),
  hash: hashOfSums([r.s0, r.s1, r.s2, r.s3]),
});

/**
 * The central side of the agreement check for one office (docs/sync.md): per month, the count
 * and the sum of the agreement words every write stores beside its record — a GROUP BY over a
 * covering index, not a pass over the records (issue 16: 1M records per office).
 */
export async function officeDigest(
  db: Kysely<ServerDatabase>,
  officeId: string,
  /** False for a desk before protocol 4, which holds no online responses. */
  withOnline = true,
): Promise<DigestPart[]> {
  const sums = (period: string) => sql`${sql.raw(period)} AS period, count(*) AS n,
    sum(agree_0) AS s0, sum(agree_1) AS s1, sum(agree_2) AS s2, sum(agree_3) AS s3`;
  const appeals = await sql<SumRow>`SELECT ${sums('substr(registered_at, 1, 7)')}
    FROM appeals WHERE office_id = ${officeId}
    GROUP BY substr(registered_at, 1, 7)`.execute(db);
  const responses = await sql<SumRow>`SELECT ${sums('substr(response_date, 1, 7)')}
    FROM responses WHERE office_id = ${officeId}
    ${withOnline ? sql`` : sql`AND channel <> 'online'`}
    GROUP BY substr(response_date, 1, 7)`.execute(db);
  return sortParts([
    ...appeals.rows.map((r) => partOf('appeal', r)),
    ...responses.rows.map((r) => partOf('response', r)),
  ]);
}

/**
 * The same digest recomputed from the records themselves, a page at a time (keyset by id):
 * what the stored words must always add up to (the tests hold them to it after every scenario).
 */
export async function officeDigestFull(
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
