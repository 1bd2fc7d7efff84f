import { mergeFields, type Clocks } from '../../../src-shared/sync/lww';
import type { Change, PullItem } from '../../../src-shared/sync/protocol';
import {
  APPEAL_FIELDS,
  type AppealPatch,
  type AppealRecord,
  type ResponseRecord,
} from '../../../src-shared/sync/records';
import type { AppealsService } from '../appeals/service';
import type { CoreContext } from '../context';
import type { Settings } from '../settings';
import { nameUuid } from '../text/name-uuid';
import type { Clock } from './clock';
import type { Journal } from './journal';
import { createReferenceWriter } from './reference-writer';
import { createResponseRows } from './response-rows';

export interface OutboxBatch {
  changes: Change[];
  responses: ResponseRecord[];
  lastSeq: number;
}

interface OutboxRow {
  seq: number;
  change_id: string;
  entity: 'appeal';
  entity_id: string;
  hlc: string;
  fields: string;
}

const toChange = (r: OutboxRow): Change => ({
  id: r.change_id,
  entity: r.entity,
  entityId: r.entity_id,
  hlc: r.hlc,
  fields: JSON.parse(r.fields) as AppealPatch,
});

/**
 * The desk's sync tables: what is waiting to be sent, acknowledging it, and applying what the
 * server sends back: all in single transactions, the cursor with the data it covers.
 */
export function createSyncStore(
  ctx: CoreContext,
  settings: Settings,
  clock: Clock,
  journal: Journal,
  appeals: AppealsService,
) {
  const { db } = ctx;
  const responses = createResponseRows(db);
  const references = createReferenceWriter(db);
  const pendingChanges = db.prepare('SELECT count(*) FROM sync_outbox').pluck();
  const outbox = db.prepare('SELECT * FROM sync_outbox WHERE seq > ? ORDER BY seq LIMIT ?');
  const ackChange = db.prepare('DELETE FROM sync_outbox WHERE change_id = ?');
  const unclocked = db
    .prepare(
      `SELECT id FROM appeals WHERE id NOT IN
         (SELECT entity_id FROM sync_clocks WHERE entity = 'appeal') ORDER BY id`,
    )
    .pluck();

  /** Each field was validated with the page (pullResponseSchema); a card must also be whole. */
  function applyChange(change: Change): 'applied' | 'stale' | 'incomplete' {
    const clocks: Clocks = journal.clocksOf('appeal', change.entityId);
    const merged = mergeFields<AppealRecord>(clocks, change.fields, change.hlc);
    if (Object.keys(merged.won).length === 0) return 'stale';
    const current =
      Object.keys(merged.won).length < APPEAL_FIELDS.length
        ? appeals.record(change.entityId)
        : null;
    const next = { ...current, ...merged.won } as AppealRecord;
    if (APPEAL_FIELDS.some((f) => !(f in next))) return 'incomplete';
    journal.setClocks('appeal', change.entityId, merged.clocks);
    appeals.applySynced(change.entityId, next);
    return 'applied';
  }

  const applyItems = db.transaction((items: readonly PullItem[], cursor: number) => {
    const tally = { applied: 0, stale: 0, incomplete: 0 };
    // The clock only needs to pass the greatest stamp received.
    let latest: string | null = null;
    for (const item of items) {
      if (item.type === 'change' && (latest === null || item.change.hlc > latest)) {
        latest = item.change.hlc;
      }
    }
    if (latest) clock.observe(latest);
    for (const item of items) {
      if (item.type === 'change') tally[applyChange(item.change)] += 1;
      else if (item.type === 'response') tally[responses.insertPulled(item.response)] += 1;
      else {
        references.write(item.reference);
        tally.applied += 1;
      }
    }
    settings.set('sync_cursor', String(cursor));
    return tally;
  });

  return {
    pending(): { changes: number; responses: number } {
      return { changes: Number(pendingChanges.get()), responses: responses.unpushedCount() };
    },
    cursor(): number {
      return Number(settings.value('sync_cursor') ?? 0);
    },
    /** The next changes after `afterSeq` and responses not yet sent, in key order. */
    batch(afterSeq: number, maxChanges: number, maxResponses: number): OutboxBatch {
      const rows = outbox.all(afterSeq, maxChanges) as OutboxRow[];
      return {
        changes: rows.map(toChange),
        responses: responses.unpushed(maxResponses),
        lastSeq: rows.length ? rows[rows.length - 1]!.seq : afterSeq,
      };
    },
    /** Called only after the server confirmed its commit of the batch. */
    acknowledge: db.transaction((batch: Pick<OutboxBatch, 'changes' | 'responses'>) => {
      for (const c of batch.changes) ackChange.run(c.id);
      responses.markPushed(batch.responses.map((r) => r.id));
    }),
    /**
     * Applies pulled items and moves the cursor in one transaction. Records from elsewhere may
     * name officials, services or campaigns this desk has never had: foreign keys are not
     * checked for them (docs/sync.md, "References from other desks").
     */
    applyPull(items: readonly PullItem[], cursor: number) {
      db.pragma('foreign_keys = OFF');
      try {
        return applyItems(items, cursor);
      } finally {
        db.pragma('foreign_keys = ON');
      }
    },
    /** Cards written before the sync tables existed enter the outbox whole, once. */
    backfill: db.transaction((): number => {
      const ids = unclocked.all() as string[];
      for (const id of ids) journal.appeal(id, null, appeals.record(id)!);
      return ids.length;
    }),
    responsesInPeriod: responses.inPeriod,
    /** Every synced appeal whose registration falls in [from, to], as changes that recreate it. */
    appealsInPeriod(from: string, to: string): Change[] {
      const ids = db
        .prepare(
          'SELECT id FROM appeals WHERE registered_at >= ? AND registered_at < ? ORDER BY id',
        )
        .pluck()
        .all(from, `${to}T99`) as string[];
      return ids.flatMap((id) => recreate(id, appeals.record(id)!, journal.clocksOf('appeal', id)));
    },
    allOutbox(): Change[] {
      return (db.prepare('SELECT * FROM sync_outbox ORDER BY seq').all() as OutboxRow[]).map(
        toChange,
      );
    },
    allUnpushed(): ResponseRecord[] {
      return responses.unpushed(Number.MAX_SAFE_INTEGER);
    },
  };
}

/**
 * Changes that carry a record's current values, one per distinct field clock, with ids derived
 * from (record, stamp): importing them again, or after the live ones, changes nothing.
 */
function recreate(id: string, record: AppealRecord, clocks: Clocks): Change[] {
  const byStamp = new Map<string, AppealPatch>();
  for (const [field, stamp] of Object.entries(clocks)) {
    const patch = byStamp.get(stamp) ?? {};
    (patch as Record<string, unknown>)[field] = record[field as keyof AppealRecord];
    byStamp.set(stamp, patch);
  }
  return [...byStamp.entries()].map(([hlc, fields]) => ({
    id: stableChangeId(id, hlc),
    entity: 'appeal' as const,
    entityId: id,
    hlc,
    fields,
  }));
}

const stableChangeId = (id: string, hlc: string) => nameUuid(`otklik:change:${id}:${hlc}`);

export type SyncStore = ReturnType<typeof createSyncStore>;
