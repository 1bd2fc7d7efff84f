import type { SetupChecklist, SetupStep } from '../../../src-shared/domain/setup';
import { SETUP_STEPS } from '../../../src-shared/domain/setup';
import type { CoreServices } from '../services';

/** The first-start checklist, read from what the desk holds (nothing to tick by hand). */
export function setupChecklist(s: CoreServices): SetupChecklist {
  const { db } = s.ctx;
  const any = (table: 'officials' | 'services') =>
    db.prepare(`SELECT EXISTS (SELECT 1 FROM ${table} WHERE active = 1)`).pluck().get() === 1;
  // The sync status counts the outbox: read once, not once per step that needs it.
  const enrolled = s.sync.status().enrolled;
  const done: Record<SetupStep, boolean> = {
    officials: any('officials'),
    services: any('services'),
    deskCode: s.settings.value('desk_code_assigned') !== null || enrolled,
    central: enrolled,
    kioskPin: s.kiosk.read().pinSet,
  };
  return {
    steps: SETUP_STEPS.map((step) => ({ step, done: done[step] })),
    dismissed: s.settings.value('setup_checklist_dismissed') !== null,
  };
}

export function dismissSetupChecklist(s: CoreServices, dismissed: boolean): SetupChecklist {
  if (dismissed) s.settings.set('setup_checklist_dismissed', '1');
  else s.ctx.db.prepare("DELETE FROM settings WHERE key = 'setup_checklist_dismissed'").run();
  return setupChecklist(s);
}
