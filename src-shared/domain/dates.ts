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

/*
 * Dates as Russian documents write them, whatever the operating system's locale: the desk, the
 * kiosk, the console, the prints and the exports show '31.03.2026' and '31.03.2026 10:05', and
 * the fields that take dates accept what an officer types — '31.03.2026', '1.4.2026',
 * '31/03/2026', '31-03-2026' — and the stored ISO form ('2026-03-31'), which is what a paste from
 * another system or a test brings. Nothing here reads Intl or the locale.
 */

const pad2 = (n: number) => String(n).padStart(2, '0');

/** '2026-03-31' (or a date-time starting so) → '31.03.2026'; '' for nothing. */
export function ruDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}.${m}.${y}`;
}

/** '2026-03-31T10:05' → '31.03.2026 10:05'. */
export function ruDateTime(local: string | null | undefined): string {
  if (!local) return '';
  return `${ruDate(local)} ${local.slice(11, 16)}`;
}

/** '2026-03' → '03.2026'. */
export function ruMonth(month: string | null | undefined): string {
  if (!month) return '';
  const [y, m] = month.split('-');
  return `${m}.${y}`;
}

const RU_DATE = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;

/** What an officer typed as a date → 'YYYY-MM-DD', or null when it is not a real date. */
export function parseRuDate(text: string): string | null {
  const s = text.trim();
  if (s.length > 10) return null;
  const ru = RU_DATE.exec(s);
  const iso = ru ? `${ru[3]}-${pad2(Number(ru[2]))}-${pad2(Number(ru[1]))}` : s;
  return isValidIsoDate(iso) && iso >= '1900-01-01' ? iso : null;
}

/** A date and a time ('31.03.2026 10:05', '31.03.2026, 9:05', '2026-03-31T10:05') → 'YYYY-MM-DDTHH:mm'. */
export function parseRuDateTime(text: string): string | null {
  const s = text.trim();
  if (s.length > 17) return null;
  const m = /^(\S+?)(?:,?\s+|T)(\d{1,2})[:.](\d{2})$/.exec(s);
  if (!m) return null;
  const date = parseRuDate(m[1]!);
  const time = parseTime(`${m[2]}:${m[3]}`);
  return date && time ? `${date}T${time}` : null;
}

/** '9:05', '09.05', '0905' → '09:05' (24-hour clock), or null. */
export function parseTime(text: string): string | null {
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? `${pad2(h)}:${pad2(min)}` : null;
}

/** '03.2026', '3.2026', '2026-03' → '2026-03', or null. */
export function parseRuMonth(text: string): string | null {
  const s = text.trim();
  const ru = /^(\d{1,2})[./-](\d{4})$/.exec(s);
  const iso = /^(\d{4})-(\d{2})$/.exec(s);
  const [y, m] = ru ? [Number(ru[2]), Number(ru[1])] : iso ? [Number(iso[1]), Number(iso[2])] : [];
  return y !== undefined && m !== undefined && m >= 1 && m <= 12 && y >= 1900
    ? `${y}-${pad2(m)}`
    : null;
}

/**
 * A number in Russian form — decimal comma, groups of thousands split by a no-break space — with
 * at most `digits` decimals (3, as toLocaleString), without Intl: a Node or Electron built with
 * small ICU, or a machine whose locale data is missing, would otherwise print '16.7'.
 */
export function ruNumber(value: number, digits = 3, minDigits = 0): string {
  if (!Number.isFinite(value)) return '—';
  const fixed = Math.abs(value).toFixed(digits);
  let [int, frac = ''] = fixed.split('.');
  frac = frac.replace(/0+$/, '');
  while (frac.length < minDigits) frac += '0';
  int = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${int}${frac ? `,${frac}` : ''}`;
}
