import type { Transaction } from 'kysely';
import { mergeFields, packClocks, unpackClocks, type Clocks } from '../../src-shared/sync/lww';
import type { Change } from '../../src-shared/sync/protocol';
import {
  APPEAL_FIELDS,
  IMMUTABLE_APPEAL_FIELDS,
  type AppealRecord,
  type ResponseRecord,
} from '../../src-shared/sync/records';
import { reportColumns } from '../db/report-columns';
import type { ServerDatabase } from '../db/schema';
import { badRequest, forbidden } from './errors';

export interface Writer {
  officeId: string;
  deviceId: string | null;
}

export interface ApplyResult {
  applied: number;
  duplicates: number;
}

type Tx = Transaction<ServerDatabase>;

/** Rows per multi-row statement: well under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

interface Loaded {
  officeId: string;
  record: Partial<AppealRecord>;
  clocks: Clocks;
  exists: boolean;
  dirty: boolean;
}

/**
 * Applies a batch of changes and responses inside the caller's transaction, with a handful of
 * set-based statements per batch. A change id or a response id seen before is a no-op (a
 * retried or duplicated request changes nothing). Any change the writer may not make throws,
 * and the caller's transaction rolls the whole batch back: nothing of a refused batch is kept.
 */
export async function applyBatch(
  tx: Tx,
  writer: Writer,
  changes: readonly Change[],
  responses: readonly ResponseRecord[],
): Promise<ApplyResult> {
  const seen = await seenIds(tx, [...changes.map((c) => c.id), ...responses.map((r) => r.id)]);
  const fresh: Change[] = [];
  for (const c of changes) {
    if (seen.has(c.id)) continue;
    seen.add(c.id); // the same change twice in one batch counts once
    fresh.push(c);
  }
  const freshResponses: ResponseRecord[] = [];
  for (const r of responses) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    freshResponses.push(r);
  }
  await applyChanges(tx, writer, fresh);
  await insertResponses(tx, writer, freshResponses);
  const applied = fresh.length + freshResponses.length;
  return { applied, duplicates: changes.length + responses.length - applied };
}

async function seenIds(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
  const seen = new Set<string>();
  for (const part of chunks(ids)) {
    if (part.length === 0) continue;
    const rows = await tx
      .selectFrom('change_log')
      .select('change_id')
      .where('change_id', 'in', part)
      .execute();
    for (const r of rows) seen.add(r.change_id);
  }
  return seen;
}

