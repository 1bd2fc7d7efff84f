import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { wireCounter } from './wire';

/** The slice of PouchDB's API the comparison uses (the packages ship no types). */
interface PouchDb {
  bulkDocs(docs: object[]): Promise<unknown>;
  info(): Promise<{ doc_count: number }>;
  destroy(): Promise<unknown>;
}
interface PouchStatic {
  new (name: string, options?: object): PouchDb;
  plugin(p: unknown): PouchStatic;
  replicate(
    from: PouchDb | string,
    to: PouchDb | string,
    options?: object,
  ): Promise<{ docs_written: number }>;
}

const require = createRequire(import.meta.url);

function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/**
 * The same documents replicated the CouchDB way: a local PouchDB (memory adapter) to
 * pouchdb-server (in memory) over loopback, then from it into a second local PouchDB. Returns
 * the push rate; the pull rate is emitted beside it. Both sides keep everything in memory, which
 * favours PouchDB over Otklik's desk (SQLite on disk, fsync'd).
 */
export async function runPouchBench(
  docs: readonly object[],
): Promise<{ push: number; pull: number; bytesPerRecord: number }> {
  const PouchDB = (require('pouchdb-core') as PouchStatic)
    .plugin(require('pouchdb-adapter-memory'))
    .plugin(require('pouchdb-adapter-http'))
    .plugin(require('pouchdb-replication'));
  const port = await freePort();
  const bin = resolve(import.meta.dirname, '../node_modules/.bin/pouchdb-server');
  // pouchdb-server writes config.json and log.txt into its working folder: give it its own.
  const cwd = mkdtempSync(join(tmpdir(), 'otklik-pouchdb-'));
  const server = spawn(bin, ['--in-memory', '--port', String(port), '--host', '127.0.0.1'], {
    stdio: 'ignore',
    cwd,
  });
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < 100; i++) {
      if (
        await fetch(base).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await fetch(`${base}/bench`, { method: 'PUT' });
    // Replication goes through the same byte counter as Otklik's desks.
    const wire = await wireCounter(port);
    const remote = `${wire.url}/bench`;
    const local = new PouchDB('desk-a', { adapter: 'memory' });
    for (let i = 0; i < docs.length; i += 5000)
      await local.bulkDocs(docs.slice(i, i + 5000) as object[]);
    let start = performance.now();
    wire.take();
    const pushed = await PouchDB.replicate(local, remote, {
      batch_size: 1000,
      batches_limit: 4,
    });
    const pushMs = performance.now() - start;
    if (pushed.docs_written !== docs.length) throw new Error(`pouch pushed ${pushed.docs_written}`);
    const second = new PouchDB('desk-b', { adapter: 'memory' });
    start = performance.now();
    const pulled = await PouchDB.replicate(remote, second, {
      batch_size: 1000,
      batches_limit: 4,
    });
    const pullMs = performance.now() - start;
    if (pulled.docs_written !== docs.length) throw new Error(`pouch pulled ${pulled.docs_written}`);
    const bytesPerRecord = wire.take() / (2 * docs.length);
    await wire.close();
    await local.destroy();
    await second.destroy();
    return {
      push: (docs.length / pushMs) * 1000,
      pull: (docs.length / pullMs) * 1000,
      bytesPerRecord,
    };
  } finally {
    server.kill();
    rmSync(cwd, { recursive: true, force: true });
  }
}
