import type BetterSqlite3 from 'better-sqlite3';
import { m0010Init } from './0010-init';
import { m0020AppealsFts } from './0020-appeals-fts';
import { m0030Surveys } from './0030-surveys';
import { m0040CampaignDesks } from './0040-campaign-desks';
import { m0050Sync } from './0050-sync';
import { m0060ReportIndexes } from './0060-report-indexes';
import { m0070ReportRollups } from './0070-report-rollups';
import { m0080SurveyRollups } from './0080-survey-rollups';
import { m0090DeadlineExtension } from './0090-deadline-extension';
import { m0100UsersAudit } from './0100-users-audit';
import { m0110ConsentRepeat } from './0110-consent-repeat';
import { m0120Schedule } from './0120-schedule';
import { m0130ClassifierFavourites } from './0130-classifier-favourites';
import { m0140Attachments } from './0140-attachments';
import { m0150SyncRefused } from './0150-sync-refused';
import { m0160Questions } from './0160-questions';
import { m0170AgreementWords } from './0170-agreement-words';
import { m0180Online } from './0180-online';
import { m0190TopicModel } from './0190-topic-model';

export interface Migration {
  version: number;
  name: string;
  up(db: BetterSqlite3.Database): void;
}

/** Numbers are spaced by ten to leave room; never renumber or edit a released migration. */
export const MIGRATIONS: readonly Migration[] = [
  m0010Init,
  m0020AppealsFts,
  m0030Surveys,
  m0040CampaignDesks,
  m0050Sync,
  m0060ReportIndexes,
  m0070ReportRollups,
  m0080SurveyRollups,
  m0090DeadlineExtension,
  m0100UsersAudit,
  m0110ConsentRepeat,
  m0120Schedule,
  m0130ClassifierFavourites,
  m0140Attachments,
  m0150SyncRefused,
  m0160Questions,
  m0170AgreementWords,
  m0180Online,
  m0190TopicModel,
];
