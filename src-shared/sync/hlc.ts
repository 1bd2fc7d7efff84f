/**
 * Hybrid logical clock (Kulkarni et al.; the same idea as Actual Budget's): a stamp is the wall
 * time in ms, a counter for events within one ms or while the wall clock is behind, and the
 * node that made it. Stamps order causally (a stamp made after receiving another is greater)
 * and serialise to fixed-width strings that sort like the stamps.
 *
 * Unlike Actual, a stamp ahead of the local clock is not refused outright: desks whose clocks are
 * wrong by days must still sync (issue 5). But a stamp further ahead than MAX_AHEAD_MS is
 * poison (issue 13): one such stamp, once adopted, would push every later stamp of every desk
 * that saw it towards the end of the fixed width. The central refuses such changes, and a clock
 * never adopts such a stamp (`receive` ignores its time). No arithmetic here can leave the 15
 * digits: past MAX_MILLIS a clock throws instead of writing a 16-digit stamp.
 */
export interface Hlc {
  millis: number;
  counter: number;
  node: string;
}

const MAX_COUNTER = 0xffff;
/** The greatest wall time a stamp can carry (15 digits: the year 33658). */
export const MAX_MILLIS = 999_999_999_999_999;
/** How far ahead of the receiver's clock a stamp may be and still be believed: 30 days. */
export const MAX_AHEAD_MS = 30 * 86_400_000;

export class ClockRangeError extends Error {}
const NODE = /^[0-9a-f]{16}$/;
const STAMP = /^(\d{15})-([0-9a-f]{4})-([0-9a-f]{16})$/;

export function serialize(h: Hlc): string {
  return `${String(h.millis).padStart(15, '0')}-${h.counter.toString(16).padStart(4, '0')}-${h.node}`;
}

export function parse(stamp: string): Hlc {
  const m = STAMP.exec(stamp);
  if (!m) throw new Error(`not an HLC stamp: ${stamp}`);
  return { millis: Number(m[1]), counter: parseInt(m[2]!, 16), node: m[3]! };
}

export function isStamp(value: string): boolean {
  return STAMP.test(value);
}

export function isNode(value: string): boolean {
  return NODE.test(value);
}

/** Past the counter's last value the clock moves on by one ms rather than overflow. */
function settle(millis: number, counter: number, node: string): Hlc {
  if (counter <= MAX_COUNTER) return { millis, counter, node };
  if (millis >= MAX_MILLIS) throw new ClockRangeError('HLC exhausted: wall time at its maximum');
  return { millis: millis + 1, counter: 0, node };
}

function checkNow(now: number): number {
  if (!Number.isSafeInteger(now) || now < 0 || now > MAX_MILLIS) {
    throw new ClockRangeError(`the computer's clock reads an impossible time: ${now}`);
  }
  return now;
}

/** True when a stamp is further ahead of `now` than a clock may believe (MAX_AHEAD_MS). */
export function isTooFarAhead(stamp: string, now: number): boolean {
  return parse(stamp).millis > now + MAX_AHEAD_MS;
}

/** The stamp of a local event at wall time `now`. */
export function tick(last: Hlc, now: number): Hlc {
  checkNow(now);
  return now > last.millis
    ? { millis: now, counter: 0, node: last.node }
    : settle(last.millis, last.counter + 1, last.node);
}

/**
 * The clock after receiving a stamp from another node, at local wall time `now`. A stamp more
 * than MAX_AHEAD_MS ahead is not adopted: the clock ticks as for a local event.
 */
export function receive(last: Hlc, remote: Hlc, now: number): Hlc {
  checkNow(now);
  if (remote.millis > now + MAX_AHEAD_MS) return tick(last, now);
  const millis = Math.max(last.millis, remote.millis, now);
  if (millis === last.millis && millis === remote.millis) {
    return settle(millis, Math.max(last.counter, remote.counter) + 1, last.node);
  }
  if (millis === last.millis) return settle(millis, last.counter + 1, last.node);
  if (millis === remote.millis) return settle(millis, remote.counter + 1, last.node);
  return { millis, counter: 0, node: last.node };
}
