import type { Output } from '../../src-shared/contract/api';
import { SESSION_STORAGE_KEY } from '../../src-shared/contract/transport';
import { call } from '../api/client';

// The kiosk is the visitors' screen: it never carries an officer's sign-in, even where a
// browser copied the opener's sessionStorage or someone typed /kiosk into a signed-in tab.
sessionStorage.removeItem(SESSION_STORAGE_KEY);

/**
 * The kiosk's first state, asked for by the first module the entry evaluates, so the core
 * answers while React and Mantine are still being evaluated (issue 4's first-question time).
 * Taken once: later resets ask again.
 */
let first: Promise<Output<'kiosk.state'>> | null = call('kiosk.state', { channel: 'kiosk' });
first.catch(() => undefined); // a failure is reported when the kiosk takes it

export function takeFirstState(): Promise<Output<'kiosk.state'>> | null {
  const taken = first;
  first = null;
  return taken;
}
