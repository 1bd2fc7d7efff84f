import { uuidv7 } from '../../../src-shared/domain/ids';
import { packClocks, unpackClocks, type Clocks } from '../../../src-shared/sync/lww';
import {
  absentFieldValue,
  APPEAL_FIELDS,
  type AppealPatch,
  type AppealRecord,
} from '../../../src-shared/sync/records';
import type { CoreContext } from '../context';
import type { Clock } from './clock';

export type SyncedEntity = 'appeal';

/**
 * The write side of sync on the desk: called by a domain service inside its own transaction,
 * it stamps the changed fields, remembers their clocks and appends one change to the outbox.
 * A write that changes nothing appends nothing.
 */
export function createJournal(ctx: CoreContext, clock: Clock) {
  const { db } = ctx;
  const getClocks = db
    .prepare('SELECT clocks FROM sync_clocks WHERE entity = ? AND entity_id = ?')
    .pluck();
  const putClocks = db.prepare(
    `INSERT INTO sync_clocks (entity, entity_id, clocks) VALUES (?, ?, ?)
     ON CONFLICT (entity, entity_id) DO UPDATE SET clocks = excluded.clocks`,
  );
  const append = db.prepare(
    'INSERT INTO sync_outbox (change_id, entity, entity_id, hlc, fields) VALUES (?, ?, ?, ?, ?)',
  );

  function clocksOf(entity: SyncedEntity, id: string): Clocks {
    const raw = getClocks.get(entity, id) as string | undefined;
    return raw ? unpackClocks(raw) : {};
  }

  return {
    clocksOf,
    setClocks(entity: SyncedEntity, id: string, clocks: Clocks): void {
      putClocks.run(entity, id, packClocks(clocks));
    },
    /** Records the local write of an appeal: `before` is null for a new card. */
    appeal(id: string, before: AppealRecord | null, after: AppealRecord): void {
      const fields: AppealPatch = {};
      for (const f of APPEAL_FIELDS) {
        if (f === 'questions') continue;
        if (before === null || JSON.stringify(before[f]) !== JSON.stringify(after[f])) {
          (fields as Record<string, unknown>)[f] = after[f];
        }
      }
      // Questions one by one (mergeAppeal): only those whose outcome changed, null for one
      // given back to the card; a new card sends them all.
      const was = before?.questions ?? {};
      const now = after.questions ?? {};
      const questions: Record<string, unknown> = {};
      for (const code of new Set([...Object.keys(was), ...Object.keys(now)])) {
        if (before === null || JSON.stringify(was[code]) !== JSON.stringify(now[code])) {
          questions[code] = now[code] ?? null;
        }
      }
      if (before === null || Object.keys(questions).length > 0) {
        (fields as Record<string, unknown>).questions = questions;
      }
      const changed = Object.keys(fields);
      if (changed.length === 0) return;
      const hlc = clock.stamp();
      const clocks = clocksOf('appeal', id);
      for (const f of changed) {
        if (f === 'questions')
          for (const code of Object.keys(questions)) clocks[`questions.${code}`] = hlc;
        else clocks[f] = hlc;
      }
      putClocks.run('appeal', id, packClocks(clocks));
      // Time-ordered ids: the central's unique index on them grows at its right edge.
      append.run(uuidv7(ctx.now().getTime()), 'appeal', id, hlc, JSON.stringify(fields));
    },
  };
}

export type Journal = ReturnType<typeof createJournal>;

/** The synced record of an appeal, from the contract's Appeal. */
export function appealRecordOf(appeal: Record<string, unknown>): AppealRecord {
  const record: Record<string, unknown> = {};
  for (const f of APPEAL_FIELDS) record[f] = appeal[f] ?? absentFieldValue(f);
  return record as AppealRecord;
}
