/**
 * Hybrid logical clock (Kulkarni et al.; the same idea as Actual Budget's): a stamp is the wall
 * time in ms, a counter for events within one ms or while the wall clock is behind, and the
 * node that made it. Stamps order causally (a stamp made after receiving another is greater)
 * and serialise to fixed-width strings that sort like the stamps.
 *
 * Unlike Actual, a stamp far ahead of the local clock is not refused: desks whose clocks are
 * wrong by days must still sync (issue 5). The clock simply follows the greatest time seen, and
 * the counter takes the rest.
 */
export interface Hlc {
  millis: number;
  counter: number;
  node: string;
}

const MAX_COUNTER = 0xffff;
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
  return counter > MAX_COUNTER
    ? { millis: millis + 1, counter: 0, node }
    : { millis, counter, node };
}

/** The stamp of a local event at wall time `now`. */
export function tick(last: Hlc, now: number): Hlc {
  return now > last.millis
    ? { millis: now, counter: 0, node: last.node }
    : settle(last.millis, last.counter + 1, last.node);
}

/** The clock after receiving a stamp from another node, at local wall time `now`. */
export function receive(last: Hlc, remote: Hlc, now: number): Hlc {
  const millis = Math.max(last.millis, remote.millis, now);
  if (millis === last.millis && millis === remote.millis) {
    return settle(millis, Math.max(last.counter, remote.counter) + 1, last.node);
  }
  if (millis === last.millis) return settle(millis, last.counter + 1, last.node);
  if (millis === remote.millis) return settle(millis, remote.counter + 1, last.node);
  return { millis, counter: 0, node: last.node };
}
