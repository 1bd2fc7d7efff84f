import { createHash } from 'node:crypto';
import { ATTACHMENT_LIMITS, sniffType } from '../../src-shared/domain/attachments';
import type { AttachmentUpload } from '../../src-shared/sync/protocol';
import { badRequest, conflict, forbidden } from './errors';
import type { Db } from './write-lock';

/**
 * Stores a card's scanned document sent by a desk of the card's office. Checked before
 * anything is written: the bytes against the hash and the type, the card's office. Sending
 * the same attachment again stores nothing and answers stored: false.
 */
export async function storeAttachment(
  db: Db,
  device: { officeId: string },
  upload: AttachmentUpload,
  now: Date,
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
