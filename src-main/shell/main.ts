import { app, BrowserWindow, Menu } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCore } from '../core/index';
import { registerIpc } from './ipc';
import { electronNativeBinding } from './native-binding';
import { hardenApp } from './security';
import { createMainWindow } from './windows';

/**
 * The Electron shell: windows, menu, preload and the IPC bridge. Everything else is the core,
 * which runs in this main process (see docs/architecture.md for why).
 */
const rendererUrl = process.env.ELECTRON_RENDERER_URL;
const rendererDir = join(__dirname, '../renderer');
const rendererBase = rendererUrl ?? pathToFileURL(rendererDir + '/').href;
const isAppUrl = (url: string) => url.startsWith(rendererBase);

if (!app.requestSingleInstanceLock()) app.quit();
app.enableSandbox();
hardenApp(isAppUrl);
Menu.setApplicationMenu(null);

app.whenReady().then(() => {
  const resourcesDir = app.isPackaged
    ? join(process.resourcesPath, 'resources')
    : join(app.getAppPath(), 'resources');
  const core = createCore({
    dataDir: join(app.getPath('userData'), 'data'),
    resourcesDir,
    version: app.getVersion(),
    nativeBinding: electronNativeBinding(),
  });
  registerIpc(core.dispatch, isAppUrl);
  createMainWindow(rendererUrl, rendererDir);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(rendererUrl, rendererDir);
  });
  app.on('will-quit', () => core.close());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
