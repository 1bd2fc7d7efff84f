import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempCore } from '../../../test/helpers/temp-core';
import { officialOf } from '../../../test/helpers/core-calls';
import { appealInput } from '../../../test/helpers/appeal-input';
import { appealInputSchema } from '../../../src-shared/domain/appeal';

const data = (officialId: string) => appealInputSchema.parse(appealInput(officialId));

let core: ReturnType<typeof tempCore>;
let officialId: string;
beforeEach(() => {
  core = tempCore();
  officialId = officialOf(core);
});
afterEach(() => core.cleanup());

describe('audit trail', () => {
  it('records who registered a card and, per field, who changed what from what to what', async () => {
    core.services.users.setup({ login: 'admin', fullName: 'Админ', password: 'right-password' });
    core.services.users.save({
      id: null,
      login: 'reg',
      fullName: 'Петрова Р. Р.',
      role: 'registrar',
      active: true,
      password: 'password-1',
    });
    const login = await core.call(
      'auth.login',
      { login: 'reg', password: 'password-1' },
      {
        session: null,
      },
    );
    const reg = { session: (login as { result: { session: string } }).result.session };
    const input = appealInput(officialId);
    const created = await core.call('appeals.create', { data: input }, reg);
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const card = created.result as { id: string; updatedAt: string };
    const edited = await core.call(
      'appeals.update',
      {
        id: card.id,
        expectedUpdatedAt: card.updatedAt,
        data: { ...input, content: 'Уточненное содержание', visitorPhone: '+7 900 000-00-00' },
      },
      reg,
    );
    expect(edited.ok).toBe(true);

    // The registrar may not read the trail; the administrator may.
    expect(await core.call('audit.forAppeal', { id: card.id }, reg)).toMatchObject({
      error: { code: 'forbidden' },
    });
    const trail = core.services.appeals.audit(card.id);
    expect(trail.map((e) => [e.action, e.field, e.userName])).toEqual([
      ['create', null, 'Петрова Р. Р.'],
      ['update', 'visitorPhone', 'Петрова Р. Р.'],
      ['update', 'content', 'Петрова Р. Р.'],
    ]);
    expect(trail[2]).toMatchObject({ oldValue: input.content, newValue: 'Уточненное содержание' });
    expect(trail[1]).toMatchObject({ oldValue: input.visitorPhone, newValue: '+7 900 000-00-00' });
  });

  it('an edit that changes nothing leaves no field row', () => {
    const input = data(officialId);
    const card = core.services.appeals.create(input);
    core.services.appeals.update(card.id, card.updatedAt, input);
    expect(core.services.appeals.audit(card.id)).toHaveLength(1);
  });

  it('cannot be rewritten, even from inside the core', () => {
    const card = core.services.appeals.create(data(officialId));
    expect(() => core.db.prepare('DELETE FROM audit_log WHERE appeal_id = ?').run(card.id)).toThrow(
      /append-only/,
    );
    expect(core.services.appeals.audit(card.id)).toHaveLength(1);
  });
});
