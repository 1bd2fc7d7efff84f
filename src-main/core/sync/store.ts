import { randomInt } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { localToday, toLocalDateTime } from '../../../src-shared/domain/dates';
import { parseRegNumber } from '../../../src-shared/domain/numbering';
import { type Clocks } from '../../../src-shared/sync/lww';
import { shuffle } from '../../../src-shared/sync/shuffle';
import type { Change, PullItem, Refusal, ResponsesPull } from '../../../src-shared/sync/protocol';
import {
  absentFieldValue,
  APPEAL_FIELDS,
  mergeAppeal,
  REQUIRED_APPEAL_FIELDS,
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
import { createAgreementWords } from './agreement';
import { createReferenceWriter } from './reference-writer';
import { createResponseRows } from './response-rows';

export interface OutboxBatch {
  changes: Change[];
  lastSeq: number;
}

/** A change set aside: refused by the central, or pulled but not applicable here. */
export interface RefusedChange {
  changeId: string;
  direction: 'push' | 'pull';
  entityId: string;
  regNumber: string | null;
  hlc: string;
  code: string;
  reason: string;
  refusedAt: string;
}

interface RefusedRow {
  change_id: string;
  direction: 'push' | 'pull';
  entity_id: string;
  hlc: string;
  fields: string;
  code: string;
  reason: string;
  refused_at: string;
}

/**
 * How long a pulled page holds the desk's event loop at a time: a slice of it is applied in one
 * transaction, then other calls (the window's) are served (issue 16: lag p99 ≤ 50 ms).
 */
export const PULL_SLICE_MS = 20;
const PULL_CHECKPOINT_PAGES = 1000;

/** Fewer responses than this wait on the desk (docs/anonymity.md), unless a day has passed. */
export const RESPONSE_BATCH_MIN = 5;

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
  const words = createAgreementWords(db);
  const responses = createResponseRows(db, words.response);
  const references = createReferenceWriter(db);
  const pendingChanges = db.prepare('SELECT count(*) FROM sync_outbox').pluck();
  const setAside = db.prepare(
    `INSERT INTO sync_refused (change_id, direction, entity_id, hlc, fields, code, reason, refused_at)
     VALUES (@change_id, @direction, @entity_id, @hlc, @fields, @code, @reason, @refused_at)
     ON CONFLICT (change_id) DO UPDATE SET code = excluded.code, reason = excluded.reason,
       refused_at = excluded.refused_at`,
  );
  const refusedRows = db.prepare('SELECT * FROM sync_refused ORDER BY refused_at, change_id');
  const refusedCount = db.prepare('SELECT count(*) FROM sync_refused').pluck();
  const dropRefused = db.prepare('DELETE FROM sync_refused WHERE change_id = ?');
  const numberHolder = db.prepare('SELECT id FROM appeals WHERE reg_number = ?').pluck();
  const raiseCounter = db.prepare(
    `INSERT INTO reg_counters (desk_code, year, last_seq) VALUES (?, ?, ?)
     ON CONFLICT (desk_code, year) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)`,
  );
  const oldestUnpushed = db
    .prepare('SELECT min(response_date) FROM survey_responses WHERE pushed = 0')
    .pluck();
  const outbox = db.prepare('SELECT * FROM sync_outbox WHERE seq > ? ORDER BY seq LIMIT ?');
  const ackChange = db.prepare('DELETE FROM sync_outbox WHERE change_id = ?');
  const unclocked = db
    .prepare(
      `SELECT id FROM appeals WHERE id NOT IN
         (SELECT entity_id FROM sync_clocks WHERE entity = 'appeal') ORDER BY id`,
    )
    .pluck();

  function setAsideChange(
    change: Change,
    direction: 'push' | 'pull',
    code: string,
    reason: string,
  ) {
    setAside.run({
      change_id: change.id,
      direction,
      entity_id: change.entityId,
      hlc: change.hlc,
      fields: JSON.stringify(change.fields),
      code,
      reason,
      refused_at: ctx.now().toISOString(),
    });
  }

  /**
   * Each field was validated with the page (pullResponseSchema); a card must also be whole. A
   * new card whose number another card of this desk already holds (a cloned or replaced desk)
   * is set aside, never retried in a loop; one numbered under this desk's own code moves the
   * desk's counter past it, so the next registration cannot collide with it.
   */
  function applyChange(
    change: Change,
    today: string,
  ): 'applied' | 'stale' | 'incomplete' | 'refused' {
    const clocks: Clocks = journal.clocksOf('appeal', change.entityId);
    // The card as it is here: needed to merge its questions one by one, or to complete a
    // change of some fields; a new card's first change carries them all.
    // (A card never merged here has no clocks: nothing to merge its questions with.)
    const known = Object.keys(clocks).length > 0;
    let current: AppealRecord | null | undefined =
      'questions' in change.fields && known ? appeals.record(change.entityId) : undefined;
    const merged = mergeAppeal(clocks, current ?? null, change.fields, change.hlc);
    if (Object.keys(merged.won).length === 0) return 'stale';
    if (current === undefined && Object.keys(merged.won).length < APPEAL_FIELDS.length) {
      current = appeals.record(change.entityId);
    }
    const next = { ...current, ...merged.won } as AppealRecord;
    if (REQUIRED_APPEAL_FIELDS.some((f) => !(f in next))) return 'incomplete';
    // A card from a desk of protocol 2 has none of protocol 3's fields: they read as empty.
    for (const f of APPEAL_FIELDS) {
      if (!(f in next)) (next as Record<string, unknown>)[f] = absentFieldValue(f);
    }
    if (!current) {
      const holder = numberHolder.get(next.regNumber) as string | undefined;
      if (holder !== undefined && holder !== change.entityId) {
        setAsideChange(
          change,
          'pull',
          'duplicate_number',
          `Номер ${next.regNumber} уже у другой карточки этого рабочего места.`,
        );
        return 'refused';
      }
      const n = parseRegNumber(next.regNumber);
      if (n && n.deskCode === settings.deskCode()) raiseCounter.run(n.deskCode, n.year, n.seq);
    }
    journal.setClocks('appeal', change.entityId, merged.clocks);
    appeals.applySynced(change.entityId, next);
    words.card(change.entityId, today);
    return 'applied';
  }

  /**
   * Applies pulled items from `from` on, for about `budgetMs`, with the cursor they reach, in one
   * transaction: the cursor of the page once its last item is applied, before that the last
   * applied item's own number (never past the page's).
   */
  const applySlice = db.transaction(
    (items: readonly PullItem[], from: number, pageCursor: number, budgetMs: number) => {
      const tally = { applied: 0, stale: 0, incomplete: 0, refused: 0 };
      const started = performance.now();
      // The clock only needs to pass the greatest stamp received: once, with the first slice.
      if (from === 0) {
        let latest: string | null = null;
        for (const item of items) {
          if (item.type === 'change' && (latest === null || item.change.hlc > latest)) {
            latest = item.change.hlc;
          }
        }
        if (latest) clock.observe(latest);
      }
      const today = localToday(ctx.now());
      let next = from;
      while (next < items.length) {
        const item = items[next++]!;
        if (item.type === 'change') tally[applyChange(item.change, today)] += 1;
        else {
          references.write(item.reference);
          tally.applied += 1;
        }
        if (performance.now() - started >= budgetMs) break;
      }
      const reached =
        next === items.length ? pageCursor : Math.min(items[next - 1]!.seq, pageCursor);
      settings.set('sync_cursor', String(reached));
      return { next, tally };
    },
  );

  const applyResponseSlice = db.transaction(
    (page: ResponsesPull, from: number, budgetMs: number) => {
      const started = performance.now();
      let next = from;
      let applied = 0;
      // A few at a time: the roll-up sums each slice's cells before writing them.
      while (next < page.items.length) {
        const part = page.items.slice(next, next + 50);
        applied += responses.insertPulled(part.map((item) => item.response));
        next += part.length;
        if (performance.now() - started >= budgetMs) break;
      }
      const reached =
        next === page.items.length ? page.cursor : Math.min(page.items[next - 1]!.seq, page.cursor);
      settings.set('sync_responses_cursor', String(reached));
      return { next, applied };
    },
  );

  /**
   * How a slice of pulled records is written. Records from elsewhere may name officials,
   * services or campaigns this desk has never had: foreign keys are not checked for them
   * (docs/sync.md, "References from other desks"). And a slice commits without waiting for the
   * disk (synchronous = NORMAL; WAL keeps the file consistent): a power cut can only lose the
   * last slices together with the cursor that covers them, and those are pulled again — while
   * an fsync per slice would double the time of a new desk's first pull. Everything the desk
   * itself writes still commits with FULL.
   */
  function asPulled<T>(work: () => T): T {
    const synchronous = Number(db.pragma('synchronous', { simple: true }));
    const checkpoint = Number(db.pragma('wal_autocheckpoint', { simple: true }));
    db.pragma('foreign_keys = OFF');
    db.pragma('synchronous = NORMAL');
    // The write-ahead log is copied back into the file at a commit once it passes this many
    // pages: 4 MB at a time here (about 15 ms), not the 80 MB a desk lets it grow to otherwise
    // (a quarter of a second with the window held, measured in the bootstrap bench).
    db.pragma(`wal_autocheckpoint = ${PULL_CHECKPOINT_PAGES}`);
    try {
      return work();
    } finally {
      db.pragma(`wal_autocheckpoint = ${checkpoint}`);
      db.pragma(`synchronous = ${synchronous}`);
      db.pragma('foreign_keys = ON');
    }
  }

  return {
    pending(): { changes: number; responses: number } {
      return { changes: Number(pendingChanges.get()), responses: responses.unpushedCount() };
    },
    cursor(): number {
      return Number(settings.value('sync_cursor') ?? 0);
    },
    /** The next changes after `afterSeq`, in outbox order. */
    batch(afterSeq: number, maxChanges: number): OutboxBatch {
      const rows = outbox.all(afterSeq, maxChanges) as OutboxRow[];
      return {
        changes: rows.map(toChange),
        lastSeq: rows.length ? rows[rows.length - 1]!.seq : afterSeq,
      };
    },
    /**
     * Called only after the server confirmed its commit of the batch: accepted changes leave
     * the outbox, refused ones are set aside with the central's reason (issue 13, point 4).
     */
    acknowledge: db.transaction((batch: Pick<OutboxBatch, 'changes'>, refused: Refusal[] = []) => {
      const why = new Map(refused.filter((r) => r.id).map((r) => [r.id!, r]));
      for (const c of batch.changes) {
        const r = why.get(c.id);
        if (r) setAsideChange(c, 'push', r.code, r.message);
        ackChange.run(c.id);
      }
    }),
    /**
     * Whether responses should travel now (docs/anonymity.md): when at least `min` wait, or
     * when one has waited since an earlier day and today's random hour has come.
     */
    responsesDue(min = RESPONSE_BATCH_MIN): boolean {
      const waiting = responses.unpushedCount();
      if (waiting === 0) return false;
      if (waiting >= min) return true;
      const oldest = oldestUnpushed.get() as string | null;
      const now = ctx.now();
      const today = localToday(now);
      if (!oldest || oldest >= today) return false;
      let at = settings.value('sync_responses_flush');
      if (!at || !at.startsWith(today)) {
        // A random minute of today, drawn once a day, after which leftovers of earlier days go.
        const minute = randomInt(8 * 60, 20 * 60);
        at = `${today}T${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        settings.set('sync_responses_flush', at);
      }
      return toLocalDateTime(now) >= at;
    },
    /** Responses not yet sent, in random order. */
    responseBatch(max: number): ResponseRecord[] {
      return shuffle(responses.unpushed(max), randomInt);
    },
    acknowledgeResponses: db.transaction((ids: readonly string[]) => responses.markPushed(ids)),
    responsesCursor(): number {
      return Number(settings.value('sync_responses_cursor') ?? 0);
    },
    /**
     * The office's responses from the central, with their cursor, in slices of about
     * `sliceMs` (a transaction each, a turn of the event loop between); like pulled cards they
     * may name another desk's campaign (foreign keys not checked).
     */
    async applyResponses(page: ResponsesPull, sliceMs = PULL_SLICE_MS): Promise<number> {
      let applied = 0;
      for (let from = 0; ;) {
        const slice = asPulled(() => applyResponseSlice(page, from, sliceMs));
        applied += slice.applied;
        from = slice.next;
        if (from >= page.items.length) return applied;
        await yieldToLoop();
      }
    },
    refusedCount: () => Number(refusedCount.get()),
    refused(): RefusedChange[] {
      return (refusedRows.all() as RefusedRow[]).map((r) => ({
        changeId: r.change_id,
        direction: r.direction,
        entityId: r.entity_id,
        regNumber:
          (JSON.parse(r.fields) as { regNumber?: string }).regNumber ??
          appeals.record(r.entity_id)?.regNumber ??
          null,
        hlc: r.hlc,
        code: r.code,
        reason: r.reason,
        refusedAt: r.refused_at,
      }));
    },
    /** The refused changes whole, as an administrator exports them (JSON lines). */
    refusedExport(): string {
      return (refusedRows.all() as RefusedRow[])
        .map((r) => JSON.stringify({ ...r, fields: JSON.parse(r.fields) as unknown }))
        .join('\n');
    },
    discardRefused: db.transaction((ids: readonly string[]) => {
      let n = 0;
      for (const id of ids) n += dropRefused.run(id).changes;
      return n;
    }),
    /** After enrollment as a replacement: numbering continues past what the central has seen. */
    continueNumbering: db.transaction(
      (deskCode: string, last: readonly { year: number; seq: number }[]) => {
        for (const l of last) raiseCounter.run(deskCode, l.year, l.seq);
      },
    ),
    /**
     * Applies a pulled page and moves the cursor with it, in slices of about `sliceMs` — each a
     * transaction with the cursor it reaches, a turn of the event loop between them — so that
     * the window stays responsive while thousands of cards arrive (a new desk's first pull).
     * Records from elsewhere may name officials, services or campaigns this desk has never had:
     * foreign keys are not checked for them (docs/sync.md, "References from other desks").
     */
    async applyPull(items: readonly PullItem[], cursor: number, sliceMs = PULL_SLICE_MS) {
      const tally = { applied: 0, stale: 0, incomplete: 0, refused: 0 };
      for (let from = 0; ;) {
        const slice = asPulled(() => applySlice(items, from, cursor, sliceMs));
        for (const k of Object.keys(tally) as (keyof typeof tally)[]) tally[k] += slice.tally[k];
        from = slice.next;
        if (from >= items.length) return tally;
        await yieldToLoop();
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
