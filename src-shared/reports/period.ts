import { z } from 'zod';
import { addDays, isValidIsoDate } from '../domain/dates';

/**
 * A report period: calendar dates, both inclusive (docs/metrics.md). Quarters are the default,
 * as the regional orders report quarterly; any period or a year can be asked for.
 */
export const periodSchema = z
  .object({
    from: z.string().refine(isValidIsoDate, 'invalid_date'),
    to: z.string().refine(isValidIsoDate, 'invalid_date'),
  })
  .refine((p) => p.to >= p.from, { path: ['to'], message: 'before_start' });
export type Period = z.output<typeof periodSchema>;

export function quarterOf(isoDate: string): { year: number; quarter: 1 | 2 | 3 | 4 } {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4 };
}

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): Period {
  const startMonth = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(startMonth).padStart(2, '0')}-01`;
  const nextStart =
    quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(startMonth + 3).padStart(2, '0')}-01`;
  return { from, to: addDays(nextStart, -1) };
}

/** The period of the same length just before this one (for "compared with the previous"). */
export function previousQuarter(period: Period): Period {
  const { year, quarter } = quarterOf(period.from);
  return quarter === 1
    ? quarterPeriod(year - 1, 4)
    : quarterPeriod(year, (quarter - 1) as 1 | 2 | 3);
}

/** The last day of the month of an ISO date. */
export function monthEnd(isoDate: string): string {
  const [y, m] = [Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7))];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

/**
 * Survey results are given for whole calendar months only (a month, a quarter, a year, or any
 * run of months), on the desk and at the central alike: with any from/to, the results of
 * 1–3 March minus those of 1–2 March would isolate the answers of one day, and small-cell
 * suppression would mean nothing (docs/metrics.md, "Survey results").
 */
export function isWholeMonths(p: Period): boolean {
  return p.from.endsWith('-01') && p.to === monthEnd(p.to) && p.to >= p.from;
}

/** The smallest run of whole months that holds the period (what the UI offers instead). */
export function wholeMonthsAround(p: Period): Period {
  return { from: `${p.from.slice(0, 7)}-01`, to: monthEnd(p.to) };
}

/** The same number of whole months just before (a quarter before a quarter, and so on). */
export function previousMonths(p: Period): Period {
  const months =
    (Number(p.to.slice(0, 4)) - Number(p.from.slice(0, 4))) * 12 +
    Number(p.to.slice(5, 7)) -
    Number(p.from.slice(5, 7)) +
    1;
  const to = addDays(p.from, -1);
  let y = Number(to.slice(0, 4));
  let m = Number(to.slice(5, 7)) - (months - 1);
  while (m < 1) {
    m += 12;
    y -= 1;
  }
  return { from: `${y}-${String(m).padStart(2, '0')}-01`, to };
}

export const wholeMonthsPeriodSchema = periodSchema.refine(isWholeMonths, {
  path: ['from'],
  message: 'whole_months',
});
