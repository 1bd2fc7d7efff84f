import { formatRegNumber } from '../../../src-shared/domain/numbering';
import type { Db } from '../db/open';
import type { AppealRow } from './rows';
import { sectionOf, themeOf } from '../../../src-shared/domain/classifier';
import { questionsOf, statusDate, type QuestionSource } from '../../../src-shared/domain/questions';

type Params = Record<string, string | number | null>;

const FIELDS = [
  'registered_at',
  'official_id',
  'applicant_type',
  'visitor_name',
  'visitor_address',
  'visitor_phone',
  'visitor_email',
  'social_category',
  'organisation_name',
  'representative_name',
  'power_of_attorney',
  'is_collective',
  'signatory_count',
  'is_repeat',
  'kind',
  'form',
  'channel',
  'content',
  'service_id',
  'av_recording_notified',
  'answer_mode',
  'oral_consent',
  'oral_answer',
  'redirect_recipient',
  'redirect_date',
  'executor',
  'status',
  'result',
  'result_note',
  'answer_date',
  'due_date',
  'extension_days',
  'extension_reason',
  'consent_signature',
  'consent_on_paper',
  'repeat_of_id',
  'forwarded_from',
  'forwarded_number',
  'forwarded_date',
  'via_medo',
  'received_date',
  'redirect_number',
  'redirect_department_id',
  'measures_taken',
  'answer_attachment_id',
  'questions',
  'outcome',
] as const;

/** All SQL that reads or writes single reception cards and their topic codes. */
export function createAppealsRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO appeals (id, reg_number, desk_code, ${FIELDS.join(', ')}, created_at, updated_at)
     VALUES (@id, @reg_number, @desk_code, ${FIELDS.map((f) => '@' + f).join(', ')},
             @created_at, @updated_at)`,
  );
  const update = db.prepare(
    `UPDATE appeals SET ${FIELDS.map((f) => `${f} = @${f}`).join(', ')}, updated_at = @updated_at
     WHERE id = @id`,
  );
  const byId = db.prepare('SELECT rowid AS _rowid, * FROM appeals WHERE id = ?');
  const topics = db
    .prepare('SELECT code FROM appeal_topics WHERE appeal_id = ? ORDER BY position')
    .pluck();
  const clearTopics = db.prepare('DELETE FROM appeal_topics WHERE appeal_id = ?');
  const addTopic = db.prepare(
    `INSERT INTO appeal_topics (appeal_id, position, code, section, registered_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  const clearQuestions = db.prepare('DELETE FROM appeal_questions WHERE appeal_id = ?');
  const addQuestion = db.prepare(
    `INSERT INTO appeal_questions (appeal_id, position, code, section, theme, registered_at,
       status, own, measures_taken, response_date, status_date, extended, answer_attachment_id)
     VALUES (@appeal_id, @position, @code, @section, @theme, @registered_at, @status, @own,
       @measures_taken, @response_date, @status_date, @extended, @answer_attachment_id)`,
  );
  const numberTaken = db.prepare('SELECT 1 FROM appeals WHERE reg_number = ?').pluck();
  const nextSeq = db
    .prepare(
      `INSERT INTO reg_counters (desk_code, year, last_seq) VALUES (?, ?, 1)
     ON CONFLICT (desk_code, year) DO UPDATE SET last_seq = last_seq + 1
     RETURNING last_seq`,
    )
    .pluck();

  return {
    insert(params: Params): number | bigint {
      return insert.run(params).lastInsertRowid;
    },
    update(params: Params): void {
      update.run(params);
    },
    get(id: string): (AppealRow & { _rowid: number }) | undefined {
      return byId.get(id) as (AppealRow & { _rowid: number }) | undefined;
    },
    topics(id: string): string[] {
      return topics.all(id) as string[];
    },
    /** The card's codes, in order; each row also carries the registration time (reports). */
    setTopics(id: string, codes: readonly string[], registeredAt: string): void {
      clearTopics.run(id);
      codes.forEach((code, i) => addTopic.run(id, i, code, sectionOf(code), registeredAt));
    },
    /** The card's questions with their effective outcomes (questions.ts), for reports. */
    setQuestions(id: string, card: QuestionSource): void {
      clearQuestions.run(id);
      for (const q of questionsOf(card)) {
        addQuestion.run({
          appeal_id: id,
          position: q.position,
          code: q.code,
          section: sectionOf(q.code),
          theme: themeOf(q.code),
          registered_at: card.registeredAt,
          status: q.status,
          own: q.own ? 1 : 0,
          measures_taken: q.measuresTaken ? 1 : 0,
          response_date: q.responseDate,
          status_date: statusDate(q),
          extended: q.extended ? 1 : 0,
          answer_attachment_id: q.answerAttachmentId,
        });
      }
    },
    /** Next registration sequence of a desk in a year; call inside the write transaction. */
    nextSequence(deskCode: string, year: number): number {
      return Number(nextSeq.get(deskCode, year));
    },
    /**
     * The next registration number no card of this desk holds yet. A number can be taken
     * although the counter never gave it (a card pulled from a replaced or cloned desk with the
     * same code): registration then skips it instead of failing every time (issue 13).
     */
    nextFreeNumber(deskCode: string, year: number): string {
      for (;;) {
        const number = formatRegNumber(deskCode, year, Number(nextSeq.get(deskCode, year)));
        if (numberTaken.get(number) === undefined) return number;
      }
    },
  };
}

export type AppealsRepository = ReturnType<typeof createAppealsRepository>;
