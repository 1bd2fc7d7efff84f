import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { parseRegNumber } from '../../src-shared/domain/numbering';
import { isTooFarAhead, parse as parseStamp } from '../../src-shared/sync/hlc';
import { packClocks, unpackClocks, type Clocks } from '../../src-shared/sync/lww';
import { changeSchema, type Change, type Refusal } from '../../src-shared/sync/protocol';
import {
  IMMUTABLE_APPEAL_FIELDS,
  mergeAppeal,
  REQUIRED_APPEAL_FIELDS,
  type AppealRecord,
} from '../../src-shared/sync/records';
import { cardTopics, reportColumns } from '../db/report-columns';
import { RollupDelta, type StoredCard } from '../db/rollups';
import type { ServerDatabase } from '../db/schema';
import { appealAgreement } from './agreement';

export interface Writer {
  officeId: string;
  /** The enrolled device writing; null for the central's own edits and unsigned packages. */
  deviceId: string | null;
  /**
   * The HLC node every change of this writer must carry: the device's own, on a live push.
   * Null where changes may legitimately carry other nodes (a package re-exporting a period).
   */
  node: string | null;
  /** The central's wall time (ms): stamps further ahead than 30 days are refused. */
  now: number;
}

export interface ApplyResult {
  applied: number;
  duplicates: number;
  refused: Refusal[];
}

type Tx = Transaction<ServerDatabase>;

/** Rows per multi-row statement: well under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

export function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

interface Loaded {
  officeId: string;
  record: Partial<AppealRecord>;
  /** The card as stored before this write, with its codes (what the roll-ups counted). */
  stored: { card: StoredCard; topics: string[] } | null;
  clocks: Clocks;
  exists: boolean;
  dirty: boolean;
}

class Refused extends Error {
  constructor(
    readonly code: Refusal['code'],
    message: string,
  ) {
    super(message);
  }
}

