import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appealInput } from '../../../test/helpers/appeal-input';
import { tempCore } from '../../../test/helpers/temp-core';
import { ok, officialOf } from '../../../test/helpers/core-calls';
import type { Booking, ScheduleEntry } from '../../../src-shared/domain/schedule';

let core: ReturnType<typeof tempCore>;
let officialId: string;
let entry: ScheduleEntry;

const book = (fields: Record<string, unknown>) =>
  core.dispatch('bookings.save', {
    id: null,
    entryId: entry.id,
    date: '2026-12-03',
    time: '10:00',
    source: 'phone',
    visitorName: 'Кузнецова Ольга Ивановна',
    visitorPhone: '+7 343 111-22-33',
    topic: 'Ремонт дороги во дворе',
    ...fields,
  });

beforeEach(() => {
  core = tempCore();
  officialId = officialOf(core);
  entry = ok<ScheduleEntry>(
    core.dispatch('schedule.saveEntry', {
      id: null,
      officialId,
      date: '2026-12-03',
      startTime: '10:00',
      endTime: '13:00',
      place: 'каб. 101',
    }),
  );
});
afterEach(() => core.cleanup());

describe('schedule and bookings', () => {
  it('lists the month’s schedule with the number booked', () => {
    ok(book({}));
    ok(book({ time: '10:30', visitorName: 'Смирнов А. А.' }));
    const month = ok<ScheduleEntry[]>(core.dispatch('schedule.month', { month: '2026-12' }));
    expect(month).toMatchObject([
      { officialName: 'Петров Пётр Петрович', place: 'каб. 101', booked: 2 },
    ]);
    expect(ok<ScheduleEntry[]>(core.dispatch('schedule.month', { month: '2027-01' }))).toEqual([]);
  });

  it('keeps a booking inside the entry’s day and hours, one visitor per time', () => {
    ok(book({}));
    expect(book({ visitorName: 'Другой' })).toMatchObject({
      error: { issues: [{ path: 'time', message: 'slot_taken' }] },
    });
    expect(book({ time: '13:00' })).toMatchObject({
      error: { issues: [{ message: 'booking_time' }] },
    });
    expect(book({ date: '2026-12-04' })).toMatchObject({
      error: { issues: [{ message: 'booking_date' }] },
    });
  });

  it('a cancelled time can be booked again', () => {
    const first = ok<Booking>(book({}));
    ok(core.dispatch('bookings.setStatus', { id: first.id, status: 'cancelled' }));
    expect(ok<Booking>(book({ visitorName: 'Другой' })).status).toBe('booked');
    // …and the cancelled one cannot come back onto the taken time.
    expect(core.dispatch('bookings.setStatus', { id: first.id, status: 'booked' })).toMatchObject({
      error: { issues: [{ message: 'slot_taken' }] },
    });
  });

  it('the day’s list has bookings and walk-ins by time', () => {
    ok(book({ time: '11:00' }));
    ok(book({ entryId: null, time: '09:40', source: 'in_person', visitorName: 'Без записи' }));
    expect(book({ entryId: null, time: '09:45', source: 'phone' })).toMatchObject({
      error: { issues: [{ message: 'walk_in_in_person' }] },
    });
    const day = ok<Booking[]>(core.dispatch('bookings.day', { date: '2026-12-03' }));
    expect(day.map((b) => [b.time, b.walkIn, b.officialName])).toEqual([
      ['09:40', true, null],
      ['11:00', false, 'Петров Пётр Петрович'],
    ]);
  });

  it('a booking turns into a card in one step, once', () => {
    const booking = ok<Booking>(book({}));
    const card = ok<{ id: string; regNumber: string }>(
      core.dispatch('appeals.create', {
        data: appealInput(officialId, { visitorName: booking.visitorName }),
        bookingId: booking.id,
      }),
    );
    expect(ok<Booking>(core.dispatch('bookings.get', { id: booking.id }))).toMatchObject({
      status: 'received',
      appealId: card.id,
      regNumber: card.regNumber,
    });
    const cards = () => core.db.prepare('SELECT count(*) FROM appeals').pluck().get();
    const before = cards();
    // A second card for the same booking is refused whole: no card, booking unchanged.
    expect(
      core.dispatch('appeals.create', { data: appealInput(officialId), bookingId: booking.id }),
    ).toMatchObject({ error: { issues: [{ path: 'bookingId', message: 'booking_closed' }] } });
    expect(cards()).toBe(before);
    expect(
      core.dispatch('bookings.setStatus', { id: booking.id, status: 'cancelled' }),
    ).toMatchObject({ error: { issues: [{ message: 'booking_status' }] } });
  });
});
