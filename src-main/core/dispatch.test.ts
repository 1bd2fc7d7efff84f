import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { METHODS } from '../../src-shared/contract/api';
import { tempCore } from '../../test/helpers/temp-core';
import { createHandlers } from './handlers';
import { createDispatch } from './dispatch';

let core: ReturnType<typeof tempCore>;
beforeEach(() => (core = tempCore()));
afterEach(() => core.cleanup());

describe('contract dispatch', () => {
  it('has a handler for every contract method and no other', () => {
    expect(Object.keys(createHandlers(core.services, core.backups)).sort()).toEqual(
      [...METHODS].sort(),
    );
  });

  it('refuses an unknown method', () => {
    expect(core.dispatch('appeals.drop', {})).toEqual({
      ok: false,
      error: { code: 'unknown_method', detail: 'appeals.drop' },
    });
    expect(core.dispatch('__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown_method' },
    });
  });

  it('refuses malformed input before any handler runs', () => {
    expect(core.dispatch('appeals.get', { id: 'not-a-uuid' })).toMatchObject({
      ok: false,
      error: { code: 'validation', issues: [{ path: 'id' }] },
    });
    expect(core.dispatch('appeals.list', null)).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
  });

  it('reports a missing record as not_found', () => {
    expect(
      core.dispatch('appeals.get', { id: '00000000-0000-4000-8000-000000000000' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('turns an unexpected failure into "internal" without leaking a half result', () => {
    const handlers = createHandlers(core.services, core.backups);
    const errors: unknown[] = [];
    const { dispatch } = createDispatch(
      {
        ...handlers,
        'officials.list': () => {
          throw new Error('disk on fire');
        },
      },
      null,
      (_m, e) => errors.push(e),
    );
    expect(dispatch('officials.list', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(errors).toHaveLength(1);
  });

  it('validates output, so a core bug cannot hand the UI a malformed value', () => {
    const { dispatch } = createDispatch(
      {
        ...createHandlers(core.services, core.backups),
        'officials.list': () => [{ id: 1 }] as never,
      },
      null,
      () => undefined,
    );
    expect(dispatch('officials.list', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('keeps drafts of any shape until discarded', () => {
    const id = '11111111-1111-4111-8111-111111111111';
    expect(
      core.dispatch('drafts.save', {
        id,
        appealId: null,
        data: { visitorName: 'Иванов', content: 'Яма' },
      }).ok,
    ).toBe(true);
    expect(core.dispatch('drafts.list', {})).toMatchObject({
      ok: true,
      result: [{ id, title: 'Иванов: Яма' }],
    });
    core.dispatch('drafts.discard', { id });
    expect(core.dispatch('drafts.get', { id })).toEqual({ ok: true, result: null });
  });
});
