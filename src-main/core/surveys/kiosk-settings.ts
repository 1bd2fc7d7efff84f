import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { OtklikError } from '../../../src-shared/contract/errors';
import type { CoreContext } from '../context';
import type { Settings } from '../settings';

export interface KioskSettings {
  idleSeconds: number;
  keepPartial: boolean;
  pinSet: boolean;
}

const MAX_FAILURES = 5;
const LOCKOUT_MS = 60_000;
/** Each further lockout in a row doubles, up to an hour. */
const MAX_LOCKOUT_MS = 60 * 60_000;

/**
 * Kiosk behaviour and the administrator's exit PIN. The PIN (6–8 digits) is stored as a salted
 * scrypt hash; after five wrong PINs in a row the kiosk refuses every PIN for a minute, then
 * two, four… up to an hour. The count and the lockout live in the database, so restarting the
 * kiosk PC does not give a guesser fresh tries.
 */
export function createKioskSettings(ctx: CoreContext, settings: Settings) {
  const num = (key: string) => Number(settings.value(key) ?? 0);

  const read = (): KioskSettings => ({
    idleSeconds: Number(settings.value('kiosk_idle_seconds') ?? 60),
    keepPartial: settings.value('kiosk_keep_partial') === 'keep',
    pinSet: settings.value('kiosk_pin') !== null,
  });

  return {
    read,
    save(input: { idleSeconds: number; keepPartial: boolean; pin?: string | undefined }) {
      settings.set('kiosk_idle_seconds', String(input.idleSeconds));
      settings.set('kiosk_keep_partial', input.keepPartial ? 'keep' : 'discard');
      if (input.pin) {
        const salt = randomBytes(16);
        settings.set(
          'kiosk_pin',
          `${salt.toString('hex')}:${scryptSync(input.pin, salt, 32).toString('hex')}`,
        );
      }
      return read();
    },
    verifyPin(pin: string): boolean {
      const now = ctx.now().getTime();
      if (now < num('kiosk_pin_locked_until')) {
        throw new OtklikError('forbidden', 'too many wrong PINs');
      }
      const stored = settings.value('kiosk_pin');
      if (!stored) return false;
      const [salt, hash] = stored.split(':') as [string, string];
      const ok = timingSafeEqual(
        scryptSync(pin, Buffer.from(salt, 'hex'), 32),
        Buffer.from(hash, 'hex'),
      );
      if (ok) {
        settings.set('kiosk_pin_failures', '0');
        settings.set('kiosk_pin_lockouts', '0');
        return true;
      }
      const failures = num('kiosk_pin_failures') + 1;
      if (failures >= MAX_FAILURES) {
        const lockouts = num('kiosk_pin_lockouts');
        const span = Math.min(MAX_LOCKOUT_MS, LOCKOUT_MS * 2 ** lockouts);
        settings.set('kiosk_pin_failures', '0');
        settings.set('kiosk_pin_lockouts', String(lockouts + 1));
        settings.set('kiosk_pin_locked_until', String(now + span));
      } else {
        settings.set('kiosk_pin_failures', String(failures));
      }
      return false;
    },
  };
}
