import type { Db } from '../db/open';
import { stemText } from '../../../src-shared/text/stem';
import { applicantOf, type AppealRow } from './rows';

type Indexed = Pick<
  AppealRow,
  | 'applicant_type'
  | 'visitor_name'
  | 'organisation_name'
  | 'representative_name'
  | 'content'
  | 'oral_answer'
  | 'result_note'
  | 'reg_number'
  | 'visitor_phone'
  | 'visitor_email'
>;

/** Keeps appeals_fts in step with the appeals table; called inside the write transaction. */
export function createSearchIndex(db: Db) {
  const remove = db.prepare('DELETE FROM appeals_fts WHERE rowid = ?');
  const insert = db.prepare(
    'INSERT INTO appeals_fts (rowid, applicant, content, answer, meta) VALUES (?, ?, ?, ?, ?)',
  );
  const columns = (row: Indexed) => [
    stemText(
      row.applicant_type === 'organisation'
        ? `${applicantOf(row)} ${row.visitor_name ?? ''}`
        : (row.visitor_name ?? ''),
    ),
    stemText(row.content),
    stemText(`${row.oral_answer ?? ''} ${row.result_note ?? ''}`),
    stemText(`${row.reg_number} ${row.visitor_phone ?? ''} ${row.visitor_email ?? ''}`),
  ];
  return {
    /** Indexes a card just inserted. */
    add(rowid: number | bigint, row: Indexed) {
      insert.run(rowid, ...columns(row));
    },
    /** Re-indexes an edited card. */
    replace(rowid: number | bigint, row: Indexed) {
      remove.run(rowid);
      insert.run(rowid, ...columns(row));
    },
  };
}
