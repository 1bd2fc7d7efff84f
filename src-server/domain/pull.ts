import type { Kysely } from 'kysely';
import type { PullItem, PullResponse } from '../../src-shared/sync/protocol';
import type { ServerDatabase } from '../db/schema';

/**
 * What a device receives after its cursor: reference data (for everyone), and its office's
 * card changes made elsewhere (other desks, the central), in change-log order. Survey
 * responses are not in the change log: desks pull them apart (domain/responses.ts).
 */
export async function pull(
  db: Kysely<ServerDatabase>,
  device: { id: string; officeId: string },
  after: number,
  limit: number,
): Promise<PullResponse> {
  const rows = await db
    .selectFrom('change_log')
    .select(['seq', 'type', 'payload'])
    .where('seq', '>', after)
    .where((eb) => eb.or([eb('office_id', '=', device.officeId), eb('office_id', 'is', null)]))
    .where((eb) => eb.or([eb('device_id', 'is', null), eb('device_id', '!=', device.id)]))
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const items = page.map((r): PullItem => {
    const seq = Number(r.seq);
    const payload = JSON.parse(r.payload) as never;
    if (r.type === 'change') return { seq, type: 'change', change: payload };
    return { seq, type: 'reference', reference: payload };
  });
  return {
    items,
    cursor: page.length ? Number(page[page.length - 1]!.seq) : after,
    more: rows.length > limit,
  };
}
