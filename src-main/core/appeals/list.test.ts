import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppealFilter } from '../../../src-shared/domain/appeal-list';
import type { AppealInput } from '../../../src-shared/domain/appeal';
import type { Output } from '../../../src-shared/contract/api';
import { appealInput } from '../../../test/helpers/appeal-input';
import { tempCore } from '../../../test/helpers/temp-core';

let core: ReturnType<typeof tempCore>;
let officialA: string;
let officialB: string;

function ok<T>(r: { ok: boolean; result?: unknown; error?: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.result as T;
}
const official = (fullName: string) =>
  ok<{ id: string }>(
    core.dispatch('officials.save', { fullName, position: 'Зам. министра', active: true }),
  ).id;
const create = (overrides: Partial<AppealInput>, by = officialA) =>
  ok<Output<'appeals.get'>>(core.dispatch('appeals.create', { data: appealInput(by, overrides) }));
const list = (filter: AppealFilter) =>
  ok<Output<'appeals.list'>>(core.dispatch('appeals.list', { filter, offset: 0, limit: 50 }));
const numbers = (filter: AppealFilter) => list(filter).items.map((i) => i.regNumber);

beforeEach(() => {
  core = tempCore(() => new Date('2026-05-01T08:00:00Z'));
  core.dispatch('settings.setDeskCode', { deskCode: 'T' + 'EST' });
  officialA = official('Петров Пётр');
  officialB = official('Смирнова Ольга');
  create({
    registeredAt: '2026-01-10T10:00',
    visitorName: 'Иванов Иван',
    content: 'Ремонт дороги во дворе',
  });
  create(
    {
      registeredAt: '2026-02-10T10:00',
      visitorName: 'Козлова Мария',
      content: 'Нет освещения на дорогах посёлка',
      kind: 'proposal',
      channel: 'email',
      topicCodes: ['0002.0007.0071.0282'],
    },
    officialB,
  );
  create({
    registeredAt: '2026-03-10T10:00',
    visitorName: 'Сидоров Пётр',
    content: 'Вывоз мусора',
    status: 'answered_written',
    answerDate: '2026-03-20',
  });
  create({
    registeredAt: '2026-04-30T18:00',
    visitorName: 'Иванова Анна',
    content: 'Отопление в школе',
    answerMode: 'oral',
    oralConsent: true,
    oralAnswer: 'Дорогу отремонтируют летом',
    status: 'answered_oral',
  });
});
afterEach(() => core.cleanup());

describe('card list and search', () => {
  it('lists newest registration first with a total', () => {
    const r = list({});
    expect(r.total).toBe(4);
    expect(r.items.map((i) => i.registeredAt)).toEqual([
      '2026-04-30T18:00',
      '2026-03-10T10:00',
      '2026-02-10T10:00',
      '2026-01-10T10:00',
    ]);
  });

  it('finds «дорога» in any word form, in content and in the answer', () => {
    expect(numbers({ query: 'дорога' })).toEqual([
      'TEST-2026-000004',
      'TEST-2026-000002',
      'TEST-2026-000001',
    ]);
    expect(numbers({ query: 'дорогу' })).toHaveLength(3);
  });

  it('finds a visitor by surname, a card by its number', () => {
    expect(numbers({ query: 'Козловой' })).toEqual(['TEST-2026-000002']);
    expect(numbers({ query: 'TEST-2026-000003' })).toEqual(['TEST-2026-000003']);
  });

  it('combines a query with the other filters, counting only what both match', () => {
    const r = list({ query: 'дорога', channel: 'email' });
    expect([r.total, r.items.map((i) => i.regNumber)]).toEqual([1, ['TEST-2026-000002']]);
    expect(list({ query: 'дорога', from: '2026-04-01' }).total).toBe(1);
  });

  it('orders search results by when the card was entered, newest first', () => {
    create({ registeredAt: '2025-12-01T09:00', content: 'Старая жалоба на дорогу, внесена позже' });
    expect(numbers({ query: 'дорога' })[0]).toBe('TEST-2025-000001');
  });

  it('requires every word of the query', () => {
    expect(numbers({ query: 'ремонт дороги' })).toEqual(['TEST-2026-000001']);
    expect(numbers({ query: 'ремонт мусора' })).toEqual([]);
  });

  it('filters by period including the whole last day', () => {
    expect(numbers({ from: '2026-02-01', to: '2026-04-30' })).toEqual([
      'TEST-2026-000004',
      'TEST-2026-000003',
      'TEST-2026-000002',
    ]);
  });

  it('filters by status, channel, kind, official and classifier section', () => {
    expect(numbers({ status: 'answered_written' })).toEqual(['TEST-2026-000003']);
    expect(numbers({ channel: 'email' })).toEqual(['TEST-2026-000002']);
    expect(numbers({ kind: 'proposal' })).toEqual(['TEST-2026-000002']);
    expect(numbers({ officialId: officialB })).toEqual(['TEST-2026-000002']);
    expect(numbers({ section: '0002.0000.0000.0000' })).toEqual(['TEST-2026-000002']);
  });

  it('shows only overdue cards with an answer still pending', () => {
    // Today is 2026-05-01: cards 1 (due 02-09) and 2 (due 03-12) are overdue; 3 was answered.
    expect(numbers({ overdueOnly: true })).toEqual(['TEST-2026-000002', 'TEST-2026-000001']);
    expect(list({ overdueOnly: true }).items.every((i) => i.overdue)).toBe(true);
  });

  it('lists the open cards due within the next days for the deadlines board', () => {
    // Today is 2026-05-01. Registered 04-05: due 05-05 (in 4 days); 04-20 with 10 days'
    // extension: due 05-30; 04-03 answered: not pending.
    create({ registeredAt: '2026-04-05T10:00', visitorName: 'Срочный' });
    create({ registeredAt: '2026-04-20T10:00', extensionDays: 10, extensionReason: 'Запрос' });
    create({
      registeredAt: '2026-04-03T10:00',
      status: 'answered_written',
      answerDate: '2026-04-30',
    });
    expect(list({ dueWithinDays: 5 }).items.map((i) => i.dueDate)).toEqual(['2026-05-05']);
    expect(list({ dueWithinDays: 30 }).items.map((i) => i.dueDate)).toEqual([
      '2026-05-30',
      '2026-05-05',
    ]);
    expect(list({ dueWithinDays: 0 }).total).toBe(0);
  });

  it('keeps the index in step with edits', () => {
    const card = list({ query: 'мусора' }).items[0]!;
    const full = ok<Output<'appeals.get'>>(core.dispatch('appeals.get', { id: card.id }));
    const { id, regNumber, deskCode, dueDate, overdue, createdAt, updatedAt, ...data } = full;
    ok(
      core.dispatch('appeals.update', {
        id,
        expectedUpdatedAt: updatedAt,
        data: { ...data, content: 'Ямы на тротуаре' },
      }),
    );
    expect(numbers({ query: 'мусор' })).toEqual([]);
    expect(numbers({ query: 'тротуар' })).toEqual([regNumber]);
  });

  it('pages through the list', () => {
    const page = ok<Output<'appeals.list'>>(
      core.dispatch('appeals.list', { filter: {}, offset: 2, limit: 1 }),
    );
    expect(page.total).toBeNull(); // counted with the first page only
    expect(page.items.map((i) => i.regNumber)).toEqual(['TEST-2026-000002']);
  });
});
