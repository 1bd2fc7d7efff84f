import { randomInt } from 'node:crypto';
import { shuffle } from '../../src-shared/sync/shuffle';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import {
  ONLINE_PROTOCOL,
  type Protocol,
  type Refusal,
  type ResponsesPull,
} from '../../src-shared/sync/protocol';
import {
  responseColumns,
  responseRecordSchema,
  type ResponseRecord,
} from '../../src-shared/sync/records';
import { RollupDelta } from '../db/rollups';
import type { ResponseTable, ServerDatabase } from '../db/schema';
import { responseAgreement } from './agreement';
import { chunks, validateEach, type ApplyResult } from './push';

type Tx = Transaction<ServerDatabase>;

/**
 * Stores survey responses for an office (docs/anonymity.md). Only the office is known: no
 * device, no receipt time, no change-log entry beside the cards. Responses are append-only and
 * deduplicated by their random id; a batch is stored in random order and numbered for desks'
 * pulls after every earlier batch, so neither rows nor numbers follow the order of submission.
 */
export async function storeResponses(
  tx: Tx,
  officeId: string,
  items: readonly unknown[],
): Promise<ApplyResult> {
  const checked = validateEach(items, responseRecordSchema, 'Анкета');
  // A response's id says nothing, but it is not repeated in a refusal either.
  const refused: Refusal[] = checked.refused.map((r) => ({ ...r, id: null }));
  const valid = checked.valid.map(({ value, index }) => ({ r: value, index }));
  const existing = new Map<string, string>();
  for (const part of chunks([...new Set(valid.map((v) => v.r.id))])) {
    const rows = await tx
      .selectFrom('responses')
      .select(['id', 'office_id'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) existing.set(r.id, r.office_id);
  }
  const fresh = new Map<string, ResponseRecord>();
  let duplicates = 0;
  valid.forEach(({ r, index }) => {
    const office = existing.get(r.id);
    if (office !== undefined && office !== officeId) {
      refused.push({
        id: r.id,
        index,
        code: 'forbidden',
        message: 'Анкета с таким идентификатором принадлежит другому органу.',
      });
    } else if (office !== undefined || fresh.has(r.id)) duplicates++;
    else fresh.set(r.id, r);
  });
  if (fresh.size > 0) {
    const top = await tx
      .selectFrom('responses')
      .select(sql<number | string | null>`max(feed_seq)`.as('top'))
      .executeTakeFirst();
    let seq = Number(top?.top ?? 0);
    for (const part of chunks(shuffle([...fresh.values()], randomInt))) {
      await tx
        .insertInto('responses')
        .values(
          part.map((r) => {
            const row = { ...responseColumns(r), office_id: officeId, feed_seq: ++seq };
            // The agreement words of the response as stored (read back as the check reads it).
            return { ...row, ...responseAgreement(responseRecordOf(row)) };
          }),
        )
        .execute();
    }
    const rollups = new RollupDelta();
    for (const r of fresh.values()) rollups.response(officeId, r);
    await rollups.write(tx);
  }
  return { applied: fresh.size, duplicates, refused };
}

/** A stored response as the protocol carries it. */
export function responseRecordOf(
  r: Omit<Selectable<ResponseTable>, 'agree_0' | 'agree_1' | 'agree_2' | 'agree_3'>,
): ResponseRecord {
  return {
    id: r.id,
    templateId: r.template_id,
    campaignId: r.campaign_id,
    serviceId: r.service_id,
    channel: r.channel as ResponseRecord['channel'],
    office: r.office,
    responseDate: r.response_date,
    complete: Number(r.complete) === 1,
    answers: JSON.parse(r.answers) as Record<string, unknown>,
  };
}

/** An office's responses after a desk's response cursor, in feed order. */
export async function pullResponses(
  db: Kysely<ServerDatabase>,
  officeId: string,
  after: number,
  limit: number,
  protocol: Protocol = 3,
): Promise<ResponsesPull> {
  let q = db
    .selectFrom('responses')
    .selectAll()
    .where('office_id', '=', officeId)
    .where('feed_seq', '>', after);
  // A desk before protocol 4 knows no online channel: it is given the others (its cursor still
  // passes the online ones, which it never asks for again).
  if (protocol < ONLINE_PROTOCOL) q = q.where('channel', '!=', 'online');
  const rows = await q
    .orderBy('feed_seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({ seq: Number(r.feed_seq), response: responseRecordOf(r) })),
    cursor: page.length ? Number(page[page.length - 1]!.feed_seq) : after,
    more: rows.length > limit,
  };
}
