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

/** Every domain service of the desk, built once over one database. */
export function createCoreServices(ctx: CoreContext, meta: { version: string; dataDir: string }) {
  const settings = createSettings(ctx.db);
  const templates = createTemplates(ctx);
  const campaigns = createCampaigns(ctx);
  return {
    ...meta,
    ctx,
    settings,
    appeals: createAppealsService(ctx, settings),
    drafts: createDrafts(ctx),
    officials: createOfficials(ctx),
    services: createServices(ctx),
    classifier: createClassifier(ctx, settings),
    templates,
    campaigns,
    responses: createResponses(ctx, settings, templates, campaigns),
    kiosk: createKioskSettings(ctx, settings),
  };
}

export type CoreServices = ReturnType<typeof createCoreServices>;
