import type { z } from 'zod';
import { uuidv7 } from '../../../src-shared/domain/ids';
import { OtklikError } from '../../../src-shared/contract/errors';
import type {
  Booking,
  BookingStatus,
  ScheduleEntry,
  bookingInputSchema,
  scheduleEntryInputSchema,
} from '../../../src-shared/domain/schedule';
import { isoNow, type CoreContext } from '../context';

const refuse = (path: string, message: string) =>
  new OtklikError('validation', message, [{ path, message }]);

const ENTRY_SELECT = `
  SELECT e.id, e.official_id AS officialId, o.full_name AS officialName,
         o.position AS officialPosition, e.date, e.start_time AS startTime,
         e.end_time AS endTime, e.place, e.note,
         (SELECT count(*) FROM bookings b
          WHERE b.entry_id = e.id AND b.status NOT IN ('cancelled', 'no_show')) AS booked
  FROM schedule_entries e JOIN officials o ON o.id = e.official_id`;

const BOOKING_SELECT = `
  SELECT b.id, b.entry_id AS entryId, e.official_id AS officialId, o.full_name AS officialName,
         e.place, b.date, b.time, b.source, b.entry_id IS NULL AS walkIn,
         b.visitor_name AS visitorName, b.visitor_phone AS visitorPhone,
         b.visitor_email AS visitorEmail, b.visitor_address AS visitorAddress, b.topic,
         b.status, b.appeal_id AS appealId, a.reg_number AS regNumber
  FROM bookings b
  LEFT JOIN schedule_entries e ON e.id = b.entry_id
  LEFT JOIN officials o ON o.id = e.official_id
  LEFT JOIN appeals a ON a.id = b.appeal_id`;

type BookingRow = Omit<Booking, 'walkIn'> & { walkIn: number };
const toBooking = (row: BookingRow): Booking => ({ ...row, walkIn: row.walkIn === 1 });

/** Which status a booking may move to from which (received only by registering the card). */
const NEXT: Record<BookingStatus, readonly BookingStatus[]> = {
  booked: ['arrived', 'cancelled', 'no_show'],
  arrived: ['booked', 'cancelled'],
  received: [],
  cancelled: ['booked'],
  no_show: ['booked'],
};

