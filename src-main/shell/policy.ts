import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security/csp';

/**
 * The shell's security decisions as plain functions (issue 19): no `electron` import here, so
 * they are unit-tested on machines without Electron's binary (policy.test.ts); the shell only
 * wires them to Electron's events. What Electron itself does with them is the desktop suite's
 * job (`npm run test:electron`, test/e2e/electron.spec.ts).
 */

/** Where the renderer is served from: the dev server's origin, or the built files' folder. */
export function rendererBase(rendererUrl: string | undefined, rendererDir: string): string {
  return rendererUrl ? `${new URL(rendererUrl).origin}/` : pathToFileURL(`${rendererDir}/`).href;
}

/**
 * Whether a URL shows our renderer: same origin (dev) or inside the renderer's folder (file://).
 * Compared after parsing, so `file:///…/renderer/../x`, `http://localhost:5173.evil` and
 * user-info tricks do not pass.
 */
export function isAppUrl(base: string, url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const root = new URL(base);
  if (parsed.protocol !== root.protocol) return false;
  if (parsed.protocol === 'file:') return parsed.href.startsWith(root.href);
  return parsed.origin === root.origin && parsed.username === '' && parsed.password === '';
}

/** Navigation and redirects stay inside the app; anything else is cancelled. */
export function allowNavigation(base: string, url: string): boolean {
  return isAppUrl(base, url);
}

/** No window is ever opened from a page (the kiosk opens through IPC, checked below). */
export function windowOpenAnswer(): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * Every permission a page may ask for (camera, microphone, geolocation, notifications, clipboard
 * reads, MIDI, …) is refused: the desk needs none of them; system notifications of deadlines
 * are shown by the main process, not by the page.
 */
export function permissionAnswer(_permission: string): boolean {
  return false;
}

/** The response headers with the renderer's CSP added (the dev server's responses too). */
export function withCsp(
  headers: Record<string, string[] | string> | undefined,
): Record<string, string[] | string> {
  const out: Record<string, string[] | string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    // One policy only: a server's own (weaker) policy header is replaced, not merged.
    if (name.toLowerCase() !== 'content-security-policy') out[name] = value;
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

/** An IPC call is served only for a frame that shows our renderer. */
export function isOurFrame(base: string, frameUrl: string | null | undefined): boolean {
  return typeof frameUrl === 'string' && isAppUrl(base, frameUrl);
}

export interface KeyInput {
  key: string;
  alt?: boolean;
  control?: boolean;
  meta?: boolean;
}

/** Keys that would leave, reload, print, zoom or inspect the kiosk. */
export function isBlockedKioskKey(input: KeyInput): boolean {
  const key = input.key.toLowerCase();
  if (['f5', 'f11', 'f12', 'escape', 'browserback', 'browserrefresh'].includes(key)) return true;
  if (input.alt && ['f4', 'arrowleft', 'arrowright', 'home'].includes(key)) return true;
  if (input.control || input.meta) {
    return [
      'r',
      'w',
      'q',
      'n',
      't',
      'p',
      'i',
      'j',
      'l',
      'o',
      's',
      'u',
      '+',
      '-',
      '=',
      '0',
    ].includes(key);
  }
  return false;
}

export interface DisplayInfo {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
}

/**
 * The kiosk's window: full screen, kiosk mode, no menu, on the visitors' display — a second
 * display when there is one, so the officer keeps the desk's screen.
 */
export function kioskPlacement(displays: readonly DisplayInfo[], primaryId: number) {
  const visitor =
    displays.find((d) => d.id !== primaryId) ??
    displays.find((d) => d.id === primaryId) ??
    displays[0];
  if (!visitor) throw new Error('no display');
  return {
    displayId: visitor.id,
    x: visitor.bounds.x,
    y: visitor.bounds.y,
    width: visitor.bounds.width,
    height: visitor.bounds.height,
    kiosk: true,
    fullscreen: true,
    autoHideMenuBar: true,
  } as const;
}
