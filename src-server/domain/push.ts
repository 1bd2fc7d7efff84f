import type { Transaction } from 'kysely';
import { mergeFields, type Clocks } from '../../src-shared/sync/lww';
import type { Change } from '../../src-shared/sync/protocol';
import {
  appealRecordSchema,
  IMMUTABLE_APPEAL_FIELDS,
  type AppealRecord,
  type ResponseRecord,
} from '../../src-shared/sync/records';
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

/**
 * Applies a batch of changes and responses inside the caller's transaction. A change id or a
 * response id seen before is a no-op (a retried or duplicated request changes nothing). Any
 * change the writer may not make throws, and the caller's transaction rolls the whole batch
 * back: nothing of a refused batch is kept.
 */
export async function applyBatch(
  tx: Tx,
  writer: Writer,
  changes: readonly Change[],
  responses: readonly ResponseRecord[],
): Promise<ApplyResult> {
  const result = { applied: 0, duplicates: 0 };
  for (const change of changes) {
    if (await seen(tx, change.id)) {
      result.duplicates += 1;
      continue;
    }
    await applyChange(tx, writer, change);
    result.applied += 1;
  }
  for (const response of responses) {
    if (await seen(tx, response.id)) {
      result.duplicates += 1;
      continue;
    }
    await insertResponse(tx, writer, response);
    result.applied += 1;
  }
  return result;
}

async function seen(tx: Tx, changeId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('change_log')
    .select('seq')
    .where('change_id', '=', changeId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function applyChange(tx: Tx, writer: Writer, change: Change): Promise<void> {
  const row = await tx
    .selectFrom('appeals')
    .selectAll()
    .where('id', '=', change.entityId)
    .executeTakeFirst();
  if (row && row.office_id !== writer.officeId) {
    throw forbidden(`Карточка ${change.entityId} принадлежит другому органу.`);
  }
  let record: Partial<AppealRecord> = {};
  let clocks: Clocks = {};
  if (row) {
    record = JSON.parse(row.data) as AppealRecord;
    clocks = JSON.parse(row.clocks) as Clocks;
    for (const f of IMMUTABLE_APPEAL_FIELDS) {
      const v = change.fields[f];
      if (v !== undefined && v !== record[f]) {
        throw badRequest(`Поле ${f} карточки ${change.entityId} не меняется после регистрации.`);
      }
    }
  }
  const merged = mergeFields<AppealRecord>(clocks, change.fields, change.hlc);
  const next = appealRecordSchema.safeParse({ ...record, ...merged.won });
  if (!next.success) {
    throw badRequest(
      `Первое изменение карточки ${change.entityId} должно содержать её целиком.`,
      next.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  const values = {
    desk_code: next.data.deskCode,
    registered_at: next.data.registeredAt,
    data: JSON.stringify(next.data),
    clocks: JSON.stringify(merged.clocks),
  };
  if (row) {
    await tx.updateTable('appeals').set(values).where('id', '=', change.entityId).execute();
  } else {
    await tx
      .insertInto('appeals')
      .values({ id: change.entityId, office_id: writer.officeId, ...values })
      .execute();
  }
  await tx
    .insertInto('change_log')
    .values({
      change_id: change.id,
      office_id: writer.officeId,
      device_id: writer.deviceId,
      type: 'change',
      entity: 'appeal',
      entity_id: change.entityId,
      payload: JSON.stringify(change),
    })
    .execute();
}

async function insertResponse(tx: Tx, writer: Writer, r: ResponseRecord): Promise<void> {
  const existing = await tx
    .selectFrom('responses')
    .select('office_id')
    .where('id', '=', r.id)
    .executeTakeFirst();
  if (existing) {
    if (existing.office_id !== writer.officeId) {
      throw forbidden(`Анкета ${r.id} принадлежит другому органу.`);
    }
    return;
  }
  await tx
    .insertInto('responses')
    .values({
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
    })
    .execute();
  await tx
    .insertInto('change_log')
    .values({
      change_id: r.id,
      office_id: writer.officeId,
      device_id: writer.deviceId,
      type: 'response',
      entity: 'response',
      entity_id: r.id,
      payload: JSON.stringify(r),
    })
    .execute();
}
