import type { Migration } from './index';

/**
 * A campaign may be limited to some desks (by desk code): an office with several desks or
 * kiosks runs a questionnaire where it is meant to run. An empty list means every desk, which
 * is what every campaign created before this migration means.
 */
export const m0040CampaignDesks: Migration = {
  version: 40,
  name: 'campaign-desks',
  up(db) {
    db.exec(`ALTER TABLE survey_campaigns ADD COLUMN desk_codes TEXT NOT NULL DEFAULT '[]'`);
  },
};
