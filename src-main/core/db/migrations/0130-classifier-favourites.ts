import type { Migration } from './index';

/** The office's frequent classifier codes, picked by hand, shown first when coding a card. */
export const m0130ClassifierFavourites: Migration = {
  version: 130,
  name: 'classifier-favourites',
  up(db) {
    db.exec(`
      CREATE TABLE classifier_favourites (
        code TEXT PRIMARY KEY REFERENCES classifier_nodes (code),
        added_at TEXT NOT NULL
      );
    `);
  },
};
