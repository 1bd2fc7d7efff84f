import { z } from 'zod';
import { isValidIsoDate } from './dates';
import { LIMITS } from './limits';
import { optText } from './appeal';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const date = z.string().refine(isValidIsoDate, 'invalid_date');
const time = z.string().regex(TIME, 'invalid_time');

/**
 * One line of the monthly reception schedule (seed 004, 6.6.1): an official receives citizens
 * on a date, from a time to a time, at a place.
 */
export const scheduleEntryInputSchema = z
  .object({
    id: z.uuid().nullable(),
    officialId: z.uuid('required'),
    date,
    startTime: time,
    endTime: time,
    place: z.string().trim().min(1, 'required').max(300, 'too_long'),
    note: optText(500),
  })
  .refine((e) => e.endTime > e.startTime, { path: ['endTime'], message: 'end_before_start' });

export const scheduleEntrySchema = z.object({
  id: z.uuid(),
  officialId: z.uuid(),
  officialName: z.string(),
  officialPosition: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  place: z.string(),
  note: z.string().nullable(),
  booked: z.number().int(),
});
export type ScheduleEntry = z.output<typeof scheduleEntrySchema>;

export const BOOKING_STATUSES = ['booked', 'arrived', 'received', 'cancelled', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/**
 * Pre-registration (seed 004, 6.6.2: in person or by phone) into a schedule entry at a time,
 * or a walk-in without one. The visitor's data is carried into the reception card.
 */
export const bookingInputSchema = z
  .object({
    id: z.uuid().nullable(),
    /** The schedule entry booked into; null for a visitor who came without booking. */
    entryId: z.uuid().nullable(),
    date,
    time,
    source: z.enum(['phone', 'in_person']),
    visitorName: z.string().trim().min(1, 'required').max(LIMITS.name, 'too_long'),
    visitorPhone: optText(LIMITS.phone),
    visitorEmail: optText(LIMITS.email),
    visitorAddress: optText(LIMITS.address),
    topic: z.string().trim().min(1, 'required').max(1000, 'too_long'),
  })
  .refine((b) => b.entryId !== null || b.source === 'in_person', {
    path: ['source'],
    message: 'walk_in_in_person',
  });

export const bookingSchema = z.object({
  id: z.uuid(),
  entryId: z.uuid().nullable(),
  officialId: z.uuid().nullable(),
  officialName: z.string().nullable(),
  place: z.string().nullable(),
  date: z.string(),
  time: z.string(),
  source: z.enum(['phone', 'in_person']),
  walkIn: z.boolean(),
  visitorName: z.string(),
  visitorPhone: z.string().nullable(),
  visitorEmail: z.string().nullable(),
  visitorAddress: z.string().nullable(),
  topic: z.string(),
  status: z.enum(BOOKING_STATUSES),
  appealId: z.uuid().nullable(),
  regNumber: z.string().nullable(),
});
export type Booking = z.output<typeof bookingSchema>;