/** The monthly schedule of officials, bookings into it, walk-ins and the day's list. */
export function createSchedule(ctx: CoreContext) {
  const { db } = ctx;
  const entryById = db.prepare(`${ENTRY_SELECT} WHERE e.id = ?`);
  const entriesOfMonth = db.prepare(
    `${ENTRY_SELECT} WHERE e.date >= ? AND e.date < ? ORDER BY e.date, e.start_time, o.full_name`,
  );
  const bookingById = db.prepare(`${BOOKING_SELECT} WHERE b.id = ?`);
  const bookingsOfDay = db.prepare(`${BOOKING_SELECT} WHERE b.date = ? ORDER BY b.time, b.rowid`);
  const officialExists = db.prepare('SELECT 1 FROM officials WHERE id = ?').pluck();
  const slotTaken = db
    .prepare(
      `SELECT 1 FROM bookings WHERE entry_id = ? AND time = ? AND id IS NOT ?
       AND status NOT IN ('cancelled', 'no_show')`,
    )
    .pluck();

  function entry(id: string): ScheduleEntry {
    const row = entryById.get(id) as ScheduleEntry | undefined;
    if (!row) throw new OtklikError('not_found', `schedule entry ${id}`);
    return row;
  }

  function booking(id: string): Booking {
    const row = bookingById.get(id) as BookingRow | undefined;
    if (!row) throw new OtklikError('not_found', `booking ${id}`);
    return toBooking(row);
  }

  const saveEntry = db.transaction((input: z.output<typeof scheduleEntryInputSchema>) => {
    if (!officialExists.get(input.officialId)) throw refuse('officialId', 'unknown_reference');
    const now = isoNow(ctx);
    const id = input.id ?? uuidv7(ctx.now().getTime());
    const params = {
      id,
      official_id: input.officialId,
      date: input.date,
      start_time: input.startTime,
      end_time: input.endTime,
      place: input.place,
      note: input.note,
      now,
    };
    if (input.id) {
      const info = db
        .prepare(
          `UPDATE schedule_entries SET official_id = @official_id, date = @date,
             start_time = @start_time, end_time = @end_time, place = @place, note = @note,
             updated_at = @now WHERE id = @id`,
        )
        .run(params);
      if (info.changes === 0) throw new OtklikError('not_found', `schedule entry ${id}`);
    } else {
      db.prepare(
        `INSERT INTO schedule_entries
           (id, official_id, date, start_time, end_time, place, note, created_at, updated_at)
         VALUES (@id, @official_id, @date, @start_time, @end_time, @place, @note, @now, @now)`,
      ).run(params);
    }
    return entry(id);
  });

  const saveBooking = db.transaction((input: z.output<typeof bookingInputSchema>) => {
    if (input.entryId) {
      const e = entry(input.entryId);
      if (e.date !== input.date) throw refuse('date', 'booking_date');
      if (input.time < e.startTime || input.time >= e.endTime) throw refuse('time', 'booking_time');
      if (slotTaken.get(input.entryId, input.time, input.id)) throw refuse('time', 'slot_taken');
    }
    const now = isoNow(ctx);
    const id = input.id ?? uuidv7(ctx.now().getTime());
    const params = {
      id,
      entry_id: input.entryId,
      date: input.date,
      time: input.time,
      source: input.source,
      visitor_name: input.visitorName,
      visitor_phone: input.visitorPhone,
      visitor_email: input.visitorEmail,
      visitor_address: input.visitorAddress,
      topic: input.topic,
      now,
    };
    if (input.id) {
      if (booking(input.id).status === 'received')
        throw new OtklikError('conflict', 'booking already received');
      db.prepare(
        `UPDATE bookings SET entry_id = @entry_id, date = @date, time = @time, source = @source,
           visitor_name = @visitor_name, visitor_phone = @visitor_phone,
           visitor_email = @visitor_email, visitor_address = @visitor_address, topic = @topic,
           updated_at = @now WHERE id = @id`,
      ).run(params);
    } else {
      db.prepare(
        `INSERT INTO bookings (id, entry_id, date, time, source, visitor_name, visitor_phone,
           visitor_email, visitor_address, topic, status, created_at, updated_at)
         VALUES (@id, @entry_id, @date, @time, @source, @visitor_name, @visitor_phone,
           @visitor_email, @visitor_address, @topic, 'booked', @now, @now)`,
      ).run(params);
    }
    return booking(id);
  });

  const setStatus = db.transaction((id: string, status: BookingStatus) => {
    const current = booking(id);
    if (!NEXT[current.status].includes(status)) {
      throw refuse('status', 'booking_status');
    }
    if (
      status === 'booked' &&
      current.entryId &&
      slotTaken.get(current.entryId, current.time, id)
    ) {
      throw refuse('time', 'slot_taken');
    }
    db.prepare('UPDATE bookings SET status = ?, updated_at = ? WHERE id = ?').run(
      status,
      isoNow(ctx),
      id,
    );
    return booking(id);
  });

  const markReceived = db.prepare(
    `UPDATE bookings SET status = 'received', appeal_id = ?, updated_at = ?
     WHERE id = ? AND status IN ('booked', 'arrived')`,
  );

  return {
    month(month: string): ScheduleEntry[] {
      const [y, m] = month.split('-').map(Number) as [number, number];
      const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
      return entriesOfMonth.all(`${month}-01`, `${next}-01`) as ScheduleEntry[];
    },
    saveEntry: (input: z.output<typeof scheduleEntryInputSchema>) => saveEntry(input),
    day: (date: string): Booking[] => (bookingsOfDay.all(date) as BookingRow[]).map(toBooking),
    booking,
    saveBooking: (input: z.output<typeof bookingInputSchema>) => saveBooking(input),
    setStatus: (id: string, status: BookingStatus) => setStatus(id, status),
    /**
     * Inside the card's own transaction: the booking is received by this card. A booking
     * already received, cancelled or missed cannot be.
     */
    receive(bookingId: string, appealId: string) {
      if (markReceived.run(appealId, isoNow(ctx), bookingId).changes !== 1) {
        throw new OtklikError('validation', 'booking not open', [
          { path: 'bookingId', message: 'booking_closed' },
        ]);
      }
    },
  };
}

export type Schedule = ReturnType<typeof createSchedule>;
