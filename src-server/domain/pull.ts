import type { Kysely } from 'kysely';
import {
  ONLINE_PROTOCOL,
  type Change,
  type Protocol,
  type PullItem,
  type PullResponse,
  type Reference,
} from '../../src-shared/sync/protocol';
import { PROTOCOL3_APPEAL_FIELDS } from '../../src-shared/sync/records';
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
  protocol: Protocol = 3,
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
  const items: PullItem[] = [];
  for (const r of page) {
    const seq = Number(r.seq);
    const payload = JSON.parse(r.payload) as never;
    if (r.type === 'reference') {
      const reference = protocol < ONLINE_PROTOCOL ? beforeOnline(payload) : (payload as Reference);
      if (reference) items.push({ seq, type: 'reference', reference });
    } else {
      const change = protocol === 2 ? forProtocol2(payload) : (payload as Change);
      if (change) items.push({ seq, type: 'change', change });
    }
  }
  return {
    items,
    cursor: page.length ? Number(page[page.length - 1]!.seq) : after,
    more: rows.length > limit,
  };
}

/**
 * A change as a protocol-2 desk understands it: without the fields of protocol 3 (its schema is
 * strict); a change of nothing else is skipped (the cursor still passes it).
 */
export function forProtocol2(change: Change): Change | null {
  const fields = { ...change.fields } as Record<string, unknown>;
  for (const f of PROTOCOL3_APPEAL_FIELDS) delete fields[f];
  return Object.keys(fields).length ? { ...change, fields } : null;
}

/**
 * Reference data as a desk before protocol 4 understands it: no online publications, and
 * campaigns without the online channel (their schemas are strict enums).
 */
export function beforeOnline(ref: Reference): Reference | null {
  if (ref.entity === 'online') return null;
  if (ref.entity === 'campaign') {
    return {
      ...ref,
      data: { ...ref.data, channels: ref.data.channels.filter((c) => c !== 'online') },
    };
  }
  return ref;
}
