import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore } from '../../../test/helpers/temp-core';
import { LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS } from './users';
import { DEFAULT_LOCK_MINUTES } from './sessions';

let clock = new Date('2026-11-25T09:00:00Z');
let core: ReturnType<typeof tempCore>;
const windowOf = (session: string | null) => ({ session });
const minutes = (n: number) => (clock = new Date(clock.getTime() + n * 60_000));

beforeEach(() => {
  clock = new Date('2026-11-25T09:00:00Z');
  core = tempCore(() => clock);
});
afterEach(() => core.cleanup());

async function call(method: string, input: unknown, session: string | null) {
  return core.call(method, input, windowOf(session));
}

async function signIn(login: string, password: string): Promise<string> {
  const r = await call('auth.login', { login, password }, null);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return (r.result as { session: string }).session;
}

describe('first start', () => {
  it('creates the administrator once, signed in, and never again', async () => {
    expect(await call('auth.status', {}, null)).toMatchObject({
      ok: true,
      result: { needsSetup: true, user: null },
    });
    const setup = await call(
      'auth.setup',
      { login: 'Admin', fullName: 'Сидорова А. А.', password: 'длинный-пароль' },
      null,
    );
    expect(setup).toMatchObject({
      ok: true,
      result: { needsSetup: false, user: { login: 'admin', role: 'admin' }, locked: false },
    });
    const again = await call(
      'auth.setup',
      { login: 'intruder', fullName: 'X', password: 'password-2' },
      null,
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const hash = core.db.prepare('SELECT password_hash FROM users').pluck().get() as string;
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(hash).not.toContain('длинный-пароль');
  });

  it('refuses a short password with a field message', async () => {
    const r = await call('auth.setup', { login: 'admin', fullName: 'А', password: 'short' }, null);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ path: 'password', message: 'password_short' }] },
    });
  });
});

describe('sign-in and lockout', () => {
  beforeEach(() => {
    core.services.users.setup({ login: 'admin', fullName: 'Админ', password: 'right-password' });
  });

  it('answers the same for an unknown login and a wrong password', async () => {
    for (const [login, password] of [
      ['nobody', 'right-password'],
      ['admin', 'wrong-password'],
    ]) {
      expect(await call('auth.login', { login, password }, null)).toMatchObject({
        ok: false,
        error: { issues: [{ path: 'password', message: 'wrong_credentials' }] },
      });
    }
  });

  it(`locks the account after ${MAX_FAILED_ATTEMPTS} failures, even for the right password, for ${LOCKOUT_MINUTES} minutes`, async () => {
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      const r = await call('auth.login', { login: 'admin', password: `bad-${i}` }, null);
      expect(r).toMatchObject({ error: { issues: [{ message: 'wrong_credentials' }] } });
    }
    const last = await call('auth.login', { login: 'admin', password: 'bad-last' }, null);
    expect(last).toMatchObject({ error: { issues: [{ message: 'account_locked' }] } });
    const right = await call('auth.login', { login: 'admin', password: 'right-password' }, null);
    expect(right).toMatchObject({ error: { issues: [{ message: 'account_locked' }] } });
    minutes(LOCKOUT_MINUTES - 1);
    expect(
      await call('auth.login', { login: 'admin', password: 'right-password' }, null),
    ).toMatchObject({ ok: false });
    minutes(2);
    expect(
      (await call('auth.login', { login: 'admin', password: 'right-password' }, null)).ok,
    ).toBe(true);
  });

  it('a success resets the count of failures', async () => {
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      await call('auth.login', { login: 'admin', password: 'bad' }, null);
    }
    await signIn('admin', 'right-password');
    const r = await call('auth.login', { login: 'admin', password: 'bad' }, null);
    expect(r).toMatchObject({ error: { issues: [{ message: 'wrong_credentials' }] } });
  });
});

