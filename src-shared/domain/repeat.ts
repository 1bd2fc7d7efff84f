/**
 * Repeat appeals (59-FZ art. 11 part 5 speaks of "the same question" from "the same citizen";
 * the law sets no period). Otklik's reading, in docs/reception.md: an appeal repeats an earlier
 * one when the same person raised the same classifier question within the year before it.
 *
 * Same person: the same full name once case, «ё», punctuation and spacing are set aside, and,
 * where both cards have one, the same phone (its last 10 digits) or the same e-mail. Cards that
 * name the person but give no contact on one side match by name alone — the officer confirms.
 */
export const REPEAT_WINDOW_DAYS = 365;

export interface PersonTraits {
  visitorName: string | null;
  visitorPhone: string | null;
  visitorEmail: string | null;
}

export function personKey(name: string | null): string {
  return (name ?? '')
    .toLocaleLowerCase('ru-RU')
    .replaceAll('ё', 'е')
    .replace(/[^\p{L}\s-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function phoneKey(phone: string | null): string | null {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length >= 5 ? digits.slice(-10) : null;
}

function emailKey(email: string | null): string | null {
  const e = (email ?? '').trim().toLowerCase();
  return e || null;
}

export function samePerson(a: PersonTraits, b: PersonTraits): boolean {
  const name = personKey(a.visitorName);
  if (!name || name !== personKey(b.visitorName)) return false;
  const contacts: [string | null, string | null][] = [
    [phoneKey(a.visitorPhone), phoneKey(b.visitorPhone)],
    [emailKey(a.visitorEmail), emailKey(b.visitorEmail)],
  ];
  const comparable = contacts.filter(([x, y]) => x !== null && y !== null);
  // Both cards give a contact of the same kind: at least one must agree.
  if (comparable.length > 0) return comparable.some(([x, y]) => x === y);
  return true;
}

/** The first day of the window in which an earlier appeal makes this one a repeat. */
export function repeatWindowStart(registeredAt: string): string {
  const d = new Date(`${registeredAt.slice(0, 10)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - REPEAT_WINDOW_DAYS);
  return d.toISOString().slice(0, 10);
}
