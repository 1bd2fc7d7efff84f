import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { appeals } from '../../bench/topics/appeals';
import { openCentralDb, type CentralDb } from '../../src-server/db/database';
import type { TopicWorkerEntry } from '../../src-server/domain/topic-cards';
import { createTopicModels } from '../../src-server/domain/topic-model';
import { createWriter } from '../../src-server/domain/write-lock';
import { storeCodedCards } from '../helpers/coded-cards';
import { tempDir } from '../helpers/temp-core';

/**
 * The central's topic model build on worker threads (docs/topics.md): the same model as in the
 * server's own thread, damaged records skipped, and a worker that cannot start or dies never
 * takes the server with it.
 */
const source: TopicWorkerEntry = {
  entry: new URL('../../src-server/domain/topic-worker.ts', import.meta.url),
  loader: new URL('../helpers/tsx-worker.mjs', import.meta.url),
};
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function region(): Promise<CentralDb> {
  const t = tempDir();
  const central = await openCentralDb({ sqliteFile: join(t.dir, 'central.sqlite') });
  cleanups.push(() => t.cleanup());
  cleanups.push(() => central.close());
  const cards: { text: string; codes: string[]; data?: string }[] = appeals('history', 6).map(
    (a) => ({ text: a.text, codes: a.codes }),
  );
  const code = ['0005.0005.0056.1156'];
  // Damaged records among them: not JSON, not an object, null, a number for the text, codes
  // that are no list (the card reads no code); and codes with junk beside a real one (it counts).
  cards.splice(10, 0, { text: '', codes: code, data: '{"broken' });
  cards.splice(20, 0, { text: '', codes: code, data: '[]' });
  cards.splice(25, 0, { text: '', codes: code, data: 'null' });
  cards.splice(30, 0, { text: '', codes: code, data: '{"content":12345}' });
  cards.splice(40, 0, { text: '', codes: code, data: '{"content":"Нет воды","topicCodes":5}' });
  const junk = '{"content":"Батареи холодные","topicCodes":[null,7,{},"0005.0005.0056.1156"]}';
  cards.splice(50, 0, { text: '', codes: code, data: junk });
  await storeCodedCards(central.db, cards);
  return central;
}

let fallbacks = 0;
const build = (central: CentralDb, workers: { where: TopicWorkerEntry; count: number } | null) =>
  createTopicModels({
    db: central.db,
    write: createWriter(central),
    now: () => new Date(),
    workers,
    onFallback: () => fallbacks++,
  });

describe('the topic model build on worker threads', () => {
  it('gives the model the server’s own thread gives, and skips damaged records', async () => {
    const central = await region();
    const own = build(central, null);
    expect(await own.build()).toBe(1);
    const inThread = (await own.latest())!;
    // Two workers (each question's rarer terms found through the other's seeds) and three
    // (every term looked for): the same model, byte for byte but the time it was built.
    for (const count of [2, 3]) {
      await central.db.deleteFrom('topic_models').execute();
      const split = build(central, { where: source, count });
      expect(await split.build()).toBe(1);
      const onWorkers = (await split.latest())!;
      expect(fallbacks).toBe(0);
      expect(onWorkers.cards).toBe(307);
      expect(Object.keys(onWorkers.classes).length).toBeGreaterThan(40);
      expect(JSON.stringify({ ...onWorkers, builtAt: '' }), `${count} workers`).toBe(
        JSON.stringify({ ...inThread, builtAt: '' }),
      );
    }
  });

  it('reads in its own thread when the workers cannot start', async () => {
    const central = await region();
    const missing = build(central, {
      where: { entry: pathToFileURL(join(tempDir().dir, 'no-such-worker.js')) },
      count: 2,
    });
    expect(await missing.build()).toBe(1);
    expect((await missing.latest())!.cards).toBe(307);
    expect(fallbacks).toBe(1);
  });

  it('a worker that dies fails that build only: the next one is built, the last one served', async () => {
    const central = await region();
    const t = tempDir();
    cleanups.push(() => t.cleanup());
    const dying = join(t.dir, 'dying-worker.mjs');
    writeFileSync(
      dying,
      `import { parentPort } from 'node:worker_threads';
       let pages = 0;
       parentPort.on('message', () => { if (++pages === 2) process.exit(3); parentPort.postMessage({ read: 1 }); });
       parentPort.postMessage({ ready: true });`,
    );
    const throwing = join(t.dir, 'throwing-worker.mjs');
    writeFileSync(
      throwing,
      `import { parentPort } from 'node:worker_threads';
       parentPort.on('message', () => { throw new Error('плохая карточка'); });
       parentPort.postMessage({ ready: true });`,
    );
    await expect(
      build(central, { where: { entry: pathToFileURL(dying) }, count: 1 }).build(),
    ).rejects.toThrow(/exited \(3\)/);
    await expect(
      build(central, { where: { entry: pathToFileURL(throwing) }, count: 2 }).build(),
    ).rejects.toThrow(/плохая карточка/);
    // A worker that runs out of its heap ends alone; this process goes on.
    const greedy = join(t.dir, 'greedy-worker.mjs');
    writeFileSync(
      greedy,
      `import { parentPort } from 'node:worker_threads';
       const kept = [];
       parentPort.on('message', () => { for (;;) kept.push(new Array(100_000).fill(kept.length)); });
       parentPort.postMessage({ ready: true });`,
    );
    await expect(
      build(central, { where: { entry: pathToFileURL(greedy), heapMb: 64 }, count: 1 }).build(),
    ).rejects.toThrow(/memory limit/);
    // A worker stuck in a loop: given up on after its time, the build fails, nothing waits on.
    const stuck = join(t.dir, 'stuck-worker.mjs');
    writeFileSync(
      stuck,
      `import { parentPort } from 'node:worker_threads';
       parentPort.on('message', () => { for (;;) {} });
       parentPort.postMessage({ ready: true });`,
    );
    await expect(
      build(central, { where: { entry: pathToFileURL(stuck), stallMs: 1_000 }, count: 1 }).build(),
    ).rejects.toThrow(/stalled/);
    const models = build(central, { where: source, count: 2 });
    expect(await models.latest()).toBeNull();
    expect(await models.build()).toBe(1);
    expect((await models.builds()).map((b) => b.cards)).toEqual([307]);
  });
});
