import {
  appealOutcome,
  keptOutcomes,
  questionsOf,
  statusDate,
  type QuestionSource,
} from '../../src-shared/domain/questions';
import type { AppealRecord } from '../../src-shared/sync/records';

/** The report columns of a card, from its merged record (migration 0020-report-columns). */
export function reportColumns(record: Partial<AppealRecord>) {
  const questions = cardQuestions(record);
  return {
    columns: {
      channel: record.channel ?? null,
      kind: record.kind ?? null,
      form: record.form ?? null,
      answer_mode: record.answerMode ?? null,
      // The card's outcome from its questions (docs/metrics.md), as the desk's rollups count it.
      result: questions.length ? appealOutcome(questions) : (record.result ?? null),
      status: record.status ?? null,
      is_repeat: record.isRepeat ? 1 : 0,
      is_collective: record.isCollective ? 1 : 0,
      signatory_count: record.signatoryCount ?? null,
      due_date: record.dueDate ?? null,
      answer_date: record.answerDate ?? null,
    },
    topics: cardTopics(record),
    /** The rows of appeal_questions (migration 0050-questions). */
    questions: questions.map((q) => ({
      position: q.position,
      code: q.code,
      status: q.status,
      status_date: statusDate(q),
      measures_taken: q.measuresTaken ? 1 : 0,
      extended: q.extended ? 1 : 0,
    })),
  };
}

/** The classifier codes of a card, once each (the rows of appeal_topics). */
export function cardTopics(record: Partial<AppealRecord>): string[] {
  return [...new Set(record.topicCodes ?? [])];
}

/** The questions of a stored card; none for a record too partial to have them. */
function cardQuestions(record: Partial<AppealRecord>) {
  if (!record.registeredAt || !record.topicCodes || !record.status) return [];
  const codes = [...new Set(record.topicCodes)];
  const card: QuestionSource = {
    registeredAt: record.registeredAt,
    topicCodes: codes,
    status: record.status,
    result: record.result ?? null,
    answerDate: record.answerDate ?? null,
    extensionDays: record.extensionDays ?? null,
    redirectRecipient: record.redirectRecipient ?? null,
    redirectDate: record.redirectDate ?? null,
    redirectNumber: record.redirectNumber ?? null,
    redirectDepartmentId: record.redirectDepartmentId ?? null,
    measuresTaken: record.measuresTaken ?? false,
    answerAttachmentId: record.answerAttachmentId ?? null,
    questions: keptOutcomes(codes, record.questions),
  };
  return questionsOf(card);
}
