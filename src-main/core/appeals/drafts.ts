import { OtklikError } from '../../../src-shared/contract/errors';
import type { CoreContext } from '../context';
import { isoNow } from '../context';

interface DraftRow {
  id: string;
  appeal_id: string | null;
  data: string;
  updated_at: string;
}

const MAX_DRAFT_BYTES = 256 * 1024;

/**
 * Autosaved form state of cards being typed. A draft may be incomplete or invalid; it is kept
 * until the card is saved or the officer discards it, so closing the window loses nothing.
 */
export function createDrafts(ctx: CoreContext) {
  const { db } = ctx;
  const upsert = db.prepare(
    `INSERT INTO drafts (id, appeal_id, data, updated_at) VALUES (@id, @appealId, @data, @now)
     ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
  );
  const all = db.prepare('SELECT * FROM drafts ORDER BY updated_at DESC');
  const byId = db.prepare('SELECT * FROM drafts WHERE id = ?');
  const remove = db.prepare('DELETE FROM drafts WHERE id = ?');

  const title = (row: DraftRow): string => {
    const data = JSON.parse(row.data) as Record<string, unknown>;
    const name = data.visitorName || data.organisationName || '';
    const content = typeof data.content === 'string' ? data.content.slice(0, 80) : '';
    return [name, content].filter(Boolean).join(': ');
  };

  return {
    save(id: string, appealId: string | null, data: Record<string, unknown>) {
      const json = JSON.stringify(data);
      if (json.length > MAX_DRAFT_BYTES) {
        throw new OtklikError('validation', 'draft too large', [
          { path: 'data', message: 'too_long', params: { max: MAX_DRAFT_BYTES } },
        ]);
      }
      const now = isoNow(ctx);
      upsert.run({ id, appealId, data: json, now });
      return { id, updatedAt: now };
    },
    list() {
      return (all.all() as DraftRow[]).map((r) => ({
        id: r.id,
        appealId: r.appeal_id,
        title: title(r),
        updatedAt: r.updated_at,
      }));
    },
    get(id: string) {
      const row = byId.get(id) as DraftRow | undefined;
      if (!row) return null;
      return {
        id: row.id,
        appealId: row.appeal_id,
        title: title(row),
        updatedAt: row.updated_at,
        data: JSON.parse(row.data) as Record<string, unknown>,
      };
    },
    discard(id: string) {
      remove.run(id);
      return {};
    },
  };
}
