import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appealInput } from '../../../test/helpers/appeal-input';
import { tempCore } from '../../../test/helpers/temp-core';
import { ok, officialOf } from '../../../test/helpers/core-calls';
import type { AppealInput } from '../../../src-shared/domain/appeal';

let core: ReturnType<typeof tempCore>;
let officialId: string;
const ROADS = '0005.0005.0056.1160';

const create = (o: Partial<AppealInput>) =>
  ok<{ id: string; regNumber: string; updatedAt: string }>(
    core.dispatch('appeals.create', { data: appealInput(officialId, o) }),
  );
const candidates = (o: Record<string, unknown>) =>
  ok<{ id: string }[]>(
    core.dispatch('appeals.repeatCandidates', {
      visitorName: 'Иванова Анна Сергеевна',
      visitorPhone: '+7 343 000-00-00',
      visitorEmail: null,
      topicCodes: [ROADS],
      registeredAt: '2026-03-01T10:00',
      excludeId: null,
      ...o,
    }),
  ).map((c) => c.id);

beforeEach(() => {
  core = tempCore();
  officialId = officialOf(core);
});
afterEach(() => core.cleanup());

describe('repeat candidates', () => {
  it('finds the same person’s card on the same question within the year before', () => {
    const earlier = create({
      registeredAt: '2025-06-10T09:00',
      visitorName: 'ИВАНОВА Анна Сергеевна',
    });
    create({ registeredAt: '2025-02-01T09:00' }); // more than a year before
    create({ registeredAt: '2025-07-01T09:00', topicCodes: ['0001.0001.0001.0001'] });
    create({ registeredAt: '2025-08-01T09:00', visitorName: 'Иванов Андрей Сергеевич' });
    create({ registeredAt: '2025-09-01T09:00', visitorPhone: '+7 912 111-22-33' });
    create({ registeredAt: '2026-04-01T09:00' }); // after this card: not an earlier appeal
    expect(candidates({})).toEqual([earlier.id]);
    expect(candidates({ excludeId: earlier.id })).toEqual([]);
    expect(candidates({ visitorName: '' })).toEqual([]);
  });

  it('links a repeat to the earlier card; a link needs the repeat flag and an existing card', () => {
    const earlier = create({ registeredAt: '2025-06-10T09:00' });
    const linked = create({ isRepeat: true, repeatOfId: earlier.id });
    expect(
      ok<{ repeatOfId: string }>(core.dispatch('appeals.get', { id: linked.id })),
    ).toMatchObject({ repeatOfId: earlier.id, isRepeat: true });
    expect(
      core.dispatch('appeals.create', {
        data: appealInput(officialId, { isRepeat: false, repeatOfId: earlier.id }),
      }),
    ).toMatchObject({ ok: false, error: { issues: [{ path: 'data.isRepeat' }] } });
    expect(
      core.dispatch('appeals.create', {
        data: appealInput(officialId, {
          isRepeat: true,
          repeatOfId: '00000000-0000-4000-8000-000000000000',
        }),
      }),
    ).toMatchObject({ ok: false, error: { issues: [{ path: 'repeatOfId' }] } });
  });
});