/** Applies changes (already known to be new) by field-level LWW, in the order given. */
export async function applyChanges(tx: Tx, writer: Writer, changes: readonly Change[]) {
  if (changes.length === 0) return;
  const loaded = new Map<string, Loaded>();
  const ids = [...new Set(changes.map((c) => c.entityId))];
  for (const part of chunks(ids)) {
    const rows = await tx.selectFrom('appeals').selectAll().where('id', 'in', part).execute();
    for (const row of rows) {
      loaded.set(row.id, {
        officeId: row.office_id,
        record: JSON.parse(row.data) as AppealRecord,
        clocks: unpackClocks(row.clocks),
        exists: true,
        dirty: false,
      });
    }
  }
  for (const change of changes) {
    const current = loaded.get(change.entityId);
    if (current && current.officeId !== writer.officeId) {
      throw forbidden(`Карточка ${change.entityId} принадлежит другому органу.`);
    }
    const state: Loaded = current ?? {
      officeId: writer.officeId,
      record: {},
      clocks: {},
      exists: false,
      dirty: false,
    };
    if (current) {
      for (const f of IMMUTABLE_APPEAL_FIELDS) {
        const v = change.fields[f];
        if (v !== undefined && current.record[f] !== undefined && v !== current.record[f]) {
          throw badRequest(`Поле ${f} карточки ${change.entityId} не меняется после регистрации.`);
        }
      }
    }
    const merged = mergeFields<AppealRecord>(state.clocks, change.fields, change.hlc);
    if (Object.keys(merged.won).length > 0) {
      // Each field was validated with the request; a card must also be whole.
      const next = { ...state.record, ...merged.won };
      const missing = APPEAL_FIELDS.filter((f) => !(f in next));
      if (missing.length > 0) {
        throw badRequest(
          `Первое изменение карточки ${change.entityId} должно содержать её целиком.`,
          missing.map((f) => ({ path: f, message: 'required' })),
        );
      }
      state.record = next;
      state.clocks = merged.clocks;
      state.dirty = true;
    }
    loaded.set(change.entityId, state);
  }
  const rows = [...loaded.entries()]
    .filter(([, s]) => s.dirty)
    .map(([id, s]) => ({
      id,
      office_id: s.officeId,
      desk_code: s.record.deskCode!,
      registered_at: s.record.registeredAt!,
      data: JSON.stringify(s.record),
      clocks: packClocks(s.clocks),
      ...reportColumns(s.record).columns,
    }));
  for (const part of chunks(rows)) {
    await tx
      .insertInto('appeals')
      .values(part)
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          desk_code: eb.ref('excluded.desk_code'),
          registered_at: eb.ref('excluded.registered_at'),
          data: eb.ref('excluded.data'),
          clocks: eb.ref('excluded.clocks'),
          channel: eb.ref('excluded.channel'),
          kind: eb.ref('excluded.kind'),
          form: eb.ref('excluded.form'),
          answer_mode: eb.ref('excluded.answer_mode'),
          result: eb.ref('excluded.result'),
          status: eb.ref('excluded.status'),
          is_repeat: eb.ref('excluded.is_repeat'),
          is_collective: eb.ref('excluded.is_collective'),
          signatory_count: eb.ref('excluded.signatory_count'),
          due_date: eb.ref('excluded.due_date'),
          answer_date: eb.ref('excluded.answer_date'),
        })),
      )
      .execute();
    const ids = part.map((r) => r.id);
    await tx.deleteFrom('appeal_topics').where('appeal_id', 'in', ids).execute();
    const topics = part.flatMap((r) =>
      reportColumns(loaded.get(r.id)!.record).topics.map((code) => ({
        appeal_id: r.id,
        code,
        office_id: r.office_id,
        registered_at: r.registered_at,
      })),
    );
    for (const chunk of chunks(topics)) {
      await tx.insertInto('appeal_topics').values(chunk).execute();
    }
  }
  for (const part of chunks(changes)) {
    await tx
      .insertInto('change_log')
      .values(
        part.map((change) => ({
          change_id: change.id,
          office_id: writer.officeId,
          device_id: writer.deviceId,
          type: 'change' as const,
          entity: 'appeal',
          entity_id: change.entityId,
          payload: JSON.stringify(change),
        })),
      )
      .execute();
  }
}

async function insertResponses(tx: Tx, writer: Writer, responses: readonly ResponseRecord[]) {
  if (responses.length === 0) return;
  // A response id already stored (sent before under another change id, which cannot happen
  // with our desks but can with a hand-made package) is kept as it is: append-only.
  const existing = new Map<string, string>();
  for (const part of chunks(responses.map((r) => r.id))) {
    const rows = await tx
      .selectFrom('responses')
      .select(['id', 'office_id'])
      .where('id', 'in', part)
      .execute();
    for (const r of rows) existing.set(r.id, r.office_id);
  }
  for (const [id, office] of existing) {
    if (office !== writer.officeId) throw forbidden(`Анкета ${id} принадлежит другому органу.`);
  }
  const fresh = responses.filter((r) => !existing.has(r.id));
  for (const part of chunks(fresh)) {
    await tx
      .insertInto('responses')
      .values(
        part.map((r) => ({
          id: r.id,
          office_id: writer.officeId,
          template_id: r.templateId,
          campaign_id: r.campaignId,
          service_id: r.serviceId,
          channel: r.channel,
          office: r.office,
          response_date: r.responseDate,
          complete: r.complete ? 1 : 0,
          answers: JSON.stringify(r.answers),
        })),
      )
      .execute();
    await tx
      .insertInto('change_log')
      .values(
        part.map((r) => ({
          change_id: r.id,
          office_id: writer.officeId,
          device_id: writer.deviceId,
          type: 'response' as const,
          entity: 'response',
          entity_id: r.id,
          payload: JSON.stringify(r),
        })),
      )
      .execute();
  }
}
