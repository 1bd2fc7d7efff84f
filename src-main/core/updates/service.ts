import {
  installRefusal,
  type InstallRefusal,
  type UpdateStatus,
} from '../../../src-shared/updates/policy';
import { compareVersions, VERSION, type FeedInfo } from '../../../src-shared/updates/feed';

/**
 * How a desk fetches and installs an update. In Electron: electron-updater with its generic
 * provider pointed at the central's /updates/ (src-main/shell/updater.ts). Under plain Node
 * (browser mode, tests): the feed client of ./feed-client.ts, which speaks the same feed and
 * verifies the same SHA-512 but cannot replace a running application.
 */
export interface UpdatePort {
  /** The feed's newest release for this desk, or null when there is none (or no central). */
  check(): Promise<FeedInfo | null>;
  /** Fetches the release's installer (resuming a broken download) and verifies it. */
  download(info: FeedInfo, progress: (share: number) => void): Promise<void>;
  /** Quits and installs; false where this build cannot install (browser mode). */
  install(): boolean;
}

export interface UpdateServiceOptions {
  current: string;
  port: UpdatePort;
  /** A sync is writing: installing now would end it half-way. */
  syncing: () => boolean;
  now: () => Date;
}

/**
 * The desk's update state machine: idle → checking → (nothing newer: idle) | downloading →
 * ready | error; a failed check or download is retried at the next check; a ready update is
 * installed only when installRefusal (src-shared/updates/policy.ts) allows it.
 */
export function createUpdateService(o: UpdateServiceOptions) {
  let status: UpdateStatus = {
    phase: 'idle',
    current: o.current,
    next: null,
    progress: 0,
    error: null,
    checkedAt: null,
  };
  let running: Promise<UpdateStatus> | null = null;
  const set = (patch: Partial<UpdateStatus>) => (status = { ...status, ...patch });

  async function run(): Promise<UpdateStatus> {
    if (!VERSION.test(o.current)) {
      return set({
        phase: 'unavailable',
        error: `Сборка без номера версии (${o.current.slice(0, 40)}): обновления не проверяются.`,
      });
    }
    const wasReady = status.phase === 'ready' ? status.next : null;
    set({ phase: 'checking', error: null });
    try {
      const info = await o.port.check();
      set({ checkedAt: o.now().toISOString() });
      if (!info || compareVersions(info.version, o.current) <= 0) {
        // Withdrawn at the central: a downloaded release is not installed any more.
        return set({ phase: 'idle', next: null, progress: 0 });
      }
      if (wasReady === info.version) return set({ phase: 'ready' });
      set({ phase: 'downloading', next: info.version, progress: 0 });
      await o.port.download(info, (share) => set({ progress: Math.max(0, Math.min(1, share)) }));
      return set({ phase: 'ready', progress: 1 });
    } catch (e) {
      return set({
        phase: 'error',
        error: e instanceof Error ? e.message : String(e),
        checkedAt: o.now().toISOString(),
      });
    }
  }

  return {
    status: () => status,
    /** One check (and download) at a time; a second call waits for the first. */
    check(): Promise<UpdateStatus> {
      running ??= run().finally(() => (running = null));
      return running;
    },
    /** Installs now if nothing is at risk; says why not otherwise. */
    install(editing: boolean): {
      installing: boolean;
      refusal: InstallRefusal | 'unsupported' | null;
    } {
      const refusal = installRefusal({ phase: status.phase, editing, syncing: o.syncing() });
      if (refusal) return { installing: false, refusal };
      return o.port.install()
        ? { installing: true, refusal: null }
        : { installing: false, refusal: 'unsupported' };
    },
  };
}

export type UpdateService = ReturnType<typeof createUpdateService>;
