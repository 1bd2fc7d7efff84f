import { Worker } from 'node:worker_threads';
import type { AccumulatorState, HistoryAccumulator } from '../../src-shared/topics/model';

/**
 * Reading the region's stored cards into a topic model's sums (docs/topics.md), in the server's
 * own thread or split over worker threads (topic-worker.ts). A card is its stored JSON (the
 * merged record sync keeps), as the build reads them page by page.
 */
export type StoredCard = string;

/**
 * A stored card's text and classifier codes; null for a damaged record, which is skipped and
 * never fails a build. The codes are the record's `topicCodes`, the same the `appeal_topics`
 * rows hold (report-columns.ts, cardTopics): read here, where the record is parsed anyway, not
 * queried again; what is not a string among them is left out (and a malformed code later).
 */
export function cardOf(data: StoredCard): { content: string; codes: string[] } | null {
  try {
    const parsed = JSON.parse(data) as { content?: unknown; topicCodes?: unknown };
    if (typeof parsed.content !== 'string') return null;
    const codes = Array.isArray(parsed.topicCodes)
      ? parsed.topicCodes.filter((c): c is string => typeof c === 'string')
      : [];
    return { content: parsed.content, codes };
  } catch {
    return null;
  }
}

export function addStoredCards(acc: HistoryAccumulator, cards: readonly StoredCard[]) {
  for (const data of cards) {
    const card = cardOf(data);
    if (card?.content) acc.add(card.content, card.codes);
  }
}

/** What the build's thread says to a worker, and the worker's answers. */
export type ToWorker = { cards: StoredCard[] } | { finish: true };
export type FromWorker = { ready: true } | { read: number } | { state: AccumulatorState };

/** Where a worker's code is: the built server's topic-worker.js, or a loader for the source. */
export interface TopicWorkerEntry {
  /** The worker's module. */
  entry: URL;
  /** A module started instead that loads `entry` itself (tests: a TypeScript loader). */
  loader?: URL;
  /** A worker's heap, at most (WORKER_HEAP_MB by default). */
  heapMb?: number;
  /** How long a worker may take over a page or its sums (STALL_MS by default). */
  stallMs?: number;
}

/**
 * A worker's heap at most: a build of 100,000 cards with a region's wide vocabulary keeps
 * ≈ 150 MB and grows the process by ≈ 1 GB at its peak (docs/topics.md); a worker past this
 * ends alone (that build fails, the server goes on) instead of the whole server running out.
 */
export const WORKER_HEAP_MB = 1536;

/** A promise with its resolve and reject at hand; a rejection nobody awaits is not reported. */
function settled<T>() {
  let resolve!: (value: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * Cards per message to a worker: a page is split so the workers end together (the last
 * message is all one worker reads while the other waits).
 */
const MESSAGE = 500;
/** Messages sent ahead to one worker before the reader waits for it. */
const AHEAD = 4;
/** How long workers may take to load before the build reads in its own thread instead. */
const READY_MS = 30_000;
/**
 * How long a worker may take over one message of cards (≈ 0.05 s) or its sums before the build
 * gives up on it: a worker stuck in a loop fails that build, never holds every later one.
 */
export const STALL_MS = 5 * 60_000;

/**
 * Worker threads that read cards in parallel, each into its own sums, merged at the end.
 * `add` hands a page to the least busy workers a message at a time and waits only when every
 * worker has AHEAD messages to read; any worker's failure fails the build (the schedule tries
 * again later).
 */
export class TopicBuildPool {
  private readonly workers: {
    worker: Worker;
    busy: number;
    waiting: (() => void)[];
    /** Its code loaded and listening (a missing or broken file never is). */
    ready: Promise<void>;
    state: Promise<AccumulatorState>;
  }[] = [];
  private failure: Error | null = null;

  private constructor(private readonly stallMs: number) {}

  /** `work`, or a failure of the pool when it takes longer than stallMs. */
  private async watched<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.failure ??= new Error('topic model worker stalled');
        reject(this.failure);
      }, this.stallMs);
    });
    try {
      return await Promise.race([work, stalled]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One more worker, its failures failing the pool. */
  private spawn(where: TopicWorkerEntry) {
    const resourceLimits = { maxOldGenerationSizeMb: where.heapMb ?? WORKER_HEAP_MB };
    const worker = where.loader
      ? new Worker(where.loader, { workerData: { entry: where.entry.href }, resourceLimits })
      : new Worker(where.entry, { resourceLimits });
    const ready = settled<void>();
    const state = settled<AccumulatorState>();
    const w = {
      worker,
      busy: 0,
      waiting: [] as (() => void)[],
      ready: ready.promise,
      state: state.promise,
    };
    const fail = (e: Error) => {
      this.failure ??= e;
      ready.reject(e);
      state.reject(e);
      for (const wake of w.waiting.splice(0)) wake();
    };
    worker.on('message', (m: FromWorker) => {
      if ('ready' in m) ready.resolve();
      else if ('read' in m) {
        w.busy--;
        w.waiting.shift()?.();
      } else state.resolve(m.state);
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`topic model worker exited (${code})`)));
    this.workers.push(w);
  }

  /** Starts `count` workers; null when any cannot start (the build then runs in its own thread). */
  static async start(where: TopicWorkerEntry, count: number): Promise<TopicBuildPool | null> {
    const pool = new TopicBuildPool(where.stallMs ?? STALL_MS);
    let timer: NodeJS.Timeout | undefined;
    try {
      for (let i = 0; i < count; i++) pool.spawn(where);
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('topic model workers not ready')), READY_MS);
      });
      await Promise.race([Promise.all(pool.workers.map((w) => w.ready)), late]);
      return pool;
    } catch {
      await pool.close();
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Hands a page of cards to the least busy workers, MESSAGE cards at a time. */
  async add(page: StoredCard[]) {
    for (let from = 0; from < page.length; from += MESSAGE) {
      if (this.failure) throw this.failure;
      const w = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      if (w.busy >= AHEAD) await this.watched(new Promise<void>((wake) => w.waiting.push(wake)));
      if (this.failure) throw this.failure;
      w.busy++;
      w.worker.postMessage({ cards: page.slice(from, from + MESSAGE) } satisfies ToWorker);
    }
  }

  /**
   * Every worker's sums merged into `acc`, but for terms fewer than `minDf` cards of the region
   * and, within a question, `minInQuestion` cards of it hold (HistoryAccumulator.merge).
   */
  async finish(acc: HistoryAccumulator, minDf: number, minInQuestion: number) {
    for (const w of this.workers) w.worker.postMessage({ finish: true } satisfies ToWorker);
    const states = await this.watched(Promise.all(this.workers.map((w) => w.state)));
    acc.merge(states, minDf, minInQuestion);
  }

  /** The workers end (always, after a build or its failure). */
  async close() {
    for (const w of this.workers) w.worker.removeAllListeners('exit');
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
