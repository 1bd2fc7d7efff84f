import { BrowserWindow } from 'electron';
import { join } from 'node:path';

/** The officer's window. Its renderer is the officer app (index.html). */
export function createMainWindow(rendererUrl: string | undefined, rendererDir: string) {
  // webPreferences are spelled out here (not built by a helper) so that static checkers such as
  // electronegativity can see every security setting of the window.
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Отклик',
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
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => win.show());
  if (rendererUrl) void win.loadURL(rendererUrl);
  else void win.loadFile(join(rendererDir, 'index.html'));
  return win;
}