/** The id of an item that failed its schema, when it has a readable one. */
function idOf(item: unknown): string | null {
  const id = (item as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length <= 64 ? id : null;
}

/**
 * Each item of a batch against its schema: the valid ones with their place in the batch, and a
 * refusal with the first issue for each of the others (issue 13: one bad item refuses itself).
 */
export function validateEach<T>(
  items: readonly unknown[],
  schema: z.ZodType<T>,
  what: string,
): { valid: { value: T; index: number }[]; refused: Refusal[] } {
  const valid: { value: T; index: number }[] = [];
  const refused: Refusal[] = [];
  items.forEach((item, index) => {
    const parsed = schema.safeParse(item);
    if (parsed.success) valid.push({ value: parsed.data, index });
    else {
      const issue = parsed.error.issues[0];
      refused.push({
        id: idOf(item),
        index,
        code: 'invalid',
        message: `${what} не соответствует протоколу: ${issue?.path.join('.') || 'запись'} — ${issue?.message ?? ''}`,
      });
    }
  });
  return { valid, refused };
}

/**
 * Applies a batch of card changes inside the caller's transaction, with a handful of set-based
 * statements per batch. Each item is judged on its own (issue 13, point 4): one that does not
 * validate, or that the writer may not make, is refused with its reason and the rest is
 * applied. A change id seen before is a no-op (a retried or duplicated request changes
 * nothing); a refused change is not remembered, so it is judged again if sent again.
 */
export async function applyBatch(
  tx: Tx,
  writer: Writer,
  items: readonly unknown[],
): Promise<ApplyResult> {
  const { valid: parsed, refused } = validateEach(items, changeSchema, 'Изменение');
  const valid = parsed.map(({ value, index }) => ({ change: value, index }));
  const seen = await seenIds(
    tx,
    valid.map((v) => v.change.id),
  );
  const fresh: { change: Change; index: number }[] = [];
  for (const v of valid) {
    if (seen.has(v.change.id)) continue;
    seen.add(v.change.id); // the same change twice in one batch counts once
    fresh.push(v);
  }
  const result = await applyChanges(tx, writer, fresh);
  refused.push(...result.refused);
  refused.sort((a, b) => a.index - b.index);
  return {
    applied: result.applied,
    duplicates: valid.length - fresh.length,
    refused,
  };
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

interface DeskCodes {
  /** The binding of each desk code the batch's new cards use. */
  bindings: Map<string, { officeId: string; deviceId: string | null } | null>;
  /** Numbers already held by a card, and by which. */
  numbers: Map<string, string>;
}

async function loadNumbering(
  tx: Tx,
  cards: Pick<Partial<AppealRecord>, 'deskCode' | 'regNumber'>[],
): Promise<DeskCodes> {
  const codes = [...new Set(cards.map((c) => c.deskCode).filter((c): c is string => !!c))];
  const numbers = [...new Set(cards.map((c) => c.regNumber).filter((n): n is string => !!n))];
  const out: DeskCodes = { bindings: new Map(), numbers: new Map() };
  for (const code of codes) out.bindings.set(code, null);
  for (const part of chunks(codes)) {
    const rows = await tx.selectFrom('desk_codes').selectAll().where('code', 'in', part).execute();
    for (const r of rows)
      out.bindings.set(r.code, { officeId: r.office_id, deviceId: r.device_id });
  }
  for (const part of chunks(numbers)) {
    const rows = await tx
      .selectFrom('appeals')
      .select(['id', 'reg_number'])
      .where('reg_number', 'in', part)
      .execute();
    for (const r of rows) if (r.reg_number) out.numbers.set(r.reg_number, r.id);
  }
  return out;
}

/**
 * The registration number of a new card must be its desk's (DESK-YYYY-NNNNNN with the card's
 * desk code and year), the desk code must be bound to the writing device (or to nobody yet in
 * its office: then it is bound now), and no other card may hold the number.
 */
function checkNumber(
  record: Partial<AppealRecord>,
  id: string,
  writer: Writer,
  numbering: DeskCodes,
): { claim: boolean } {
  const parsed = parseRegNumber(record.regNumber ?? '');
  if (
    !parsed ||
    parsed.deskCode !== record.deskCode ||
    String(parsed.year) !== (record.registeredAt ?? '').slice(0, 4)
  ) {
    throw new Refused(
      'foreign_number',
      `Номер «${String(record.regNumber).slice(0, 40)}» не соответствует коду рабочего места и году регистрации.`,
    );
  }
  const binding = numbering.bindings.get(parsed.deskCode) ?? null;
  if (binding && binding.officeId !== writer.officeId) {
    throw new Refused(
      'foreign_number',
      `Код рабочего места ${parsed.deskCode} принадлежит другому органу.`,
    );
  }
  if (binding?.deviceId && binding.deviceId !== writer.deviceId) {
    throw new Refused(
      'foreign_number',
      `Код рабочего места ${parsed.deskCode} закреплён за другим устройством.`,
    );
  }
  const holder = numbering.numbers.get(record.regNumber!);
  if (holder !== undefined && holder !== id) {
    throw new Refused(
      'duplicate_number',
      `Номер ${record.regNumber} уже присвоен другой карточке: возможно, это копия диска или заменённый компьютер.`,
    );
  }
  return { claim: !binding || binding.deviceId === null };
}

/** Applies changes (already known to be new) by field-level LWW, in the order given. */
export async function applyChanges(
  tx: Tx,
  writer: Writer,
  changes: readonly { change: Change; index: number }[],
): Promise<{ applied: number; refused: Refusal[] }> {
  const refused: Refusal[] = [];
  if (changes.length === 0) return { applied: 0, refused };
  const loaded = new Map<string, Loaded>();
  const ids = [...new Set(changes.map((c) => c.change.entityId))];
  for (const part of chunks(ids)) {
    const rows = await tx.selectFrom('appeals').selectAll().where('id', 'in', part).execute();
    for (const row of rows) {
      const record = JSON.parse(row.data) as AppealRecord;
      loaded.set(row.id, {
        officeId: row.office_id,
        record,
        stored: { card: row, topics: cardTopics(record) },
        clocks: unpackClocks(row.clocks),
        exists: true,
        dirty: false,
      });
    }
  }
  const numbering = await loadNumbering(
    tx,
    changes.filter((c) => !loaded.has(c.change.entityId)).map((c) => c.change.fields),
  );
  const claims = new Set<string>();
  const accepted: Change[] = [];
  for (const { change, index } of changes) {
    try {
      accepted.push(judge(change));
    } catch (e) {
      if (!(e instanceof Refused)) throw e;
      refused.push({ id: change.id, index, code: e.code, message: e.message });
    }
  }

  function judge(change: Change): Change {
    if (isTooFarAhead(change.hlc, writer.now)) {
      throw new Refused(
        'clock_ahead',
        `Отметка времени изменения ${change.hlc.slice(0, 15)} опережает часы центра больше чем на 30 дней: проверьте дату и время на компьютере.`,
      );
    }
    if (writer.node !== null && parseStamp(change.hlc).node !== writer.node) {
      throw new Refused(
        'foreign_node',
        'Изменение подписано чужим идентификатором узла: возможно, это копия диска другого рабочего места.',
      );
    }
    const current = loaded.get(change.entityId);
    if (current && current.officeId !== writer.officeId) {
      throw new Refused('forbidden', `Карточка ${change.entityId} принадлежит другому органу.`);
    }
    const state: Loaded = current ?? {
      officeId: writer.officeId,
      record: {},
      clocks: {},
      stored: null,
      exists: false,
      dirty: false,
    };
    for (const f of IMMUTABLE_APPEAL_FIELDS) {
      const v = change.fields[f];
      if (v !== undefined && state.record[f] !== undefined && v !== state.record[f]) {
        throw new Refused(
          'immutable',
          `Поле ${f} карточки ${change.entityId} не меняется после регистрации.`,
        );
      }
    }
    const merged = mergeAppeal(state.clocks, state.record, change.fields, change.hlc);
    if (Object.keys(merged.won).length === 0) return change;
    // Each field was validated with the request; a card must also be whole.
    const next = { ...state.record, ...merged.won };
    const missing = REQUIRED_APPEAL_FIELDS.filter((f) => !(f in next));
    if (missing.length > 0) {
      throw new Refused(
        'incomplete',
        `Первое изменение карточки ${change.entityId} должно содержать её целиком (нет: ${missing.slice(0, 5).join(', ')}).`,
      );
    }
    if (!state.exists && !state.dirty) {
      const { claim } = checkNumber(next, change.entityId, writer, numbering);
      numbering.numbers.set(next.regNumber!, change.entityId);
      if (claim) {
        claims.add(next.deskCode!);
        numbering.bindings.set(next.deskCode!, {
          officeId: writer.officeId,
          deviceId: writer.deviceId,
        });
      }
    }
    state.record = next;
    state.clocks = merged.clocks;
    state.dirty = true;
    loaded.set(change.entityId, state);
    return change;
  }

  const bindAt = new Date(writer.now).toISOString();
  for (const code of claims) {
    const b = numbering.bindings.get(code)!;
    const updated = await tx
      .updateTable('desk_codes')
      .set({ device_id: b.deviceId, bound_at: bindAt })
      .where('code', '=', code)
      .where('device_id', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) {
      await tx
        .insertInto('desk_codes')
        .values({ code, office_id: b.officeId, device_id: b.deviceId, bound_at: bindAt })
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
    }
  }
  // The report columns, topics and questions of each written card, worked out once.
  const report = new Map<string, ReturnType<typeof reportColumns>>();
  // What the write changes in the report roll-ups: each card counted out as stored, in as now.
  const rollups = new RollupDelta();
  const rows = [...loaded.entries()]
    .filter(([, s]) => s.dirty)
    .map(([id, s]) => {
      const r = reportColumns(s.record);
      report.set(id, r);
      if (s.stored) rollups.card(s.stored.card, s.stored.topics, -1);
      rollups.card(
        { office_id: s.officeId, registered_at: s.record.registeredAt!, ...r.columns },
        r.topics,
        1,
      );
      return {
        id,
        office_id: s.officeId,
        desk_code: s.record.deskCode!,
        registered_at: s.record.registeredAt!,
        reg_number: s.record.regNumber!,
        data: JSON.stringify(s.record),
        clocks: packClocks(s.clocks),
        ...r.columns,
        ...appealAgreement(id, s.record as AppealRecord),
      };
    });
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
          agree_0: eb.ref('excluded.agree_0'),
          agree_1: eb.ref('excluded.agree_1'),
          agree_2: eb.ref('excluded.agree_2'),
          agree_3: eb.ref('excluded.agree_3'),
        })),
      )
      .execute();
    const ids = part.map((r) => r.id);
    await tx.deleteFrom('appeal_topics').where('appeal_id', 'in', ids).execute();
    const topics = part.flatMap((r) =>
      report.get(r.id)!.topics.map((code) => ({
        appeal_id: r.id,
        code,
        office_id: r.office_id,
        registered_at: r.registered_at,
      })),
    );
    for (const chunk of chunks(topics)) {
      await tx.insertInto('appeal_topics').values(chunk).execute();
    }
    await tx.deleteFrom('appeal_questions').where('appeal_id', 'in', ids).execute();
    const questions = part.flatMap((r) =>
      report.get(r.id)!.questions.map((q) => ({
        ...q,
        appeal_id: r.id,
        office_id: r.office_id,
        registered_at: r.registered_at,
      })),
    );
    for (const chunk of chunks(questions)) {
      await tx.insertInto('appeal_questions').values(chunk).execute();
    }
  }
  await rollups.write(tx);
  for (const part of chunks(accepted)) {
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
  if (refused.some((r) => r.code === 'duplicate_number' || r.code === 'foreign_node')) {
    if (writer.deviceId) {
      await tx
        .updateTable('devices')
        .set({ clone_suspected_at: bindAt })
        .where('id', '=', writer.deviceId)
        .where('clone_suspected_at', 'is', null)
        .execute();
    }
  }
  return { applied: accepted.length, refused };
}
