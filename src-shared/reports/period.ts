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