describe('screen lock', () => {
  let token: string;
  beforeEach(async () => {
    core.services.users.setup({ login: 'admin', fullName: 'Админ', password: 'right-password' });
    token = await signIn('admin', 'right-password');
  });

  it(`locks after ${DEFAULT_LOCK_MINUTES} minutes without a call; the user's password opens it`, async () => {
    minutes(DEFAULT_LOCK_MINUTES - 1);
    expect((await call('officials.list', {}, token)).ok).toBe(true);
    minutes(DEFAULT_LOCK_MINUTES - 1);
    expect((await call('officials.list', {}, token)).ok).toBe(true);
    minutes(DEFAULT_LOCK_MINUTES + 1);
    expect(await call('officials.list', {}, token)).toMatchObject({
      ok: false,
      error: { code: 'session_locked' },
    });
    expect(await call('auth.status', {}, token)).toMatchObject({ result: { locked: true } });
    expect(await call('auth.unlock', { password: 'wrong' }, token)).toMatchObject({
      error: { issues: [{ message: 'wrong_password' }] },
    });
    expect(await call('auth.unlock', { password: 'right-password' }, token)).toMatchObject({
      ok: true,
      result: { locked: false },
    });
    expect((await call('officials.list', {}, token)).ok).toBe(true);
  });

  it('locks by hand and follows the administrator’s lock time', async () => {
    await call('auth.lock', {}, token);
    expect(await call('appeals.list', { filter: {}, offset: 0, limit: 1 }, token)).toMatchObject({
      error: { code: 'session_locked' },
    });
    await call('auth.unlock', { password: 'right-password' }, token);
    expect((await call('users.setLockMinutes', { minutes: 2 }, token)).ok).toBe(true);
    minutes(3);
    expect(await call('officials.list', {}, token)).toMatchObject({
      error: { code: 'session_locked' },
    });
  });

  it('signing out ends the session; another window keeps its own', async () => {
    const other = await signIn('admin', 'right-password');
    await call('auth.logout', {}, token);
    expect(await call('officials.list', {}, token)).toMatchObject({
      error: { code: 'unauthenticated' },
    });
    expect((await call('officials.list', {}, other)).ok).toBe(true);
  });
});

describe('users', () => {
  let admin: string;
  beforeEach(async () => {
    core.services.users.setup({ login: 'admin', fullName: 'Админ', password: 'right-password' });
    admin = await signIn('admin', 'right-password');
  });
  const user = (fields: Record<string, unknown>) => ({
    id: null,
    login: 'reg',
    fullName: 'Регистратор',
    role: 'registrar',
    active: true,
    password: 'password-1',
    ...fields,
  });

  it('a switched-off user is signed out at once and cannot sign in', async () => {
    const saved = await call('users.save', user({}), admin);
    const id = (saved as { result: { id: string } }).result.id;
    const reg = await signIn('reg', 'password-1');
    await call('users.save', user({ id, active: false, password: null }), admin);
    expect(await call('appeals.list', { filter: {}, offset: 0, limit: 1 }, reg)).toMatchObject({
      error: { code: 'unauthenticated' },
    });
    expect(await call('auth.login', { login: 'reg', password: 'password-1' }, null)).toMatchObject({
      error: { issues: [{ message: 'wrong_credentials' }] },
    });
  });

  it('keeps at least one administrator and refuses a taken login', async () => {
    const adminId = core.services.users.list()[0]!.id;
    expect(
      await call(
        'users.save',
        user({ id: adminId, login: 'admin', role: 'registrar', password: null }),
        admin,
      ),
    ).toMatchObject({ error: { issues: [{ path: 'role', message: 'last_admin' }] } });
    expect(await call('users.save', user({ login: 'ADMIN' }), admin)).toMatchObject({
      error: { issues: [{ path: 'login', message: 'login_taken' }] },
    });
  });

  it('a new password from the administrator also lifts a lockout', async () => {
    const saved = await call('users.save', user({}), admin);
    const id = (saved as { result: { id: string } }).result.id;
    for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) {
      await call('auth.login', { login: 'reg', password: 'bad' }, null);
    }
    await call('users.save', user({ id, password: 'new-password-2' }), admin);
    expect((await call('auth.login', { login: 'reg', password: 'new-password-2' }, null)).ok).toBe(
      true,
    );
  });

  it('changing one’s own password needs the current one', async () => {
    expect(
      await call('auth.changePassword', { current: 'bad', next: 'next-password' }, admin),
    ).toMatchObject({ error: { issues: [{ path: 'current', message: 'wrong_password' }] } });
    await call('auth.changePassword', { current: 'right-password', next: 'next-password' }, admin);
    expect((await call('auth.login', { login: 'admin', password: 'next-password' }, null)).ok).toBe(
      true,
    );
  });
});
