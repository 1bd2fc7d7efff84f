import { afterAll, describe, expect, it } from 'vitest';
import { tempCore } from '../helpers/temp-core';

/** Point 11: whatever is typed into a search box gets an answer, never an internal error. */
const core = tempCore();
afterAll(() => core.cleanup());

const NASTY = [
  '.,;:!?',
  '—',
  '%',
  '_',
  '\\',
  "'",
  '"',
  '*',
  '()',
  '«»',
  '   ',
  '\u0000',
  '💣',
  'NEAR(',
  'AND OR NOT',
  '-',
  '^',
  "'; DROP TABLE appeals; --",
];

describe('search boxes', () => {
  it('answers punctuation-only and odd classifier queries with a list, not an error', () => {
    for (const query of NASTY) {
      const r = core.dispatch('classifier.search', { query, limit: 20 });
      expect(r, JSON.stringify(query)).toMatchObject({ ok: true });
    }
    expect(core.dispatch('classifier.search', { query: '.,;', limit: 20 })).toEqual({
      ok: true,
      result: [],
    });
  });

  it('answers the same queries in the card list search', async () => {
    core.services.users.setup({ login: 'admin', fullName: 'Админ', password: 'right-password' });
    const login = await core.call(
      'auth.login',
      { login: 'admin', password: 'right-password' },
      {
        session: null,
      },
    );
    const session = (login as { result: { session: string } }).result.session;
    for (const query of NASTY) {
      const r = await core.call(
        'appeals.list',
        { filter: { query }, offset: 0, limit: 20 },
        { session },
      );
      expect(r, JSON.stringify(query)).toMatchObject({ ok: true });
    }
  });
});
