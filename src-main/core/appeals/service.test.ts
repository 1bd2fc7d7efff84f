import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Output } from '../../../src-shared/contract/api';
import { appealInput } from '../../../test/helpers/appeal-input';
import { tempCore } from '../../../test/helpers/temp-core';

let core: ReturnType<typeof tempCore>;
let officialId: string;
let clock = new Date('2026-03-01T08:00:00Z');

function ok<T>(r: { ok: boolean; result?: unknown; error?: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.result as T;
}

beforeEach(() => {
  clock = new Date('2026-03-01T08:00:00Z');
  core = tempCore(() => clock);
  core.dispatch('settings.setDeskCode', { deskCode: 'MIN01' });
  officialId = ok<{ id: string }>(
    core.dispatch('officials.save', {
      fullName: 'Петров П. П.',
      position: 'Министр',
      active: true,
    }),
  ).id;
});
afterEach(() => core.cleanup());

type Appeal = Output<'appeals.get'>;
const create = (overrides = {}) =>
  ok<Appeal>(core.dispatch('appeals.create', { data: appealInput(officialId, overrides) }));

describe('reception cards', () => {
  it('registers a card with a desk-year number, a due date and timestamps', () => {
    const a = create();
    expect(a.regNumber).toBe('MIN01-2026-000001');
    expect(a.dueDate).toBe('2026-03-31');
    expect(a.overdue).toBe(false);
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.createdAt).toBe('2026-03-01T08:00:00.000Z');
    expect(ok<Appeal>(core.dispatch('appeals.get', { id: a.id }))).toEqual(a);
  });

  it('numbers cards in sequence per desk and restarts each year', () => {
    expect(create().regNumber).toBe('MIN01-2026-000001');
    expect(create().regNumber).toBe('MIN01-2026-000002');
    expect(create({ registeredAt: '2027-01-02T09:00' }).regNumber).toBe('MIN01-2027-000001');
    core.dispatch('settings.setDeskCode', { deskCode: 'MIN02' });
    expect(create().regNumber).toBe('MIN02-2026-000001');
  });

  it('stores every field and reads it back', () => {
    const input = appealInput(officialId, {
      applicantType: 'organisation',
      organisationName: 'ООО «Ромашка»',
      representativeName: 'Сидоров С. С.',
      powerOfAttorney: '№ 15 от 01.02.2026',
      isCollective: true,
      signatoryCount: 12,
      isRepeat: true,
      kind: 'proposal',
      form: 'written',
      channel: 'post',
      topicCodes: ['0005.0005.0056.1160', '0002.0007.0071.0282.0025'],
      answerMode: 'redirected',
      redirectRecipient: 'Министерство здравоохранения',
      redirectDate: '2026-03-03',
      executor: 'Кузнецова Е. В.',
      status: 'redirected',
      result: 'explained',
      resultNote: 'Направлено по компетенции',
      forwardedFrom: 'Администрация Губернатора',
      forwardedNumber: '01-12/345',
      forwardedDate: '2026-02-27',
      viaMedo: true,
      receivedDate: '2026-02-28',
      redirectNumber: '17-01/99',
      redirectDepartmentId: '0b2f6a0e-4d4c-4f8e-9c55-2f0f7f9a1b11',
      measuresTaken: false,
      answerAttachmentId: null,
      questions: {
        '0002.0007.0071.0282.0025': {
          status: 'supported',
          measuresTaken: true,
          responseDate: '2026-03-20',
          transferRecipient: null,
          transferDepartmentId: null,
          transferDate: null,
          transferNumber: null,
          answerAttachmentId: null,
        },
      },
    });
    const a = create(input);
    const { id, regNumber, deskCode, dueDate, overdue, createdAt, updatedAt, ...data } = a;
    expect(data).toEqual(input);
    expect([deskCode, dueDate, overdue]).toEqual(['MIN01', '2026-03-08', false]);
    expect([id, regNumber, createdAt, updatedAt].every(Boolean)).toBe(true);
  });

  it('edits a card, recomputes its due date and refuses a stale edit', () => {
    const a = create();
    clock = new Date('2026-03-02T08:00:00Z');
    const edited = ok<Appeal>(
      core.dispatch('appeals.update', {
        id: a.id,
        expectedUpdatedAt: a.updatedAt,
        data: appealInput(officialId, { answerMode: 'redirected', redirectRecipient: 'Минздрав' }),
      }),
    );
    expect(edited.dueDate).toBe('2026-03-08');
    expect(edited.updatedAt > a.updatedAt).toBe(true);
    expect(edited.regNumber).toBe(a.regNumber);
    const stale = core.dispatch('appeals.update', {
      id: a.id,
      expectedUpdatedAt: a.updatedAt,
      data: appealInput(officialId),
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('extends the term of a written answer with a reason, never without one', () => {
    const noReason = core.dispatch('appeals.create', {
      data: appealInput(officialId, { extensionDays: 10 }),
    });
    expect(noReason).toMatchObject({
      ok: false,
      error: {
        code: 'validation',
        issues: [{ path: 'data.extensionReason', message: 'reason_required' }],
      },
    });
    const tooLong = core.dispatch('appeals.create', {
      data: appealInput(officialId, {
        extensionDays: 31,
        extensionReason: 'Запрос в другой орган',
      }),
    });
    expect(tooLong).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'data.extensionDays', message: 'extension_range' }] },
    });
    const a = create({ extensionDays: 30, extensionReason: 'Запрос документов в другом органе' });
    expect([a.dueDate, a.extensionDays, a.extensionReason]).toEqual([
      '2026-04-30',
      30,
      'Запрос документов в другом органе',
    ]);
  });

  it('marks a card overdue after its due date while no answer is given', () => {
    const a = create();
    clock = new Date('2026-04-02T08:00:00Z');
    expect(ok<Appeal>(core.dispatch('appeals.get', { id: a.id })).overdue).toBe(true);
  });

  it('refuses unknown officials, services and classifier codes and writes nothing', () => {
    const bad = core.dispatch('appeals.create', {
      data: appealInput('00000000-0000-4000-8000-000000000000', {
        serviceId: '00000000-0000-4000-8000-000000000001',
        topicCodes: ['9999.9999.9999.9999'],
      }),
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    const paths = (bad as { error: { issues: { path: string }[] } }).error.issues.map(
      (i) => i.path,
    );
    expect(paths).toEqual(['officialId', 'serviceId', 'topicCodes.0']);
    expect(core.db.prepare('SELECT count(*) FROM appeals').pluck().get()).toBe(0);
    // The failed attempt did not consume a registration number.
    expect(create().regNumber).toBe('MIN01-2026-000001');
  });

  it('removes the draft a card was typed in, in the same transaction, only on success', () => {
    const draftId = '22222222-2222-4222-8222-222222222222';
    core.dispatch('drafts.save', { id: draftId, appealId: null, data: { content: 'Яма' } });
    const failed = core.dispatch('appeals.create', {
      data: appealInput(officialId, { topicCodes: ['9999.9999.9999.9999'] }),
      draftId,
    });
    expect(failed.ok).toBe(false);
    expect(core.dispatch('drafts.get', { id: draftId })).toMatchObject({
      ok: true,
      result: { id: draftId },
    });
    expect(core.dispatch('appeals.create', { data: appealInput(officialId), draftId }).ok).toBe(
      true,
    );
    expect(core.dispatch('drafts.get', { id: draftId })).toEqual({ ok: true, result: null });
  });

  it('refuses invalid input at the boundary with field issues', () => {
    const r = core.dispatch('appeals.create', {
      data: { ...appealInput(officialId), visitorEmail: 'x@' },
    });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'validation',
        issues: [{ path: 'data.visitorEmail', message: 'invalid_email', params: {} }],
      },
    });
  });
});
