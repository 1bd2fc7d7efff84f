import type { Core } from '../../src-main/core/index';
import type { CallResult } from '../../src-shared/contract/errors';

/** The result of a successful call, or a thrown error with the call's error envelope. */
export function ok<T>(r: CallResult<unknown>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.result as T;
}

/** Adds the official who receives visitors on a test desk; returns their id. */
export function officialOf(desk: Pick<Core, 'dispatch'>): string {
  return ok<{ id: string }>(
    desk.dispatch('officials.save', {
      fullName: 'Петров Пётр Петрович',
      position: 'Заместитель министра',
      active: true,
    }),
  ).id;
}

/** A campaign of seed 003's questionnaire, open on kiosk and paper for years; returns its id. */
export function surveyCampaign(desk: Pick<Core, 'dispatch' | 'services'>): string {
  const template = desk.services.templates.list().find((t) => t.builtinKey?.includes('003'))!;
  return ok<{ id: string }>(
    desk.dispatch('surveys.saveCampaign', {
      templateId: template.id,
      title: 'Опрос',
      startsOn: '2020-01-01',
      endsOn: '2099-12-31',
      serviceIds: [],
      channels: ['kiosk', 'paper'],
      active: true,
    }),
  ).id;
}

/** A visitor's (empty, partial) answer on the kiosk, as the sync tests need one. */
export function answerOnKiosk(desk: Pick<Core, 'dispatch'>, campaignId: string): void {
  ok(
    desk.dispatch('surveys.submit', {
      campaignId,
      serviceId: null,
      channel: 'kiosk',
      date: null,
      answers: {},
      partial: true,
    }),
  );
}
