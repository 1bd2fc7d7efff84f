import type { Migration } from './index';
import { rebuildSurveyRollups } from '../../reports/survey-rollups';

/**
 * The survey roll-up (docs/metrics.md): counts of responses, answers and values per
 * questionnaire version, day, campaign, service and channel — the same facts the responses
 * hold (a date, never a time: docs/anonymity.md), counted once when a response is stored, so
 * survey results read a few thousand rows instead of parsing every response of a quarter.
 */
export const m0080SurveyRollups: Migration = {
  version: 80,
  name: 'survey-rollups',
  up(db) {
    db.exec(`
      CREATE TABLE report_survey (
        template_id TEXT NOT NULL,
        day TEXT NOT NULL,
        campaign_id TEXT NOT NULL,
        service_id TEXT NOT NULL,
        channel TEXT NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (template_id, day, campaign_id, service_id, channel, key, value)
      ) WITHOUT ROWID;
    `);
    rebuildSurveyRollups(db);
  },
};
