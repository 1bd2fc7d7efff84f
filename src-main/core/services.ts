import type { CoreContext } from './context';
import { createAppealsService } from './appeals/service';
import { createDrafts } from './appeals/drafts';
import { createClassifier } from './reference/classifier';
import { createOfficials } from './reference/officials';
import { createServices } from './reference/services';
import { createSettings } from './settings';
import { createCampaigns } from './surveys/campaigns';
import { createKioskSettings } from './surveys/kiosk-settings';
import { createResponses } from './surveys/responses';
import { createTemplates } from './surveys/templates';
import { createClock } from './sync/clock';
import { createSyncEngine, type SyncEngineOptions } from './sync/engine';
import { createJournal } from './sync/journal';
import { createSyncStore } from './sync/store';
import { createExports } from './reports/export/exports';
import { createUsers } from './auth/users';
import { createSessions } from './auth/sessions';
import { createSchedule } from './schedule/schedule';
import { createClassifierBrowser } from './reference/favourites';
import { createTopicSuggester } from './topics/service';
import { createAttachments } from './attachments/store';
import { createMemos } from './deadlines/memo';
import { createSstuReports } from './reports/sstu';
import { join } from 'node:path';
import { createUpdateService, type UpdatePort } from './updates/service';
import { createFeedClient } from './updates/feed-client';
import { createOnlineLinks } from './surveys/online-links';

/** Every domain service of the desk, built once over one database. */
export function createCoreServices(
  ctx: CoreContext,
  meta: { version: string; dataDir: string; updatePort?: UpdatePort | undefined },
  syncOptions: SyncEngineOptions,
) {
  const settings = createSettings(ctx.db);
  const templates = createTemplates(ctx);
  const campaigns = createCampaigns(ctx, settings);
  const clock = createClock(ctx, settings);
  const journal = createJournal(ctx, clock);
  const schedule = createSchedule(ctx);
  const appeals = createAppealsService(ctx, settings, journal, schedule);
  const syncStore = createSyncStore(ctx, settings, clock, journal, appeals);
  const users = createUsers(ctx);
  const classifier = createClassifier(ctx, settings);
  const attachments = createAttachments(ctx, meta.dataDir);
  const topics = createTopicSuggester(ctx, classifier);
  const sync = createSyncEngine(ctx, settings, clock, syncStore, attachments, topics, {
    appVersion: meta.version,
    ...syncOptions,
  });
  return {
    ...meta,
    ctx,
    settings,
    users,
    sessions: createSessions(ctx, settings, users),
    appeals,
    schedule,
    syncStore,
    clock,
    credentials: syncOptions.credentials,
    online: createOnlineLinks(ctx, () => syncOptions.credentials.load()?.officeCode ?? null),
    attachments,
    memos: createMemos(ctx, settings, appeals),
    sstu: createSstuReports(ctx, settings, appeals, attachments),
    sync,
    updates: createUpdateService({
      current: meta.version,
      port:
        meta.updatePort ??
        createFeedClient({
          credentials: () => syncOptions.credentials.load(),
          platform: process.platform === 'win32' ? 'windows' : 'linux',
          dir: join(meta.dataDir, 'updates'),
        }),
      syncing: () => sync.status().running,
      now: ctx.now,
    }),
    drafts: createDrafts(ctx),
    officials: createOfficials(ctx),
    services: createServices(ctx),
    classifier,
    classifierBrowser: createClassifierBrowser(ctx, classifier),
    topics,
    templates,
    campaigns,
    responses: createResponses(ctx, settings, templates, campaigns),
    kiosk: createKioskSettings(ctx, settings),
    exports: createExports(ctx, settings, templates, meta.dataDir),
  };
}

export type CoreServices = ReturnType<typeof createCoreServices>;
