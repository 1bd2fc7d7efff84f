import type { Output } from '../../src-shared/contract/api';
import { call } from '../api/client';

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
