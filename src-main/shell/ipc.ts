import { ipcMain, type WebFrameMain } from 'electron';
import { IPC_CHANNEL } from '../../src-shared/contract/transport';
import type { Dispatch } from '../core/dispatch';

/**
 * Bridges the preload's call() to the core. Only frames showing our own renderer may call;
 * the method and input are validated by the dispatcher against the contract.
 */
export function registerIpc(dispatch: Dispatch, isAppUrl: (url: string) => boolean) {
  ipcMain.handle(IPC_CHANNEL, (event, method: unknown, input: unknown) => {
    const frame: WebFrameMain | null = event.senderFrame;
    if (!frame || !isAppUrl(frame.url) || typeof method !== 'string') {
      return { ok: false, error: { code: 'forbidden' } };
    }
    return dispatch(method, input);
  });
}
