import { BrowserWindow, screen } from 'electron';
import { join } from 'node:path';

import { isBlockedKioskKey, kioskPlacement } from './policy';

let kiosk: BrowserWindow | null = null;
let allowClose = false;

/**
 * The visitor's kiosk: full screen, kiosk mode, no menu, no devtools, shortcuts that would
 * leave or reload it swallowed, closing refused until the administrator's PIN is checked.
 * It opens on a second display when there is one, so the officer keeps the desk screen.
 */
export function openKioskWindow(rendererUrl: string | undefined, rendererDir: string) {
  if (kiosk && !kiosk.isDestroyed()) {
    kiosk.focus();
    return kiosk;
  }
  const { displayId: _display, ...placement } = kioskPlacement(
    screen.getAllDisplays(),
    screen.getPrimaryDisplay().id,
  );
  allowClose = false;
  // Spelled out like the main window's (see windows.ts) so electronegativity checks them.
  const win = new BrowserWindow({
    ...placement,
    title: 'Отклик — анкета',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      devTools: false,
      spellcheck: false,
    },
  });
  win.setMenu(null);
  win.webContents.on('before-input-event', (event, input) => {
    if (isBlockedKioskKey(input)) event.preventDefault();
  });
  win.on('close', (event) => {
    if (!allowClose) event.preventDefault();
  });
  win.on('closed', () => {
    kiosk = null;
  });
  if (rendererUrl) void win.loadURL(`${rendererUrl}/kiosk.html`);
  else void win.loadFile(join(rendererDir, 'kiosk.html'));
  kiosk = win;
  return win;
}

export function isKioskWindow(win: BrowserWindow | null): boolean {
  return win !== null && win === kiosk;
}

export function closeKioskWindow() {
  if (!kiosk || kiosk.isDestroyed()) return;
  allowClose = true;
  kiosk.close();
}
