import { randomBytes } from 'node:crypto';
import {
  MAX_AHEAD_MS,
  parse,
  receive,
  serialize,
  tick,
  type Hlc,
} from '../../../src-shared/sync/hlc';
import type { CoreContext } from '../context';
import type { Settings } from '../settings';

/**
 * The desk's hybrid logical clock: a random node id made once, and the last stamp, both kept in
 * settings so they survive restarts. Call inside the transaction of the write being stamped.
 */
export function createClock(ctx: CoreContext, settings: Settings) {
  let node = settings.value('sync_node');
  if (node === null) {
    node = randomBytes(8).toString('hex');
    settings.set('sync_node', node);
  }
  const nodeId = node;

  /**
   * The last stamp; one poisoned before issue 13 (further ahead than any clock may believe)
   * is dropped, so that the desk stamps from its own time again instead of failing forever.
   */
  function last(): Hlc {
    const stored = settings.value('sync_hlc');
    const h = stored ? parse(stored) : null;
    if (!h || h.millis > ctx.now().getTime() + MAX_AHEAD_MS) {
      return { millis: 0, counter: 0, node: nodeId };
    }
    return { ...h, node: nodeId };
  }

  return {
    node: nodeId,
    /** A new stamp for a local write. */
    stamp(): string {
      const next = serialize(tick(last(), ctx.now().getTime()));
      settings.set('sync_hlc', next);
      return next;
    },
    /** Moves the clock past a stamp received from elsewhere. */
    observe(remote: string): void {
      const next = receive(last(), parse(remote), ctx.now().getTime());
      settings.set('sync_hlc', serialize(next));
    },
  };
}

export type Clock = ReturnType<typeof createClock>;
