import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security/csp';
import {
  allowNavigation,
  isAppUrl,
  isBlockedKioskKey,
  isOurFrame,
  kioskPlacement,
  permissionAnswer,
  rendererBase,
  windowOpenAnswer,
  withCsp,
} from './policy';

/** The shell's decisions, tested where Electron's binary is missing (issue 19). */
const built = rendererBase(undefined, '/opt/otklik/resources/app/out/renderer');
const dev = rendererBase('http://localhost:5173/index.html', '/unused');

describe('which URLs are the app', () => {
  it('the built renderer: its own folder only', () => {
    expect(built).toBe('file:///opt/otklik/resources/app/out/renderer/');
    for (const url of [
      'file:///opt/otklik/resources/app/out/renderer/index.html',
      'file:///opt/otklik/resources/app/out/renderer/kiosk.html#/x',
    ]) {
      expect(isAppUrl(built, url), url).toBe(true);
    }
    for (const url of [
      'file:///opt/otklik/resources/app/out/renderer-evil/index.html',
      'file:///opt/otklik/resources/app/out/renderer/../main/index.cjs',
      'file:///etc/passwd',
      'https://example.org/',
      'http://localhost:5173/',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(built, url), url).toBe(false);
    }
  });

  it('the dev server: its origin only', () => {
    expect(dev).toBe('http://localhost:5173/');
    expect(isAppUrl(dev, 'http://localhost:5173/#/appeals')).toBe(true);
    for (const url of [
      'http://localhost:5173.evil.example/',
      'http://localhost:5174/',
      'https://localhost:5173/',
      'http://user:pass@localhost:5173/',
      'http://127.0.0.1:5173/',
    ]) {
      expect(isAppUrl(dev, url), url).toBe(false);
    }
  });

  it('navigation leaves the app never, and no page opens a window', () => {
    expect(allowNavigation(built, 'https://example.org/')).toBe(false);
    expect(allowNavigation(built, `${built}index.html#/sync`)).toBe(true);
    expect(windowOpenAnswer()).toEqual({ action: 'deny' });
  });

  it('IPC is served only to frames that show our renderer', () => {
    expect(isOurFrame(built, `${built}index.html`)).toBe(true);
    expect(isOurFrame(built, 'https://example.org/')).toBe(false);
    expect(isOurFrame(built, 'about:blank')).toBe(false);
    expect(isOurFrame(built, null)).toBe(false);
    expect(isOurFrame(built, undefined)).toBe(false);
  });
});

describe('permissions and headers', () => {
  it('refuses every permission a page can ask for', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'midi',
      'openExternal',
      'fullscreen',
      'pointerLock',
      'unknown',
    ]) {
      expect(permissionAnswer(p), p).toBe(false);
    }
  });

  it('puts the one CSP on every response, replacing a server’s own', () => {
    const headers = withCsp({
      'content-type': ['text/html'],
      'Content-Security-Policy': ["default-src *; script-src 'unsafe-inline'"],
      'content-security-policy': ['script-src *'],
    });
    expect(headers).toEqual({
      'content-type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe/);
    expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('the kiosk window', () => {
  it('swallows the keys that would leave, reload, print or inspect it', () => {
    for (const input of [
      { key: 'F5' },
      { key: 'F11' },
      { key: 'F12' },
      { key: 'Escape' },
      { key: 'F4', alt: true },
      { key: 'ArrowLeft', alt: true },
      { key: 'r', control: true },
      { key: 'R', control: true },
      { key: 'w', control: true },
      { key: 'p', meta: true },
      { key: 'i', control: true },
      { key: 'u', control: true },
      { key: '+', control: true },
      { key: '0', control: true },
    ]) {
      expect(isBlockedKioskKey(input), JSON.stringify(input)).toBe(true);
    }
    for (const input of [
      { key: 'a' },
      { key: '5' },
      { key: 'Enter' },
      { key: 'Tab' },
      { key: 'r' },
    ]) {
      expect(isBlockedKioskKey(input), JSON.stringify(input)).toBe(false);
    }
  });

  it('opens full screen in kiosk mode on the second display when there is one', () => {
    const primary = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
    const second = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 1024 } };
    expect(kioskPlacement([primary, second], 1)).toEqual({
      displayId: 2,
      x: 1920,
      y: 0,
      width: 1280,
      height: 1024,
      kiosk: true,
      fullscreen: true,
      autoHideMenuBar: true,
    });
    expect(kioskPlacement([second, primary], 1).displayId).toBe(2);
    expect(kioskPlacement([primary], 1)).toMatchObject({ displayId: 1, kiosk: true });
    expect(() => kioskPlacement([], 1)).toThrow();
  });
});
