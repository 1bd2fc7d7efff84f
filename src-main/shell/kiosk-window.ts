import { BrowserWindow, screen } from 'electron';
import { join } from 'node:path';

/** Keys that would leave, reload or inspect the kiosk. */
function isBlocked(input: Electron.Input): boolean {
  const key = input.key.toLowerCase();
  if (['f5', 'f11', 'f12', 'escape'].includes(key)) return true;
  if (input.alt && key === 'f4') return true;
  if (input.control || input.meta) {
    return ['r', 'w', 'q', 'n', 't', 'p', 'i', 'j', 'l', 'o', 's', '+', '-', '=', '0'].includes(
      key,
    );
  }
  return false;
}

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
  const primary = screen.getPrimaryDisplay();
  const visitor = screen.getAllDisplays().find((d) => d.id !== primary.id) ?? primary;
  allowClose = false;
  // Spelled out like the main window's (see windows.ts) so electronegativity checks them.
  const win = new BrowserWindow({
    x: visitor.bounds.x,
    y: visitor.bounds.y,
    width: visitor.bounds.width,
    height: visitor.bounds.height,
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
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
    if (isBlocked(input)) event.preventDefault();
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
