import type { AppealRecord } from '../../src-shared/sync/records';

/** The report columns of a card, from its merged record (migration 0020-report-columns). */
export function reportColumns(record: Partial<AppealRecord>) {
  return {
    columns: {
      channel: record.channel ?? null,
      kind: record.kind ?? null,
      form: record.form ?? null,
      answer_mode: record.answerMode ?? null,
      result: record.result ?? null,
      status: record.status ?? null,
      is_repeat: record.isRepeat ? 1 : 0,
      is_collective: record.isCollective ? 1 : 0,
      signatory_count: record.signatoryCount ?? null,
      due_date: record.dueDate ?? null,
      answer_date: record.answerDate ?? null,
    },
    topics: [...new Set(record.topicCodes ?? [])],
  };
}
