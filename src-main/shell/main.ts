import { app, BrowserWindow, dialog, Menu } from 'electron';
import { join } from 'node:path';
import { createCore, type Core } from '../core/index';
import { safeCodec, safeCredentialStore } from './credentials';
import { registerIpc } from './ipc';
import { electronNativeBinding } from './native-binding';
import { isAppUrl as isAppUrlOf, rendererBase } from './policy';
import { hardenApp } from './security';
import { openKioskWindow } from './kiosk-window';
import { createMainWindow } from './windows';
import { electronUpdatePort } from './updater';

/**
 * The Electron shell: windows, menu, preload and the IPC bridge. Everything else is the core,
 * which runs in this main process (see docs/architecture.md for why).
 */
const rendererUrl = process.env.ELECTRON_RENDERER_URL;
const rendererDir = join(__dirname, '../renderer');
const base = rendererBase(rendererUrl, rendererDir);
const isAppUrl = (url: string) => isAppUrlOf(base, url);

if (!app.requestSingleInstanceLock()) app.quit();
app.enableSandbox();
// In development the renderer comes from Vite's dev server, whose hot reload needs an inline
// script; built renderers carry the CSP in their HTML, and the header is added on top of it.
hardenApp(isAppUrl, { cspHeader: !rendererUrl });
// One menu, «Справка», shown with Alt (windows hide their menu bar): the user guide, which the
// renderer also opens with F1 and the «?» of each screen, at the page of that screen.
Menu.setApplicationMenu(
  Menu.buildFromTemplate([
    {
      label: 'Справка',
      submenu: [
        {
          label: 'Руководство пользователя',
          click: (_item, win) => {
            if (win instanceof BrowserWindow && isAppUrl(win.webContents.getURL()))
              void win.webContents.executeJavaScript("location.hash = '#/help'");
          },
        },
      ],
    },
  ]),
);

function openCore(): Core | null {
  const resourcesDir = app.isPackaged
    ? join(process.resourcesPath, 'resources')
    : join(app.getAppPath(), 'resources');
  try {
    const dataDir = join(app.getPath('userData'), 'data');
    const credentials = safeCredentialStore(dataDir);
    return createCore({
      dataDir,
      credentials,
      updatePort: electronUpdatePort(() => credentials.load()),
      backgroundUpdates: app.isPackaged,
      secretCodec: safeCodec(),
      backgroundSync: true,
      backgroundBackup: true,
      resourcesDir,
      version: app.getVersion(),
      nativeBinding: electronNativeBinding(),
    });
  } catch (error) {
    dialog.showErrorBox(
      'Отклик',
      `Не удалось открыть базу данных. Данные не изменены.\n\n${String(error)}\n\n` +
        'Если это первый запуск после установки из исходников, выполните «npm start»: он ' +
        'собирает модуль SQLite для Electron.',
    );
    return null;
  }
}

app.whenReady().then(() => {
  const core = openCore();
  if (!core) {
    app.quit();
    return;
  }
  registerIpc(core.call, core.dispatch, isAppUrl, () => openKioskWindow(rendererUrl, rendererDir));
  createMainWindow(rendererUrl, rendererDir);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(rendererUrl, rendererDir);
  });
  app.on('will-quit', () => core.close());
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});
