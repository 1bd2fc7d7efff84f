import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../db/schema';
import { isTooFarAhead, parse, serialize, tick } from '../../src-shared/sync/hlc';
import { latestStamp, unpackClocks } from '../../src-shared/sync/lww';
import type { Change, Reference } from '../../src-shared/sync/protocol';
import type { AppealPatch } from '../../src-shared/sync/records';
import { applyChanges, chunks } from './push';
import { HttpError } from './errors';
import type { Writer } from './write-lock';

/** The HLC node of the central server's own edits. */
export const CENTRAL_NODE = 'ffffffffffffffff';

/** The card fields the central office may set (docs/sync.md): the course of the answer. */
export const CENTRAL_FIELDS = [
  'status',
  'result',
  'resultNote',
  'answerDate',
  'executor',
  'dueDate',
] as const;

/**
 * Edits made at the central server: an appeal's answer and result, and reference data. Each
 * becomes a change in the log that the office's desks pull like any other.
 */
export function createCentralEdits(write: Writer, now = () => Date.now()) {
  return {
    async updateAppeal(id: string, fields: AppealPatch): Promise<Change> {
      const extra = Object.keys(fields).filter(
        (f) => !(CENTRAL_FIELDS as readonly string[]).includes(f),
      );
      if (extra.length > 0) {
        throw new HttpError(400, 'bad_request', `Центр не меняет поля: ${extra.join(', ')}.`);
      }
      return write(async (tx) => {
        const row = await tx
          .selectFrom('appeals')
          .select(['office_id', 'clocks'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) throw new HttpError(404, 'not_found', `Нет карточки ${id}.`);
        const latest = latestStamp(unpackClocks(row.clocks));
        // A stamp poisoned before issue 13 is not followed: the edit stamps from the clock.
        const base =
          latest && !isTooFarAhead(latest, now())
            ? { ...parse(latest), node: CENTRAL_NODE }
            : { millis: 0, counter: 0, node: CENTRAL_NODE };
        const change: Change = {
          id: randomUUID(),
          entity: 'appeal',
          entityId: id,
          hlc: serialize(tick(base, now())),
          fields,
        };
        const { refused } = await applyChanges(
          tx,
          { officeId: row.office_id, deviceId: null, node: null, now: now() },
          [{ change, index: 0 }],
        );
        if (refused.length > 0) throw new HttpError(400, 'bad_request', refused[0]!.message);
        return change;
      });
    },
    /**
     * Many records in one transaction (a classifier edition): only those that differ from what
     * the central holds are written and reach the desks. Returns how many were written.
     */
    async putReferences(refs: readonly Reference[]): Promise<number> {
      return write(async (tx) => {
        // What the central holds, read in a few queries rather than one per record (an edition
        // of the classifier is 2,000 nodes, nearly all unchanged).
        const held = new Map<string, string>();
        const key = (entity: string, id: string) => `${entity}\u0000${id}`;
        const byEntity = new Map<Reference['entity'], string[]>();
        for (const ref of refs) {
          const ids = byEntity.get(ref.entity) ?? [];
          ids.push(entityIdOf(ref));
          byEntity.set(ref.entity, ids);
        }
        for (const [entity, ids] of byEntity) {
          for (const part of chunks([...new Set(ids)])) {
            const rows = await tx
              .selectFrom('reference_records')
              .select(['entity_id', 'data'])
              .where('entity', '=', entity)
              .where('entity_id', 'in', part)
              .execute();
            for (const r of rows) held.set(key(entity, r.entity_id), r.data);
          }
        }
        // New records go in together (a first edition is all new), changed ones one by one, and
        // the change log keeps the edition's order (a node after its parent).
        let written = 0;
        let fresh: Reference[] = [];
        const flush = async () => {
          for (const part of chunks(fresh)) {
            await tx
              .insertInto('reference_records')
              .values(
                part.map((ref) => ({
                  entity: ref.entity,
                  entity_id: entityIdOf(ref),
                  data: JSON.stringify(ref.data),
                })),
              )
              .execute();
            await tx.insertInto('change_log').values(part.map(referenceLogEntry)).execute();
          }
          written += fresh.length;
          fresh = [];
        };
        for (const ref of refs) {
          const k = key(ref.entity, entityIdOf(ref));
          const data = JSON.stringify(ref.data);
          const before = held.get(k);
          if (before === data) continue;
          held.set(k, data);
          if (before === undefined) {
            fresh.push(ref);
            continue;
          }
          await flush();
          await storeReference(tx, ref, false, before);
          written += 1;
        }
        await flush();
        return written;
      });
    },
    async putReference(ref: Reference): Promise<void> {
      await write((tx) => storeReference(tx, ref, false));
    },
  };
}

/**
 * One reference record in the central's table and the change log (so desks pull it). With
 * `onlyChanged`, a record identical to the one held writes nothing; returns whether it wrote.
 */
const entityIdOf = (ref: Reference) => (ref.entity === 'classifier' ? ref.data.code : ref.data.id);

export async function storeReference(
  tx: Transaction<ServerDatabase>,
  ref: Reference,
  onlyChanged: boolean,
  /** What the caller already read of the record (null: none held); read here when undefined. */
  known?: string | null,
): Promise<boolean> {
  const entityId = entityIdOf(ref);
  const data = JSON.stringify(ref.data);
  const held =
    known === undefined
      ? await tx
          .selectFrom('reference_records')
          .select('data')
          .where('entity', '=', ref.entity)
          .where('entity_id', '=', entityId)
          .executeTakeFirst()
      : known === null
        ? undefined
        : { data: known };
  if (onlyChanged && held?.data === data) return false;
  if (held) {
    await tx
      .updateTable('reference_records')
      .set({ data })
      .where('entity', '=', ref.entity)
      .where('entity_id', '=', entityId)
      .execute();
  } else {
    await tx
      .insertInto('reference_records')
      .values({ entity: ref.entity, entity_id: entityId, data })
      .execute();
  }
  await tx.insertInto('change_log').values(referenceLogEntry(ref)).execute();
  return true;
}

/** The change-log entry that brings a reference record to every desk. */
const referenceLogEntry = (ref: Reference) => ({
  change_id: randomUUID(),
  office_id: null,
  device_id: null,
  type: 'reference' as const,
  entity: ref.entity,
  entity_id: entityIdOf(ref),
  payload: JSON.stringify(ref),
});

export type CentralEdits = ReturnType<typeof createCentralEdits>;
