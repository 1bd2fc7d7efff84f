import { z } from 'zod';
import { isValidIsoDate } from './dates';

/*
 * Field types shared by the card, its questions and the schedule. Error messages are i18n keys
 * ("required", "too_long", …), never prose: the renderer turns them into Russian text.
 */

/** Optional text: trimmed, at most `max` characters, empty becomes null. */
export const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'too_long')
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

export const reqText = (max: number) => z.string().trim().min(1, 'required').max(max, 'too_long');

export const optDate = z
  .string()
  .nullable()
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || isValidIsoDate(v), 'invalid_date');
