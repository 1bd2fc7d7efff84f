import { app, session, type WebContents } from 'electron';
import { permissionAnswer, windowOpenAnswer, withCsp } from './policy';

/**
 * Hardening applied to every web contents: no navigation away from the app, no new windows,
 * no webviews, no permissions, and the CSP on every response.
 */
export function hardenApp(isAppUrl: (url: string) => boolean, options: { cspHeader: boolean }) {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => windowOpenAnswer());
  });
  app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
      callback(permissionAnswer(permission)),
    );
    session.defaultSession.setPermissionCheckHandler((_wc, permission) =>
      permissionAnswer(permission),
    );
    if (!options.cspHeader) return;
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: withCsp(details.responseHeaders) });
    });
  });
}
