import type { Appeal } from '../../src-shared/domain/appeal';
import type { Core } from '../../src-main/core/index';

/** Edits a card as the editor would: its current data with some fields changed. */
export function editAppeal(
  core: Pick<Core, 'dispatch' | 'services'>,
  id: string,
  overrides: Record<string, unknown>,
): Appeal {
  const {
    regNumber: _r,
    deskCode: _d,
    dueDate: _u,
    overdue: _o,
    createdAt: _c,
    updatedAt,
    id: _i,
    ...data
  } = core.services.appeals.get(id);
  const r = core.dispatch('appeals.update', {
    id,
    expectedUpdatedAt: updatedAt,
    data: { ...data, ...overrides },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.result as Appeal;
}
