import type { Method, Output, ParsedInput } from '../../src-shared/contract/api';
import type { CoreServices } from './services';
import { listAppeals } from './appeals/list';
import { findRepeatCandidates } from './appeals/repeats';
import { kioskState } from './surveys/kiosk-state';
import { dismissSetupChecklist, setupChecklist } from './setup/checklist';
import { syncHandlers } from './sync/handlers';
import { appealMetrics } from './reports/appeal-metrics';
import { classifierGroups } from './reports/classifier-groups';
import { surveyResults } from './reports/survey-results';
import { authHandlers } from './auth/handlers';
import type { Backups } from './backup/backups';
import { OtklikError } from '../../src-shared/contract/errors';
import type { User } from '../../src-shared/auth/roles';
import type { Actor } from './audit/trail';

/** What a handler knows of its caller, once the dispatcher has let the call through. */
export interface CallContext {
  /** The signed-in user of the calling window; null for the core itself or a public call. */
  user: User | null;
  /** The window's session token (auth.* methods act on it). */
  session: string | null;
  /** The call came from inside the core's process, not from a window. */
  trusted: boolean;
}

export type Handlers = {
  [M in Method]: (input: ParsedInput<M>, context: CallContext) => Output<M> | Promise<Output<M>>;
};

export function actorOf(context: CallContext): Actor | null {
  return context.user ? { userId: context.user.id, userName: context.user.fullName } : null;
}

/** The handler map: one function per contract method, grouped by capability. */
import { questionReport } from './reports/questions';
import { questionsInWork } from './deadlines/questions';

