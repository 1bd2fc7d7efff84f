import { createHash } from 'node:crypto';
import { ATTACHMENT_LIMITS, sniffType } from '../../src-shared/domain/attachments';
import type { AttachmentUpload } from '../../src-shared/sync/protocol';
import { badRequest, conflict, forbidden, HttpError } from './errors';
import type { Db } from './write-lock';

/**
 * Stores a card's scanned document sent by a desk of the card's office. Checked before
 * anything is written: the bytes against the hash and the type, the card's office. Sending
 * the same attachment again stores nothing and answers stored: false.
 */
/** Scans an office may keep at the central by default: 20 GiB (OTKLIK_ATTACHMENT_QUOTA_MB). */
export const DEFAULT_OFFICE_QUOTA_BYTES = 20 * 1024 ** 3;

export async function storeAttachment(
  db: Db,
  device: { officeId: string },
  upload: AttachmentUpload,
  now: Date,
  quotaBytes = DEFAULT_OFFICE_QUOTA_BYTES,
): Promise<{ stored: boolean }> {
  const bytes = Buffer.from(upload.data, 'base64');
  if (bytes.length === 0 || bytes.length > ATTACHMENT_LIMITS.maxBytes) {
    throw badRequest('Файл пуст или больше 10 МБ.');
  }
  if (createHash('sha256').update(bytes).digest('hex') !== upload.sha256) {
    throw badRequest('Файл поврежден при передаче: контрольная сумма не совпадает.');
  }
  if (sniffType(bytes) !== upload.mime) {
    throw badRequest('Тип файла не совпадает с его содержимым.');
  }
  const appeal = await db
    .selectFrom('appeals')
    .select('office_id')
    .where('id', '=', upload.appealId)
    .executeTakeFirst();
  if (!appeal) throw conflict('Карточки этого файла еще нет на сервере: сначала синхронизация.');
  if (appeal.office_id !== device.officeId) throw forbidden('Карточка другого органа.');
  const existing = await db
    .selectFrom('attachments')
    .select(['sha256', 'appeal_id'])
    .where('id', '=', upload.id)
    .executeTakeFirst();
  if (existing) {
    if (existing.sha256 !== upload.sha256 || existing.appeal_id !== upload.appealId) {
      throw conflict('Файл с этим идентификатором уже получен с другим содержимым.');
    }
    return { stored: false };
  }
  // One desk (or a stolen token) must not fill the region's disk: a quota per office.
  const used = await db
    .selectFrom('attachments')
    .select((eb) => eb.fn.sum<number | string | null>('size').as('used'))
    .where('office_id', '=', device.officeId)
    .executeTakeFirst();
  if (Number(used?.used ?? 0) + bytes.length > quotaBytes) {
    throw new HttpError(
      507,
      'quota_exceeded',
      'Место для сканов этого органа на сервере исчерпано: обратитесь к администратору центра.',
    );
  }
  await db
    .insertInto('attachments')
    .values({
      id: upload.id,
      appeal_id: upload.appealId,
      office_id: device.officeId,
      file_name: upload.fileName,
      mime: upload.mime,
      size: bytes.length,
      sha256: upload.sha256,
      data: bytes,
      received_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return { stored: true };
}
