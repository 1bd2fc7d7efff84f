import { uuidv7 } from '../../../src-shared/domain/ids';
import type { Appeal, AppealData } from '../../../src-shared/domain/appeal';
import { localToday } from '../../../src-shared/domain/dates';
import { dueDateFor } from '../../../src-shared/domain/deadlines';
import { OtklikError, type Issue } from '../../../src-shared/contract/errors';
import { isoNow, type CoreContext } from '../context';
import type { Settings } from '../settings';
import { appealRecordOf, type Journal } from '../sync/journal';
import {
  absentFieldValue,
  PROTOCOL3_APPEAL_FIELDS,
  type AppealRecord,
} from '../../../src-shared/sync/records';
import { createAppealsRepository } from './repository';
import { dataToParams, rowToAppeal } from './rows';
import { createSearchIndex } from './search-index';
import { createRollups } from '../reports/rollups';
import { createAuditTrail, type Actor } from '../audit/trail';
import type { Schedule } from '../schedule/schedule';
import { keptOutcomes, type QuestionOutcome } from '../../../src-shared/domain/questions';

/** What may come with a new card: its draft, who registers it, the booking it receives. */
export interface CreateOptions {
  draftId?: string | null;
  actor?: Actor | null;
  bookingId?: string | null;
}

/** Creating, editing and reading reception cards: numbering, due dates, index, references. */
export function createAppealsService(
  ctx: CoreContext,
  settings: Settings,
  journal: Journal,
  schedule: Schedule,
) {
  const { db } = ctx;
  const repo = createAppealsRepository(db);
  const index = createSearchIndex(db);
  const rollups = createRollups(db);
  const audit = createAuditTrail(ctx);
  const officialExists = db.prepare('SELECT 1 FROM officials WHERE id = ?').pluck();
  const serviceExists = db.prepare('SELECT 1 FROM services WHERE id = ?').pluck();
  const appealExists = db.prepare('SELECT 1 FROM appeals WHERE id = ?').pluck();
  const codeState = db.prepare('SELECT retired FROM classifier_nodes WHERE code = ?').pluck();
  const dropDraft = db.prepare('DELETE FROM drafts WHERE id = ?');
  const attachmentOfCard = db
    .prepare('SELECT 1 FROM attachments WHERE id = ? AND appeal_id = ?')
    .pluck();
  const placeholderOfficial = db.prepare(
    `INSERT OR IGNORE INTO officials (id, full_name, position, active, created_at, updated_at)
     VALUES (?, 'Должностное лицо другого рабочего места', '—', 0, ?, ?)`,
  );
  const placeholderService = db.prepare(
    `INSERT OR IGNORE INTO services (id, title, kind, active, created_at, updated_at)
     VALUES (?, 'Услуга другого рабочего места', 'service', 0, ?, ?)`,
  );

  /**
   * References must exist on this desk, except those the card already has: a card synced from
   * another desk of the office may name that desk's official or service (docs/sync.md).
   */
  function checkReferences(
    data: AppealData,
    keptCodes: readonly string[],
    kept: {
      id?: string;
      official_id: string | null;
      service_id: string | null;
      repeat_of_id?: string | null;
      answer_attachment_id?: string | null;
      questions?: Record<string, QuestionOutcome>;
    } | null = null,
  ) {
    const issues: Issue[] = [];
    const officialKept = kept !== null && data.officialId === kept.official_id;
    const serviceKept = kept !== null && data.serviceId === kept.service_id;
    if (data.officialId && !officialKept && !officialExists.get(data.officialId)) {
      issues.push({ path: 'officialId', message: 'unknown_reference' });
    }
    if (data.serviceId && !serviceKept && !serviceExists.get(data.serviceId)) {
      issues.push({ path: 'serviceId', message: 'unknown_reference' });
    }
    const repeatKept = kept !== null && data.repeatOfId === kept.repeat_of_id;
    if (data.repeatOfId && !repeatKept) {
      if (data.repeatOfId === kept?.id || !appealExists.get(data.repeatOfId)) {
        issues.push({ path: 'repeatOfId', message: 'unknown_reference' });
      }
    }
    // An answer document must be one of the card's own attachments (kept if already named:
    // another desk's attachment is at the central, not here).
    const keptDocs = new Set<string>();
    if (kept?.answer_attachment_id) keptDocs.add(kept.answer_attachment_id);
    for (const q of Object.values(kept?.questions ?? {})) {
      if (q.answerAttachmentId) keptDocs.add(q.answerAttachmentId);
    }
    const checkDoc = (docId: string | null, path: string) => {
      if (docId && !keptDocs.has(docId) && !(kept?.id && attachmentOfCard.get(docId, kept.id))) {
        issues.push({ path, message: 'unknown_reference' });
      }
    };
    checkDoc(data.answerAttachmentId, 'answerAttachmentId');
    for (const [code, q] of Object.entries(data.questions)) {
      checkDoc(q.answerAttachmentId, `questions.${code}.answerAttachmentId`);
    }
    data.topicCodes.forEach((code, i) => {
      const retired = codeState.get(code);
      // A code retired by a newer classifier edition stays valid on a card that already had it.
      if (retired === undefined || (retired === 1 && !keptCodes.includes(code))) {
        issues.push({ path: `topicCodes.${i}`, message: 'unknown_code', params: { code } });
      }
    });
    if (issues.length > 0) throw new OtklikError('validation', 'invalid references', issues);
  }

  function read(id: string): Appeal {
    const row = repo.get(id);
    if (!row) throw new OtklikError('not_found', `appeal ${id}`);
    return rowToAppeal(row, repo.topics(id), localToday(ctx.now()));
  }

  const create = db.transaction(
    (
      given: AppealData,
      { draftId = null, actor = null, bookingId = null }: CreateOptions,
    ): string => {
      const data = normalised(given);
      checkReferences(data, []);
      const deskCode = settings.deskCode();
      const year = Number(data.registeredAt.slice(0, 4));
      const id = uuidv7(ctx.now().getTime());
      const now = isoNow(ctx);
      const params = {
        ...dataToParams(data),
        id,
        reg_number: repo.nextFreeNumber(deskCode, year),
        desk_code: deskCode,
        due_date: dueDateFor(data.registeredAt, data.answerMode, data.extensionDays),
        created_at: now,
        updated_at: now,
      };
      const rowid = repo.insert(params);
      repo.setTopics(id, data.topicCodes, data.registeredAt);
      repo.setQuestions(id, data);
      index.add(rowid, params);
      rollups.apply(params, data.topicCodes, 1);
      const record = appealRecordOf(read(id));
      journal.appeal(id, null, record);
      audit.record(id, null, record, { actor, source: 'desk' });
      if (bookingId) schedule.receive(bookingId, id);
      if (draftId) dropDraft.run(draftId);
      return id;
    },
  );

  const update = db.transaction(
    (
      id: string,
      expectedUpdatedAt: string,
      given: AppealData,
      draftId: string | null,
      actor: Actor | null,
    ) => {
      const data = normalised(given);
      const current = repo.get(id);
      if (!current) throw new OtklikError('not_found', `appeal ${id}`);
      if (current.updated_at !== expectedUpdatedAt) {
        throw new OtklikError('conflict', `appeal ${id} changed since ${expectedUpdatedAt}`);
      }
      // The card's codes as they were: for the reference check, the journal and the roll-ups.
      const keptCodes = repo.topics(id);
      checkReferences(data, keptCodes, {
        ...current,
        questions: JSON.parse(current.questions) as Record<string, QuestionOutcome>,
      });
      const before = appealRecordOf(rowToAppeal(current, keptCodes, localToday(ctx.now())));
      // Bump past the previous stamp even if the clock stepped back or two saves share a ms.
      const now = isoNow(ctx);
      const updatedAt = now > current.updated_at ? now : bump(current.updated_at);
      const params = {
        ...dataToParams(data),
        id,
        due_date: dueDateFor(data.registeredAt, data.answerMode, data.extensionDays),
        updated_at: updatedAt,
      };
      rollups.apply(current, keptCodes, -1);
      repo.update(params);
      repo.setTopics(id, data.topicCodes, data.registeredAt);
      repo.setQuestions(id, data);
      rollups.apply({ ...current, ...params }, data.topicCodes, 1);
      index.replace(current._rowid, { ...current, ...params });
      const after = appealRecordOf(read(id));
      journal.appeal(id, before, after);
      audit.record(id, before, after, { actor, source: 'desk' });
      if (draftId) dropDraft.run(draftId);
    },
  );

  /**
   * Writes a card as sync decided it (a merge of fields from the central server or another
   * desk of the office): no reference checks (the reference may not have arrived yet), no
   * journal entry (the change is not this desk's), but the same row, topics and search index.
   */
  function applySynced(id: string, record: AppealRecord): void {
    const current = repo.get(id);
    const now = isoNow(ctx);
    // An official or service this desk has never had (another desk's own entry) gets an inactive
    // placeholder under the same id; the central's reference data replaces it when it arrives.
    if (record.officialId) placeholderOfficial.run(record.officialId, now, now);
    if (record.serviceId) placeholderService.run(record.serviceId, now, now);
    const params = {
      ...dataToParams(record),
      id,
      reg_number: record.regNumber,
      desk_code: record.deskCode,
      due_date: record.dueDate,
    };
    if (!current) {
      const rowid = repo.insert({ ...params, created_at: now, updated_at: now });
      repo.setTopics(id, record.topicCodes, record.registeredAt);
      repo.setQuestions(id, record);
      index.add(rowid, params);
      rollups.apply(params, record.topicCodes, 1);
      audit.record(id, null, record, { actor: null, source: 'sync' });
      return;
    }
    const updatedAt = now > current.updated_at ? now : bump(current.updated_at);
    const keptCodes = repo.topics(id);
    audit.record(
      id,
      appealRecordOf(rowToAppeal(current, keptCodes, localToday(ctx.now()))),
      record,
      { actor: null, source: 'sync' },
    );
    rollups.apply(current, keptCodes, -1);
    repo.update({ ...params, updated_at: updatedAt });
    repo.setTopics(id, record.topicCodes, record.registeredAt);
    repo.setQuestions(id, record);
    rollups.apply({ ...current, ...params }, record.topicCodes, 1);
    index.replace(current._rowid, { ...current, ...params });
  }

  return {
    /** Registers a card; the draft it was typed in, if any, goes in the same transaction. */
    create(data: AppealData, options: CreateOptions = {}): Appeal {
      return read(create(data, options));
    },
    /** Registers a card and returns only its id (bulk loads that do not need it back). */
    createUnread(data: AppealData): string {
      return create(data, {});
    },
    update(
      id: string,
      expectedUpdatedAt: string,
      data: AppealData,
      draftId: string | null = null,
      actor: Actor | null = null,
    ) {
      update(id, expectedUpdatedAt, data, draftId, actor);
      return read(id);
    },
    audit: audit.forAppeal,
    get: read,
    /** The synced record of a card, or null when this desk has no such card. */
    record(id: string): AppealRecord | null {
      return repo.get(id) ? appealRecordOf(read(id)) : null;
    },
    applySynced,
  };
}

/**
 * The card as stored: the outcomes of codes it no longer has dropped, and the fields of issue 14
 * filled where a caller built the data by hand before they existed (imports, seeds, tests).
 */
function normalised(data: AppealData): AppealData {
  const filled = { ...data } as Record<string, unknown>;
  for (const f of PROTOCOL3_APPEAL_FIELDS) {
    if (filled[f] === undefined) filled[f] = absentFieldValue(f);
  }
  const card = filled as AppealData;
  return { ...card, questions: keptOutcomes(card.topicCodes, card.questions) };
}

function bump(iso: string): string {
  return new Date(Date.parse(iso) + 1).toISOString();
}

export type AppealsService = ReturnType<typeof createAppealsService>;