export function createHandlers(s: CoreServices, backups: Backups): Handlers {
  /** A synced record was written: background sync picks it up soon. */
  const changed = <T>(value: T): T => {
    s.sync.notifyChange();
    return value;
  };
  return {
    'app.info': () => ({
      version: s.version,
      deskCode: s.settings.deskCode(),
      dataDir: s.dataDir,
      classifierEdition: s.classifier.edition(),
      classifierSize: s.classifier.size(),
    }),
    'settings.setDeskCode': ({ deskCode }) => {
      s.settings.setDeskCode(deskCode);
      return { deskCode };
    },
    'appeals.create': ({ data, draftId, bookingId }, c) =>
      changed(s.appeals.create(data, { draftId, bookingId, actor: actorOf(c) })),
    'appeals.update': ({ id, expectedUpdatedAt, data, draftId }, c) =>
      changed(s.appeals.update(id, expectedUpdatedAt, data, draftId ?? null, actorOf(c))),
    'appeals.get': ({ id }) => s.appeals.get(id),
    'appeals.repeatCandidates': (q) => findRepeatCandidates(s.ctx, q),
    'appeals.list': ({ filter, offset, limit }) => listAppeals(s.ctx, filter, offset, limit),
    'drafts.save': ({ id, appealId, data }) => s.drafts.save(id, appealId, data),
    'drafts.list': () => s.drafts.list(),
    'drafts.get': ({ id }) => s.drafts.get(id),
    'drafts.discard': ({ id }) => s.drafts.discard(id),
    'officials.list': () => s.officials.list(),
    'officials.save': (input) => s.officials.save(input),
    'services.list': () => s.services.list(),
    'services.save': (input) => s.services.save(input),
    'classifier.search': ({ query, limit }) => s.classifier.search(query, limit),
    'classifier.get': ({ codes }) => s.classifier.get(codes),
    'classifier.sections': () => s.classifier.sections(),
    'classifier.children': ({ parent }) => s.classifierBrowser.children(parent),
    'classifier.favourites': () => s.classifierBrowser.favourites(),
    'classifier.setFavourite': ({ code, favourite }) =>
      s.classifierBrowser.setFavourite(code, favourite),
    'classifier.suggest': ({ text, limit }) => s.topics.suggest(text, limit),
    'classifier.suggestionFeedback': ({ shown, taken, modelVersion }) => {
      s.topics.recordFeedback(shown, taken, modelVersion);
      return { ok: true as const };
    },
    'classifier.suggestionStats': () => s.topics.feedbackStats(),
    'classifier.import': ({ csv, edition }) => {
      const result = s.classifier.importCsv(csv, edition);
      s.topics.reset();
      return result;
    },
    'surveys.templates': () => s.templates.list(),
    'surveys.template': ({ id }) => s.templates.get(id),
    'surveys.saveTemplate': ({ templateId, definition }) =>
      s.templates.save(templateId, definition),
    'surveys.duplicateTemplate': ({ id }) => s.templates.duplicate(id),
    'surveys.publishTemplate': ({ id }) => s.templates.publish(id),
    'surveys.campaigns': () => s.campaigns.list(),
    'surveys.saveCampaign': (input) => s.campaigns.save(input),
    'surveys.submit': (input) => {
      s.responses.submit(input);
      // No sync is started by an answer: responses wait until several are pending and then
      // travel on their own (docs/anonymity.md), so their arrival says nothing of this moment.
      return {};
    },
    'kiosk.state': ({ channel }) => kioskState(s, channel),
    'surveys.onlineAddress': ({ id }) => ({ url: s.online.forTemplate(id) }),
    'setup.checklist': () => setupChecklist(s),
    'updates.status': () => s.updates.status(),
    'updates.check': () => s.updates.check(),
    'updates.install': ({ editing }) => s.updates.install(editing),
    'setup.dismissChecklist': ({ dismissed }) => dismissSetupChecklist(s, dismissed),
    'kiosk.saveSettings': (input) => s.kiosk.save(input),
    'kiosk.verifyPin': ({ pin }) => ({ ok: s.kiosk.verifyPin(pin) }),
    'reports.appeals': ({ period }) => appealMetrics(s.ctx, period),
    'reports.classifierGroups': ({ period, parent }) => classifierGroups(s.ctx, period, parent),
    'reports.surveys': (input) => surveyResults(s.ctx, s.templates, input),
    'reports.export': ({ period, format, separator }) => ({
      jobId: s.exports.start(period, format, separator),
    }),
    'reports.exportStatus': ({ jobId }) => s.exports.status(jobId),
    'reports.exportCancel': ({ jobId }) => s.exports.cancel(jobId),
    ...syncHandlers(s),
    'backup.status': () => backups.status(),
    'backup.run': () => backups.run(),
    'backup.setFolder': ({ folder }) => {
      try {
        backups.setFolder(folder);
      } catch {
        throw new OtklikError('validation', 'backup folder', [
          { path: 'folder', message: 'folder_unwritable' },
        ]);
      }
      return backups.status();
    },
    'backup.recoveryKey': () => ({ recoveryKey: backups.recoveryKey() }),
    // The desk opened normally: there is nothing to recover.
    'recovery.status': () => ({
      needed: false,
      reason: null,
      folder: backups.folder(),
      backups: backups.list(),
      keyAvailable: true,
    }),
    'recovery.restore': () => {
      throw new OtklikError('conflict', 'not in recovery');
    },
    'recovery.startEmpty': () => {
      throw new OtklikError('conflict', 'not in recovery');
    },
    ...authHandlers(s),
    'schedule.month': ({ month }) => s.schedule.month(month),
    'schedule.saveEntry': (input) => s.schedule.saveEntry(input),
    'bookings.day': ({ date }) => s.schedule.day(date),
    'bookings.get': ({ id }) => s.schedule.booking(id),
    'bookings.save': (input) => s.schedule.saveBooking(input),
    'bookings.setStatus': ({ id, status }) => s.schedule.setStatus(id, status),
    'deadlines.memoTemplate': () => s.memos.template(),
    'deadlines.saveMemoTemplate': (t) => s.memos.saveTemplate(t),
    'deadlines.memo': ({ appealIds }, c) => s.memos.memo(appealIds, c.user?.fullName ?? null),
    'deadlines.questions': () => questionsInWork(s.ctx),
    'reports.questions': ({ period }) => questionReport(s.ctx, period),
    'sstu.settings': () => ({ departmentId: s.sstu.departmentId() || null }),
    'sstu.saveSettings': ({ departmentId }) => {
      s.sstu.setDepartmentId(departmentId);
      return { departmentId };
    },
    'sstu.check': ({ month }) => s.sstu.check(month),
    'sstu.file': ({ month, format }, c) => s.sstu.file(month, format, actorOf(c)),
    'attachments.list': ({ appealId }) => s.attachments.list(appealId),
    'attachments.add': ({ appealId, fileName, data }, c) =>
      changed(s.attachments.add(appealId, fileName, data, actorOf(c))),
    'attachments.get': ({ id }) => {
      const { attachment, bytes } = s.attachments.read(id);
      return { attachment, data: bytes.toString('base64') };
    },
    'attachments.remove': ({ id }, c) => {
      s.attachments.remove(id, actorOf(c));
      return {};
    },
  };
}
