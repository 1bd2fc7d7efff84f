import type { CoreContext } from './context';
import { createAppealsService } from './appeals/service';
import { createDrafts } from './appeals/drafts';
import { createClassifier } from './reference/classifier';
import { createOfficials } from './reference/officials';
import { createServices } from './reference/services';
import { createSettings } from './settings';

/** Every domain service of the desk, built once over one database. */
export function createCoreServices(ctx: CoreContext, meta: { version: string; dataDir: string }) {
  const settings = createSettings(ctx.db);
  return {
    ...meta,
    ctx,
    settings,
    appeals: createAppealsService(ctx, settings),
    drafts: createDrafts(ctx),
    officials: createOfficials(ctx),
    services: createServices(ctx),
    classifier: createClassifier(ctx, settings),
  };
}

export type CoreServices = ReturnType<typeof createCoreServices>;
