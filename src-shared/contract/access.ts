import type { Capability } from '../auth/roles';
import type { Method } from './api';

/**
 * Who may call each contract method:
 * - `public`: anyone, no user signed in (the kiosk, sign-in itself, the desk's name);
 * - `signed_in`: any signed-in user with an unlocked screen;
 * - a capability: a signed-in user whose role has it (roles.ts).
 * The dispatcher checks this before validating input; the test in access.test.ts calls every
 * method as every role.
 */
export type Access = 'public' | 'signed_in' | Capability;

export const METHOD_ACCESS: { readonly [M in Method]: Access } = {
  'app.info': 'public',
  'settings.setDeskCode': 'settings.manage',
  'appeals.create': 'cards.write',
  'appeals.update': 'cards.write',
  'appeals.get': 'cards.read',
  'appeals.repeatCandidates': 'cards.read',
  'appeals.list': 'cards.read',
  'drafts.save': 'cards.write',
  'drafts.list': 'cards.write',
  'drafts.get': 'cards.write',
  'drafts.discard': 'cards.write',
  'officials.list': 'reference.read',
  'officials.save': 'reference.manage',
  'services.list': 'reference.read',
  'services.save': 'reference.manage',
  'classifier.search': 'reference.read',
  'classifier.get': 'reference.read',
  'classifier.sections': 'reference.read',
  'classifier.children': 'reference.read',
  'classifier.favourites': 'reference.read',
  'classifier.setFavourite': 'cards.write',
  'classifier.suggest': 'reference.read',
  'classifier.import': 'reference.manage',
  'surveys.templates': 'signed_in',
  'surveys.template': 'signed_in',
  'surveys.saveTemplate': 'surveys.manage',
  'surveys.duplicateTemplate': 'surveys.manage',
  'surveys.publishTemplate': 'surveys.manage',
  'surveys.campaigns': 'signed_in',
  'surveys.saveCampaign': 'surveys.manage',
  // The kiosk and the paper form: anonymous by design, no user (docs/anonymity.md).
  'surveys.submit': 'public',
  'kiosk.state': 'public',
  'kiosk.verifyPin': 'public',
  'kiosk.saveSettings': 'settings.manage',
  'sync.status': 'signed_in',
  'sync.now': 'sync.run',
  'sync.enroll': 'sync.manage',
  'sync.leave': 'sync.manage',
  'sync.refused': 'sync.manage',
  'sync.setPackageKey': 'sync.manage',
  'backup.status': 'settings.manage',
  'backup.run': 'settings.manage',
  'backup.setFolder': 'settings.manage',
  'backup.recoveryKey': 'settings.manage',
  // A damaged database holds no users: recovery is open to whoever sits at the desk, and
  // only while the desk is in recovery (docs/security.md).
  'recovery.status': 'public',
  'recovery.restore': 'public',
  'recovery.startEmpty': 'public',
  'sync.exportRefused': 'sync.manage',
  'sync.discardRefused': 'sync.manage',
  'sync.exportPackage': 'sync.run',
  'reports.appeals': 'reports.read',
  'reports.classifierGroups': 'reports.read',
  'reports.surveys': 'reports.read',
  'reports.export': 'reports.read',
  'reports.exportStatus': 'reports.read',
  'reports.exportCancel': 'reports.read',
  // Each of these checks its own session state (a locked screen may still unlock or sign out).
  'auth.status': 'public',
  'auth.setup': 'public',
  'auth.login': 'public',
  'auth.logout': 'public',
  'auth.lock': 'public',
  'auth.unlock': 'public',
  'auth.changePassword': 'signed_in',
  'users.list': 'users.manage',
  'users.save': 'users.manage',
  'users.setLockMinutes': 'users.manage',
  'audit.forAppeal': 'audit.read',
  'schedule.month': 'cards.read',
  'schedule.saveEntry': 'schedule.write',
  'bookings.day': 'cards.read',
  'bookings.get': 'cards.read',
  'bookings.save': 'schedule.write',
  'bookings.setStatus': 'schedule.write',
  'attachments.list': 'cards.read',
  'attachments.add': 'cards.write',
  'attachments.get': 'cards.read',
  'attachments.remove': 'cards.write',
  'deadlines.memoTemplate': 'cards.read',
  'deadlines.saveMemoTemplate': 'settings.manage',
  'deadlines.memo': 'cards.write',
};
