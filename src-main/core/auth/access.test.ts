import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS, type Method } from '../../../src-shared/contract/api';
import { METHOD_ACCESS } from '../../../src-shared/contract/access';
import { ROLES, ROLE_CAPABILITIES, type Role } from '../../../src-shared/auth/roles';
import { tempCore } from '../../../test/helpers/temp-core';

/** Methods that act on the caller's own session: tested in sessions.test.ts. */
const SESSION_METHODS = new Set<Method>([
  'auth.setup',
  'auth.login',
  'auth.logout',
  'auth.lock',
  'auth.unlock',
]);

let core: ReturnType<typeof tempCore>;
const tokens = {} as Record<Role, string>;

// One desk for all cases: a let-through call with empty input changes nothing that matters here.
beforeAll(() => {
  core = tempCore();
  core.services.users.setup({
    login: 'admin',
    fullName: 'Администратор',
    password: 'admin-pass-1',
  });
  for (const role of ROLES) {
    if (role !== 'admin') {
      core.services.users.save({
        id: null,
        login: role,
        fullName: role,
        role,
        active: true,
        password: 'password-1',
      });
    }
    const login = role === 'admin' ? 'admin' : role;
    const password = role === 'admin' ? 'admin-pass-1' : 'password-1';
    const result = core.dispatch('auth.login', { login, password }, { session: null });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    tokens[role] = (result.result as { session: string }).session;
  }
});
afterAll(() => core.cleanup());

describe('role permissions', () => {
  it('name every contract method', () => {
    expect(Object.keys(METHOD_ACCESS).sort()).toEqual([...METHODS].sort());
  });

  // Every method, called from a window as every role, is let through exactly when the role has
  // the method's capability. Inputs are empty: a let-through call may then fail validation or
  // do its (harmless) work, but it is never "forbidden"; a refused one never reaches a handler.
  const cases = METHODS.filter((m) => !SESSION_METHODS.has(m)).flatMap((method) =>
    ROLES.map((role) => [method, role] as const),
  );
  it.each(cases)('%s as %s', async (method, role) => {
    const access = METHOD_ACCESS[method];
    const allowed =
      access === 'public' || access === 'signed_in' || ROLE_CAPABILITIES[role].includes(access);
    const result = await core.call(method, {}, { session: tokens[role] });
    const code = result.ok ? null : result.error.code;
    if (allowed) {
      expect(code).not.toBe('forbidden');
      expect(code).not.toBe('unauthenticated');
    } else {
      expect(code).toBe('forbidden');
    }
  });

  it('a window without a session reaches only the public methods', async () => {
    for (const method of METHODS.filter((m) => !SESSION_METHODS.has(m))) {
      const result = await core.call(method, {}, { session: null });
      const code = result.ok ? null : result.error.code;
      if (METHOD_ACCESS[method] === 'public') expect(code, method).not.toBe('unauthenticated');
      else expect(code, method).toBe('unauthenticated');
    }
  });

  it('a refused call writes nothing', async () => {
    const before = core.db.prepare('SELECT count(*) FROM officials').pluck().get();
    const result = await core.call(
      'officials.save',
      { fullName: 'Петров П. П.', position: 'Министр', active: true },
      { session: tokens.registrar },
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.db.prepare('SELECT count(*) FROM officials').pluck().get()).toBe(before);
  });

  it('the kiosk needs no sign-in', async () => {
    const result = await core.call('kiosk.state', { channel: 'kiosk' }, { session: null });
    expect(result.ok).toBe(true);
  });
});
