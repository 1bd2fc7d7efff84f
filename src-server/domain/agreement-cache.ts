import { sql, type Kysely } from 'kysely';
import type { DigestPart } from '../../src-shared/sync/protocol';
import type { ServerDatabase } from '../db/schema';
import { officeDigest } from './agreement';

interface Entry {
  key: string;
  computedAt: string;
  parts: Promise<DigestPart[]>;
}

/**
 * The agreement digest scans a whole office; desks ask for it after every quiet sync. It is
 * kept per office until the office's data changes (every card change enters the change log
 * and every response gets a feed number, so the two highest numbers say whether anything
 * changed: two index look-ups), and desks asking at once share one computation (issue 13,
 * point 6): a desk, or a leaked token, cannot make the central rescan an office in a loop.
 */
export function createAgreementCache(db: Kysely<ServerDatabase>) {
  const cache = new Map<string, Entry>();

  async function version(officeId: string): Promise<string> {
    const changes = await db
      .selectFrom('change_log')
      .select(sql<number | string | null>`max(seq)`.as('top'))
      .where('office_id', '=', officeId)
      .executeTakeFirst();
    const responses = await db
      .selectFrom('responses')
      .select(sql<number | string | null>`max(feed_seq)`.as('top'))
      .where('office_id', '=', officeId)
      .executeTakeFirst();
    return `${changes?.top ?? 0}:${responses?.top ?? 0}`;
  }

  return {
    async digest(officeId: string, now: () => Date, withOnline = true) {
      const key = await version(officeId);
      const slot = `${officeId}:${withOnline ? 'all' : 'desk'}`;
      let entry = cache.get(slot);
      if (!entry || entry.key !== key) {
        const parts = officeDigest(db, officeId, withOnline);
        entry = { key, computedAt: now().toISOString(), parts };
        cache.set(slot, entry);
        parts.catch(() => cache.delete(slot));
      }
      return { computedAt: entry.computedAt, parts: await entry.parts };
    },
  };
}
