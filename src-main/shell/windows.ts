import { BrowserWindow } from 'electron';
import { join } from 'node:path';

const webPreferences = (preload: string) => ({
  preload,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: true,
});

/** The officer's window. Its renderer is the officer app (index.html). */
export function createMainWindow(rendererUrl: string | undefined, rendererDir: string) {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Отклик',
    webPreferences: webPreferences(join(__dirname, '../preload/index.cjs')),
  });
  win.once('ready-to-show', () => win.show());
  if (rendererUrl) void win.loadURL(rendererUrl);
  else void win.loadFile(join(rendererDir, 'index.html'));
  return win;
}
