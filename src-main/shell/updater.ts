import { autoUpdater } from 'electron-updater';
import type { Credentials } from '../core/sync/credentials';
import type { UpdatePort } from '../core/updates/service';
import type { Platform } from '../../src-shared/updates/feed';

/**
 * Updates through electron-updater's generic provider pointed at the central's /updates/ (the
 * central serves each desk the release its stage offers it; docs/updates.md), with the desk's
 * enrollment key. Downloads only when the core's state machine asks, never installs by itself
 * except when the application is closed (autoInstallOnAppQuit): the core decides when.
 * Not run on the project's CI machines (no Electron binary there); the feed it reads and the
 * state machine that drives it are tested under Node.
 */
export function electronUpdatePort(credentials: () => Credentials | null): UpdatePort {
  const platform: Platform = process.platform === 'win32' ? 'windows' : 'linux';
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.allowDowngrade = false;
  return {
    async check() {
      const c = credentials();
      if (!c) return null;
      autoUpdater.setFeedURL({
        provider: 'generic',
        url: `${c.serverUrl.replace(/\/$/, '')}/updates/${platform}/`,
      });
      autoUpdater.requestHeaders = { authorization: `Bearer ${c.token}` };
      const result = await autoUpdater.checkForUpdates();
      if (!result?.isUpdateAvailable) return null;
      const info = result.updateInfo;
      return {
        version: info.version,
        releaseDate: info.releaseDate,
        files: info.files.map((f) => ({ url: f.url, sha512: f.sha512, size: f.size ?? 0 })),
      };
    },
    async download(_info, progress) {
      const onProgress = (p: { percent: number }) => progress(p.percent / 100);
      autoUpdater.on('download-progress', onProgress);
      try {
        await autoUpdater.downloadUpdate();
      } finally {
        autoUpdater.off('download-progress', onProgress);
      }
    },
    install() {
      // Let the answer reach the window before the application quits.
      setTimeout(() => autoUpdater.quitAndInstall(false, true), 200);
      return true;
    },
  };
}
