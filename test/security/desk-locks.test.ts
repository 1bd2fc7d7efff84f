import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/index';
import { MAX_FAILED_ATTEMPTS } from '../../src-main/core/auth/users';
import { ok } from '../helpers/core-calls';
import { RESOURCES, tempCore, tempDir } from '../helpers/temp-core';

/** Point 8: a locked, unattended PC and a kiosk cannot be guessed open. */
let clock = new Date('2026-11-27T09:00:00Z');
const now = () => clock;
const later = (ms: number) => (clock = new Date(clock.getTime() + ms));

describe('screen unlock', () => {
  let core: ReturnType<typeof tempCore>;
  let token: string;
  beforeEach(async () => {
    clock = new Date('2026-11-27T09:00:00Z');
    core = tempCore(now);
    core.services.users.setup({ login: 'admin', fullName: 'Админ', password: 'right-password' });
    const r = await core.call(
      'auth.login',
      { login: 'admin', password: 'right-password' },
      {
        session: null,
      },
    );
    token = ok<{ session: string }>(r).session;
    await core.call('auth.lock', {}, { session: token });
  });
  afterEach(() => core.cleanup());

  it(`counts wrong passwords and locks the account after ${MAX_FAILED_ATTEMPTS}, as at sign-in`, async () => {
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) {
      expect(
        await core.call('auth.unlock', { password: `guess-${i}` }, { session: token }),
      ).toMatchObject({ ok: false, error: { issues: [{ message: 'wrong_password' }] } });
    }
    expect(
      await core.call('auth.unlock', { password: 'guess-last' }, { session: token }),
    ).toMatchObject({ ok: false, error: { issues: [{ message: 'account_locked' }] } });
    // Even the right password is refused while the account is locked…
    expect(
      await core.call('auth.unlock', { password: 'right-password' }, { session: token }),
    ).toMatchObject({ ok: false, error: { issues: [{ message: 'account_locked' }] } });
    // …and at the sign-in form too: the lock is the account's, not the window's.
    expect(
      await core.call(
        'auth.login',
        { login: 'admin', password: 'right-password' },
        {
          session: null,
        },
      ),
    ).toMatchObject({ ok: false, error: { issues: [{ message: 'account_locked' }] } });
    later(16 * 60_000);
    expect(
      await core.call('auth.unlock', { password: 'right-password' }, { session: token }),
    ).toMatchObject({ ok: true, result: { locked: false } });
  });
});

describe('kiosk exit PIN', () => {
  it('needs at least 6 digits', () => {
    const core = tempCore(now);
    try {
      for (const pin of ['1234', '12345', '12a456', '123456789']) {
        expect(
          core.dispatch('kiosk.saveSettings', { idleSeconds: 30, keepPartial: false, pin }),
        ).toMatchObject({ ok: false, error: { issues: [{ path: 'pin', message: 'pin_format' }] } });
      }
      expect(
        core.dispatch('kiosk.saveSettings', { idleSeconds: 30, keepPartial: false, pin: '975310' })
          .ok,
      ).toBe(true);
    } finally {
      core.cleanup();
    }
  });

  it('keeps its failure count and lockout across a restart, and backs off further', () => {
    const { dir, cleanup } = tempDir();
    const open = () => createCore({ dataDir: dir, resourcesDir: RESOURCES, version: 't', now });
    clock = new Date('2026-11-27T09:00:00Z');
    let core = open();
    try {
      ok(
        core.dispatch('kiosk.saveSettings', { idleSeconds: 30, keepPartial: false, pin: '975310' }),
      );
      for (let i = 0; i < 3; i++) core.dispatch('kiosk.verifyPin', { pin: '000000' });
      // A restart (power the kiosk off and on) must not reset the count.
      core.close();
      core = open();
      for (let i = 0; i < 2; i++) core.dispatch('kiosk.verifyPin', { pin: '000000' });
      const locked = { ok: false, error: { code: 'forbidden' } };
      expect(core.dispatch('kiosk.verifyPin', { pin: '975310' })).toMatchObject(locked);
      core.close();
      core = open();
      expect(core.dispatch('kiosk.verifyPin', { pin: '975310' })).toMatchObject(locked);
      later(61_000);
      // The second lockout in a row lasts twice as long.
      for (let i = 0; i < 5; i++) core.dispatch('kiosk.verifyPin', { pin: '000000' });
      later(61_000);
      expect(core.dispatch('kiosk.verifyPin', { pin: '975310' })).toMatchObject(locked);
      later(60_000);
      expect(ok<{ ok: boolean }>(core.dispatch('kiosk.verifyPin', { pin: '975310' })).ok).toBe(
        true,
      );
    } finally {
      core.close();
      cleanup();
    }
  });
});
