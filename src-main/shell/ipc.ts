import { BrowserWindow, ipcMain, type WebFrameMain } from 'electron';
import { IPC_CHANNEL, IPC_EXIT_KIOSK, IPC_OPEN_KIOSK } from '../../src-shared/contract/transport';
import type { AsyncDispatch, Dispatch } from '../core/dispatch';
import { closeKioskWindow, isKioskWindow } from './kiosk-window';

/**
 * Bridges the preload's call() to the core. Only frames showing our own renderer may call;
 * the method and input are validated by the dispatcher against the contract.
 */
export function registerIpc(
  call: AsyncDispatch,
  dispatch: Dispatch,
  isAppUrl: (url: string) => boolean,
  openKiosk: () => void,
) {
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, input: unknown, session: unknown) => {
    const frame: WebFrameMain | null = event.senderFrame;
    if (!frame || !isAppUrl(frame.url) || typeof method !== 'string') {
      // A frame that is not ours (another page, a sub-frame) gets nothing but a refusal.
      return { ok: false, error: { code: 'forbidden' } };
    }
    // Every window's call is checked against its session (the kiosk window has none).
    return call(method, input, { session: typeof session === 'string' ? session : null });
  });

  // The officer's window opens the kiosk; only the kiosk window can ask to close itself, and
  // only with a PIN the core accepts.
  ipcMain.handle(IPC_OPEN_KIOSK, (event) => {
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url)) return;
    if (isKioskWindow(BrowserWindow.fromWebContents(event.sender))) return;
    openKiosk();
  });
  ipcMain.handle(IPC_EXIT_KIOSK, (event, pin: unknown) => {
    if (!isKioskWindow(BrowserWindow.fromWebContents(event.sender))) return false;
    const result = dispatch('kiosk.verifyPin', { pin });
    const ok = result.ok && (result.result as { ok: boolean }).ok;
    if (ok) closeKioskWindow();
    return ok;
  });
}
