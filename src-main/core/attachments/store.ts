import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  ATTACHMENT_LIMITS,
  sniffType,
  type Attachment,
} from '../../../src-shared/domain/attachments';
import { uuidv7 } from '../../../src-shared/domain/ids';
import { OtklikError } from '../../../src-shared/contract/errors';
import { isoNow, type CoreContext } from '../context';
import type { Actor } from '../audit/trail';

/** The folder of attachment files inside the data folder. */
export const ATTACHMENTS_DIR = 'attachments';

const refuse = (message: string, params?: Record<string, string | number>) =>
  new OtklikError('validation', message, [{ path: 'file', message, params }]);

interface Row {
  id: string;
  appeal_id: string;
  file_name: string;
  mime: Attachment['mime'];
  size: number;
  sha256: string;
  created_at: string;
  uploaded_at: string | null;
}

const toAttachment = (r: Row): Attachment => ({
  id: r.id,
  appealId: r.appeal_id,
  fileName: r.file_name,
  mime: r.mime,
  size: r.size,
  sha256: r.sha256,
  createdAt: r.created_at,
  uploadedAt: r.uploaded_at,
});

/**
 * Scanned documents of cards (docs/reception.md): checked by size and by their first bytes,
 * stored in the data folder under their SHA-256 (written to a temporary name and renamed, so a
 * crash never leaves half a file under a real name), listed per card, uploaded to the central
 * server by the sync engine once the card is there.
 */
export function createAttachments(ctx: CoreContext, dataDir: string) {
  const { db } = ctx;
  const root = join(dataDir, ATTACHMENTS_DIR);
  const pathOf = (sha: string) => join(root, sha.slice(0, 2), sha);
  const byId = db.prepare<[string], Row>('SELECT * FROM attachments WHERE id = ?');
  const ofAppeal = db.prepare<[string], Row>(
    'SELECT * FROM attachments WHERE appeal_id = ? ORDER BY created_at, id',
  );
  const countOf = db.prepare('SELECT count(*) FROM attachments WHERE appeal_id = ?').pluck();
  const appealExists = db.prepare('SELECT 1 FROM appeals WHERE id = ?').pluck();
  const insert = db.prepare(
    `INSERT INTO attachments (id, appeal_id, file_name, mime, size, sha256, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const remove = db.prepare('DELETE FROM attachments WHERE id = ?');
  const shaUsed = db.prepare('SELECT 1 FROM attachments WHERE sha256 = ?').pluck();
  const audit = db.prepare(
    `INSERT INTO audit_log (appeal_id, at, user_id, user_name, source, action, field, old_value, new_value)
     VALUES (?, ?, ?, ?, 'desk', 'update', 'attachments', ?, ?)`,
  );
  const pending = db.prepare<[number], Row>(
    `SELECT a.* FROM attachments a
     WHERE a.uploaded_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM sync_outbox o WHERE o.entity_id = a.appeal_id)
     ORDER BY a.created_at LIMIT ?`,
  );
  const markUploaded = db.prepare('UPDATE attachments SET uploaded_at = ? WHERE id = ?');
  const pendingCount = db
    .prepare('SELECT count(*) FROM attachments WHERE uploaded_at IS NULL')
    .pluck();

  const addTx = db.transaction(
    (appealId: string, fileName: string, bytes: Buffer, actor: Actor | null): Attachment => {
      if (!appealExists.get(appealId)) throw new OtklikError('not_found', `appeal ${appealId}`);
      if ((countOf.get(appealId) as number) >= ATTACHMENT_LIMITS.perCard) {
        throw refuse('attachment_count', { max: ATTACHMENT_LIMITS.perCard });
      }
      const mime = sniffType(bytes);
      if (!mime) throw refuse('attachment_type');
      const sha = createHash('sha256').update(bytes).digest('hex');
      const file = pathOf(sha);
      if (!existsSync(file)) {
        mkdirSync(dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, bytes, { flush: true });
        renameSync(tmp, file);
      }
      const id = uuidv7(ctx.now().getTime());
      const at = isoNow(ctx);
      insert.run(id, appealId, fileName, mime, bytes.length, sha, at);
      audit.run(appealId, at, actor?.userId ?? null, actor?.userName ?? null, null, fileName);
      return toAttachment(byId.get(id)!);
    },
  );

  const removeTx = db.transaction((id: string, actor: Actor | null) => {
    const row = byId.get(id);
    if (!row) throw new OtklikError('not_found', `attachment ${id}`);
    // What the central server has stays there: removal is for a file attached by mistake.
    if (row.uploaded_at) throw refuse('attachment_uploaded');
    remove.run(id);
    const at = isoNow(ctx);
    audit.run(
      row.appeal_id,
      at,
      actor?.userId ?? null,
      actor?.userName ?? null,
      row.file_name,
      null,
    );
    return row;
  });

  return {
    add(appealId: string, fileName: string, base64: string, actor: Actor | null = null) {
      const bytes = Buffer.from(base64, 'base64');
      if (bytes.length === 0) throw refuse('attachment_empty');
      if (bytes.length > ATTACHMENT_LIMITS.maxBytes) {
        throw refuse('attachment_size', { max: ATTACHMENT_LIMITS.maxBytes / 1024 / 1024 });
      }
      return addTx(appealId, fileName, bytes, actor);
    },
    list: (appealId: string) => ofAppeal.all(appealId).map(toAttachment),
    /** The file's bytes, checked against the hash it was stored under. */
    read(id: string): { attachment: Attachment; bytes: Buffer } {
      const row = byId.get(id);
      if (!row) throw new OtklikError('not_found', `attachment ${id}`);
      const bytes = readFileSync(pathOf(row.sha256));
      if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
        throw new OtklikError('internal', `attachment ${id}: file does not match its hash`);
      }
      return { attachment: toAttachment(row), bytes };
    },
    /** Removed from the card (recorded in its audit trail); the file goes when no card has it. */
    remove(id: string, actor: Actor | null = null) {
      const row = removeTx(id, actor);
      if (!shaUsed.get(row.sha256)) rmSync(pathOf(row.sha256), { force: true });
    },
    /** Files of cards the central server already has, not uploaded yet. */
    pendingUploads: (limit: number) => pending.all(limit).map(toAttachment),
    markUploaded(id: string) {
      markUploaded.run(isoNow(ctx), id);
    },
    pendingCount: () => pendingCount.get() as number,
  };
}

export type Attachments = ReturnType<typeof createAttachments>;
