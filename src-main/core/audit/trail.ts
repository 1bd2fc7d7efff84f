import type { AuditEntry } from '../../../src-shared/auth/roles';
import { APPEAL_FIELDS, type AppealRecord } from '../../../src-shared/sync/records';
import { isoNow, type CoreContext } from '../context';

/** Who made a change on this desk; null for the core itself (imports, tests, set-up). */
export interface Actor {
  userId: string;
  userName: string;
}

/** Fields whose value is not worth copying into the trail: only that it changed. */
const OPAQUE_FIELDS = new Set<string>(['consentSignature']);

function show(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (OPAQUE_FIELDS.has(field)) return '[…]';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * The audit trail of reception cards: one row when a card is registered, one row per changed
 * field after that, written in the same transaction as the change. Rows are never updated or
 * deleted (triggers of migration 0100 refuse it).
 */
export function createAuditTrail(ctx: CoreContext) {
  const insert = ctx.db.prepare(
    `INSERT INTO audit_log (appeal_id, at, user_id, user_name, source, action, field, old_value, new_value)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const list = ctx.db.prepare<[string], Record<string, unknown>>(
    `SELECT id, at, user_name AS userName, source, action, field,
            old_value AS oldValue, new_value AS newValue
     FROM audit_log WHERE appeal_id = ? ORDER BY id`,
  );

  return {
    record(
      appealId: string,
      before: AppealRecord | null,
      after: AppealRecord,
      { actor, source }: { actor: Actor | null; source: 'desk' | 'sync' },
    ) {
      const at = isoNow(ctx);
      const who = [actor?.userId ?? null, actor?.userName ?? null] as const;
      if (before === null) {
        insert.run(appealId, at, ...who, source, 'create', null, null, null);
        return;
      }
      for (const field of APPEAL_FIELDS) {
        const old = JSON.stringify(before[field] ?? null);
        const next = JSON.stringify(after[field] ?? null);
        if (old === next) continue;
        insert.run(
          appealId,
          at,
          ...who,
          source,
          'update',
          field,
          show(field, before[field]),
          show(field, after[field]),
        );
      }
    },
    forAppeal: (appealId: string) => list.all(appealId) as AuditEntry[],
  };
}

export type AuditTrail = ReturnType<typeof createAuditTrail>;
