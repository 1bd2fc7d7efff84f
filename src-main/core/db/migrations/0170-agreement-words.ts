import type { Migration } from './index';

/**
 * Issue 16. Each card and each response keeps its agreement words (src-shared/sync/agreement.ts)
 * so the agreement check sums them per month over a covering index instead of reading and
 * hashing every record. NULL means "not computed": the check computes those first. Any write to
 * a card or its topic codes that does not itself set the words clears them (triggers), so a
 * write path that forgets them costs a recomputation, never a wrong digest.
 */
export const m0170AgreementWords: Migration = {
  version: 170,
  name: 'agreement-words',
  up(db) {
    db.exec(`
      ALTER TABLE appeals ADD COLUMN agree_0 INTEGER;
      ALTER TABLE appeals ADD COLUMN agree_1 INTEGER;
      ALTER TABLE appeals ADD COLUMN agree_2 INTEGER;
      ALTER TABLE appeals ADD COLUMN agree_3 INTEGER;
      ALTER TABLE survey_responses ADD COLUMN agree_0 INTEGER;
      ALTER TABLE survey_responses ADD COLUMN agree_1 INTEGER;
      ALTER TABLE survey_responses ADD COLUMN agree_2 INTEGER;
      ALTER TABLE survey_responses ADD COLUMN agree_3 INTEGER;
      CREATE INDEX appeals_agreement ON appeals (registered_at, agree_0, agree_1, agree_2, agree_3);
      CREATE INDEX appeals_agreement_stale ON appeals (id) WHERE agree_0 IS NULL;
      CREATE INDEX survey_responses_agreement
        ON survey_responses (pushed, response_date, agree_0, agree_1, agree_2, agree_3);
      CREATE INDEX survey_responses_agreement_stale
        ON survey_responses (id) WHERE agree_0 IS NULL AND pushed = 1;

      CREATE TRIGGER appeals_agreement_stale AFTER UPDATE ON appeals
        WHEN OLD.agree_0 IS NOT NULL AND NEW.agree_0 IS OLD.agree_0
          AND NEW.agree_1 IS OLD.agree_1 AND NEW.agree_2 IS OLD.agree_2
          AND NEW.agree_3 IS OLD.agree_3
      BEGIN
        UPDATE appeals SET agree_0 = NULL, agree_1 = NULL, agree_2 = NULL, agree_3 = NULL
          WHERE rowid = NEW.rowid;
      END;
      CREATE TRIGGER appeal_topics_agreement_insert AFTER INSERT ON appeal_topics
      BEGIN
        UPDATE appeals SET agree_0 = NULL, agree_1 = NULL, agree_2 = NULL, agree_3 = NULL
          WHERE id = NEW.appeal_id AND agree_0 IS NOT NULL;
      END;
      CREATE TRIGGER appeal_topics_agreement_delete AFTER DELETE ON appeal_topics
      BEGIN
        UPDATE appeals SET agree_0 = NULL, agree_1 = NULL, agree_2 = NULL, agree_3 = NULL
          WHERE id = OLD.appeal_id AND agree_0 IS NOT NULL;
      END;
      CREATE TRIGGER appeal_topics_agreement_update AFTER UPDATE ON appeal_topics
      BEGIN
        UPDATE appeals SET agree_0 = NULL, agree_1 = NULL, agree_2 = NULL, agree_3 = NULL
          WHERE id IN (OLD.appeal_id, NEW.appeal_id) AND agree_0 IS NOT NULL;
      END;
      CREATE TRIGGER survey_responses_agreement_stale AFTER UPDATE ON survey_responses
        WHEN OLD.agree_0 IS NOT NULL AND NEW.agree_0 IS OLD.agree_0
          AND NEW.agree_1 IS OLD.agree_1 AND NEW.agree_2 IS OLD.agree_2
          AND NEW.agree_3 IS OLD.agree_3
      BEGIN
        UPDATE survey_responses SET agree_0 = NULL, agree_1 = NULL, agree_2 = NULL, agree_3 = NULL
          WHERE id = NEW.id;
      END;
    `);
  },
};
