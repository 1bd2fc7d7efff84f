import type { Migration } from './index';
import { rebuildRollups } from '../../reports/rollups';

/**
 * Report roll-ups (docs/metrics.md, "Where it is computed"): the appeal counts the quarterly
 * report needs, per registration day and per value of every dimension, kept in step by every
 * write of a card in the same transaction. A quarter's report then sums a few thousand rows
 * instead of reading a hundred thousand cards. Built here from the cards already stored.
 */
export const m0070ReportRollups: Migration = {
  version: 70,
  name: 'report-rollups',
  up(db) {
    db.exec(`
      CREATE TABLE report_appeals (
        day TEXT NOT NULL,
        channel TEXT NOT NULL,
        kind TEXT NOT NULL,
        form TEXT NOT NULL,
        answer_mode TEXT NOT NULL,
        result TEXT NOT NULL,
        final INTEGER NOT NULL,
        -- only for cards not yet final: "overdue" is decided at report time
        due_date TEXT NOT NULL,
        repeat INTEGER NOT NULL,
        collective INTEGER NOT NULL,
        n INTEGER NOT NULL,
        signatories INTEGER NOT NULL,
        PRIMARY KEY (day, channel, kind, form, answer_mode, result, final, due_date, repeat,
          collective)
      ) WITHOUT ROWID;

      -- Cards per day in each classifier section and theme they have a code in (once each).
      CREATE TABLE report_topics (
        day TEXT NOT NULL,
        code TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (day, code)
      ) WITHOUT ROWID;

      -- Written answers per answer date, registration date and whether in time.
      CREATE TABLE report_answers (
        answer_date TEXT NOT NULL,
        registered TEXT NOT NULL,
        in_time INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (answer_date, registered, in_time)
      ) WITHOUT ROWID;
    `);
    rebuildRollups(db);
  },
};
