import type { Migration } from './index';

/**
 * Full-text index of the reception card. The core writes Snowball-stemmed text into it (see
 * src-shared/text/stem.ts), so a search for «дорога» finds «дороги» and «дорогу». It is contentless:
 * the card table holds the text, the index only the stems, keyed by the card's rowid.
 * Queries match stems as prefixes (a surname «Иванов» must find «Иванова»); prefix indexes of
 * 2–6 characters make those as fast as exact terms (at 1M cards: count 4 ms instead of 10–15,
 * first page 0.2 ms instead of 9) for about twice the index size.
 */
export const m0020AppealsFts: Migration = {
  version: 20,
  name: 'appeals-fts',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE appeals_fts USING fts5 (
        applicant, content, answer, meta,
        content = '', contentless_delete = 1, prefix = '2 3 4 5 6',
        tokenize = 'unicode61 remove_diacritics 0'
      );
    `);
  },
};
