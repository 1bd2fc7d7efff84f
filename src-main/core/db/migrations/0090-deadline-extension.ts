import type { Migration } from './index';

/**
 * The extension of a written answer's term (59-FZ art. 12 part 2: by up to 30 days, the
 * applicant told why): its days and its reason. Cards before it have none.
 */
export const m0090DeadlineExtension: Migration = {
  version: 90,
  name: 'deadline-extension',
  up(db) {
    db.exec(`
      ALTER TABLE appeals ADD COLUMN extension_days INTEGER
        CHECK (extension_days IS NULL OR extension_days BETWEEN 1 AND 30);
      ALTER TABLE appeals ADD COLUMN extension_reason TEXT;
    `);
  },
};
