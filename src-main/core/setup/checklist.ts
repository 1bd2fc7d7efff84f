import type { SetupChecklist, SetupStep } from '../../../src-shared/domain/setup';
import { SETUP_STEPS } from '../../../src-shared/domain/setup';
import type { CoreServices } from '../services';

/** The first-start checklist, read from what the desk holds (nothing to tick by hand). */
export function setupChecklist(s: CoreServices): SetupChecklist {
  const { db } = s.ctx;
  const count = (sql: string) => db.prepare(sql).pluck().get() as number;
  const done: Record<SetupStep, () => boolean> = {
    officials: () => count('SELECT count(*) FROM officials WHERE active = 1') > 0,
    services: () => count('SELECT count(*) FROM services WHERE active = 1') > 0,
    deskCode: () => s.settings.value('desk_code_assigned') !== null || s.sync.status().enrolled,
    central: () => s.sync.status().enrolled,
    kioskPin: () => s.kiosk.read().pinSet,
  };
  return {
    steps: SETUP_STEPS.map((step) => ({ step, done: done[step]() })),
    dismissed: s.settings.value('setup_checklist_dismissed') !== null,
  };
}

export function dismissSetupChecklist(s: CoreServices, dismissed: boolean): SetupChecklist {
  if (dismissed) s.settings.set('setup_checklist_dismissed', '1');
  else s.ctx.db.prepare("DELETE FROM settings WHERE key = 'setup_checklist_dismissed'").run();
  return setupChecklist(s);
}
