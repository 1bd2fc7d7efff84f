import { sectionOf, themeOf } from '../../../../src-shared/domain/classifier';
import type { AppealResult, AppealStatus } from '../../../../src-shared/domain/enums';
import {
  appealOutcome,
  questionsOf,
  statusDate,
  type QuestionSource,
} from '../../../../src-shared/domain/questions';
import { rebuildRollups } from '../../reports/rollups';
import type { Migration } from './index';

/**
 * Issue 14: questions, not just cards. The card gains the fields of the monthly report to
 * ССТУ.РФ (forwarded from, cover letters, measures taken, answer document) and the outcomes of
 * questions set apart (JSON by code); `outcome` is the card's result for the metrics, derived
 * from its questions. `appeal_questions` holds every question of every card with its effective
 * outcome (src-shared/domain/questions.ts), rebuilt with each write of its card, for reports,
 * the deadlines board and the monthly report. Cards before it map as issue 14 says: supported →
 * Supported, refused → NotSupported, explained → Explained, redirected → Transferred, left
 * without answer → LeftWithoutAnswer, answered without a result → Answered, open → InWork
 * (extended → its extended state) — which is `statusFromCard`, applied here to every card.
 */
export const m0160Questions: Migration = {
  version: 160,
  name: 'questions',
  up(db) {
    db.exec(`
      ALTER TABLE appeals ADD COLUMN forwarded_from TEXT;
      ALTER TABLE appeals ADD COLUMN forwarded_number TEXT;
      ALTER TABLE appeals ADD COLUMN forwarded_date TEXT;
      ALTER TABLE appeals ADD COLUMN via_medo INTEGER NOT NULL DEFAULT 0 CHECK (via_medo IN (0, 1));
      ALTER TABLE appeals ADD COLUMN received_date TEXT;
      ALTER TABLE appeals ADD COLUMN redirect_number TEXT;
      ALTER TABLE appeals ADD COLUMN redirect_department_id TEXT;
      ALTER TABLE appeals ADD COLUMN measures_taken INTEGER NOT NULL DEFAULT 0
        CHECK (measures_taken IN (0, 1));
      ALTER TABLE appeals ADD COLUMN answer_attachment_id TEXT;
      ALTER TABLE appeals ADD COLUMN questions TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE appeals ADD COLUMN outcome TEXT;

      CREATE TABLE appeal_questions (
        appeal_id TEXT NOT NULL REFERENCES appeals (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        code TEXT NOT NULL,
        section TEXT NOT NULL,
        theme TEXT,
        registered_at TEXT NOT NULL,
        status TEXT NOT NULL,
        own INTEGER NOT NULL CHECK (own IN (0, 1)),
        measures_taken INTEGER NOT NULL CHECK (measures_taken IN (0, 1)),
        response_date TEXT,
        status_date TEXT,
        extended INTEGER NOT NULL CHECK (extended IN (0, 1)),
        answer_attachment_id TEXT,
        PRIMARY KEY (appeal_id, position)
      ) WITHOUT ROWID;
      CREATE INDEX appeal_questions_registered ON appeal_questions (registered_at);
      CREATE INDEX appeal_questions_status_date ON appeal_questions (status_date)
        WHERE status_date IS NOT NULL;

      -- The audit trail learns a third action: a card's personal data left the desk in the
      -- monthly report's file. SQLite cannot widen a CHECK in place: the table is rebuilt,
      -- rows and ids kept, append-only triggers restored.
      DROP TRIGGER audit_log_no_update;
      DROP TRIGGER audit_log_no_delete;
      ALTER TABLE audit_log RENAME TO audit_log_0100;
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        appeal_id TEXT NOT NULL,
        at TEXT NOT NULL,
        user_id TEXT,
        user_name TEXT,
        source TEXT NOT NULL CHECK (source IN ('desk', 'sync')),
        action TEXT NOT NULL CHECK (action IN ('create', 'update', 'export')),
        field TEXT,
        old_value TEXT,
        new_value TEXT
      );
      INSERT INTO audit_log SELECT * FROM audit_log_0100;
      DROP TABLE audit_log_0100;
      CREATE INDEX audit_log_appeal ON audit_log (appeal_id, id);
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
    // Self-contained on purpose: a migration speaks to the schema of its own time, so it
    // prepares its own statements rather than the repository's (which follow the newest).
    const topics = db
      .prepare('SELECT code FROM appeal_topics WHERE appeal_id = ? ORDER BY position')
      .pluck();
    const setOutcome = db.prepare('UPDATE appeals SET outcome = ? WHERE rowid = ?');
    const addQuestion = db.prepare(
      `INSERT INTO appeal_questions (appeal_id, position, code, section, theme, registered_at,
         status, own, measures_taken, response_date, status_date, extended, answer_attachment_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, NULL)`,
    );
    const page = db.prepare(
      `SELECT rowid AS _rowid, id, registered_at, status, result, answer_date, extension_days,
         redirect_recipient, redirect_date
       FROM appeals WHERE rowid > ? ORDER BY rowid LIMIT 2000`,
    );
    for (let after = 0; ;) {
      const rows = page.all(after) as OldCard[];
      for (const row of rows) {
        const card: QuestionSource = {
          registeredAt: row.registered_at,
          topicCodes: topics.all(row.id) as string[],
          status: row.status as AppealStatus,
          result: row.result as AppealResult | null,
          answerDate: row.answer_date,
          extensionDays: row.extension_days,
          redirectRecipient: row.redirect_recipient,
          redirectDate: row.redirect_date,
        };
        const questions = questionsOf(card);
        for (const q of questions) {
          addQuestion.run(
            row.id,
            q.position,
            q.code,
            sectionOf(q.code),
            themeOf(q.code),
            row.registered_at,
            q.status,
            q.responseDate,
            statusDate(q),
            q.extended ? 1 : 0,
          );
        }
        setOutcome.run(appealOutcome(questions), row._rowid);
      }
      if (rows.length < 2000) break;
      after = rows[rows.length - 1]!._rowid;
    }
    // The metrics' result dimension is now the card's outcome (docs/metrics.md).
    rebuildRollups(db);
  },
};

interface OldCard {
  _rowid: number;
  id: string;
  registered_at: string;
  status: string;
  result: string | null;
  answer_date: string | null;
  extension_days: number | null;
  redirect_recipient: string | null;
  redirect_date: string | null;
}
