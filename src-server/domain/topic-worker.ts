import { parentPort } from 'node:worker_threads';
import { HistoryAccumulator } from '../../src-shared/topics/model';
import { addStoredCards, type FromWorker, type ToWorker } from './topic-cards';

/**
 * A worker thread of the central's topic model build (topic-cards.ts): reads the pages of cards
 * it is sent into its own sums and sends them back when told to finish. The built server runs
 * it as dist-server/topic-worker.js.
 */
const acc = new HistoryAccumulator();
const port = parentPort!;
port.on('message', (m: ToWorker) => {
  if ('cards' in m) {
    addStoredCards(acc, m.cards);
    port.postMessage({ read: m.cards.length } satisfies FromWorker);
  } else {
    const { state, buffers } = acc.state();
    port.postMessage({ state } satisfies FromWorker, buffers);
  }
});
port.postMessage({ ready: true } satisfies FromWorker);
