/**
 * Calendar dates as 'YYYY-MM-DD' strings and local date-times as 'YYYY-MM-DDTHH:mm'.
 * Arithmetic is done in UTC so that no time zone or daylight-saving shift moves a deadline.
 */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
export const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

export function isValidIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function isValidLocalDateTime(value: string): boolean {
  if (!LOCAL_DATE_TIME.test(value)) return false;
  const [date, time] = value.split('T') as [string, string];
  const [h, min] = time.split(':').map(Number) as [number, number];
  return isValidIsoDate(date) && h < 24 && min < 60;
}

export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function datePart(localDateTime: string): string {
  return localDateTime.slice(0, 10);
}

/** Today's date on this machine's wall clock, which is what the reception desk lives by. */
export function localToday(now: Date = new Date()): string {
  return toLocalDateTime(now).slice(0, 10);
}

export function toLocalDateTime(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}` +
    `T${pad(now.getHours())}:${pad(now.getMinutes())}`
  );
}
