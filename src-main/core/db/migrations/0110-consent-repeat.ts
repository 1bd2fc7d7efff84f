import type { Migration } from './index';

/**
 * The visitor's consent to an oral answer, signed on screen (an SVG data URL) or on the paper
 * card; the link from a repeat appeal to the earlier one it repeats, and the index that finds
 * earlier cards of the same question. Cards before it have none of these.
 */
export const m0110ConsentRepeat: Migration = {
  version: 110,
  name: 'consent-repeat',
  up(db) {
    db.exec(`
      ALTER TABLE appeals ADD COLUMN consent_signature TEXT;
      ALTER TABLE appeals ADD COLUMN consent_on_paper INTEGER NOT NULL DEFAULT 0
        CHECK (consent_on_paper IN (0, 1));
      ALTER TABLE appeals ADD COLUMN repeat_of_id TEXT;
      CREATE INDEX appeals_repeat_of ON appeals (repeat_of_id) WHERE repeat_of_id IS NOT NULL;
      -- Repeat detection looks up earlier cards by classifier question and date; the new index
      -- serves every lookup by code the old one did.
      DROP INDEX appeal_topics_code;
      CREATE INDEX appeal_topics_code_date ON appeal_topics (code, registered_at);
    `);
  },
};
