import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createCore, type Core } from '../src-main/core/index';
import { ROOT, serverCli, spawnServer } from '../test/helpers/server-process';
import { deskDigest } from '../src-main/core/sync/agreement';
import { runPouchBench } from './pouch.bench';
import { emit } from './report';
import { wireCounter } from './wire';
import { seedCards } from './synthetic/cards';
import { seedResponses } from './synthetic/responses';

const RESOURCES = resolve(ROOT, 'resources');

export function openDesk(dir: string, pullSliceMs?: number): Core {
  return createCore({
    dataDir: dir,
    resourcesDir: RESOURCES,
    version: 'bench',
    sync: {
      batchChanges: 1000,
      batchResponses: 2000,
      pullSliceMs,
      timeoutMs: 300_000,
      agreement: false,
    },
  });
}

export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

/**
 * Issue 5's figures: a desk with `size` cards and `size` responses pushes them to the central
 * server (its own process, SQLite, loopback) and a second desk pulls them; then the same
 * documents are replicated by PouchDB to pouchdb-server for comparison.
 */
export async function runSyncBench(size: number) {
  const work = mkdtempSync(join(tmpdir(), 'otklik-bench-sync-'));
  const env = { OTKLIK_SERVER_DATA: join(work, 'central'), DATABASE_URL: '' };
  serverCli(env, 'office', 'create', 'BENCH', 'Орган (бенчмарк)');
  const code = () => /: ([A-Z0-9-]{14}) /.exec(serverCli(env, 'enroll-code', 'BENCH'))![1]!;
  const server = await spawnServer(env);
  // The desks reach the central through a byte counter (both benches pay the same hop).
  const wire = await wireCounter(Number(new URL(server.url).port));
  try {
    const a = openDesk(join(work, 'desk-a'));
    process.stderr.write(`seeding ${size} cards and ${size} responses\n`);
    seedCards(a, size, { seed: 11 });
    seedResponses(a, size);
    await a.services.sync.enroll(wire.url, code(), 'Бенчмарк A');
    wire.take();
    const records = 2 * size;

    let start = performance.now();
    const pushed = await a.services.sync.syncNow();
    const pushMs = performance.now() - start;
    if (pushed.pushed !== records) throw new Error(`pushed ${pushed.pushed} of ${records}`);
    emit('sync', 'push_records_per_s', (records / pushMs) * 1000, 'records/s');
    const pushBytes = wire.take();

    const b = openDesk(join(work, 'desk-b'));
    await b.services.sync.enroll(wire.url, code(), 'Бенчмарк B');
    wire.take();
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    start = performance.now();
    const pulled = await b.services.sync.syncNow();
    const pullMs = performance.now() - start;
    lag.disable();
    // What an Electron window on the pulling desk would feel (issue 16: p99 ≤ 50 ms).
    emit('sync', 'desk_event_loop_lag_p99_ms', lag.percentile(99) / 1e6, 'ms');
    if (pulled.pulled !== records) throw new Error(`pulled ${pulled.pulled} of ${records}`);
    emit('sync', 'pull_records_per_s', (records / pullMs) * 1000, 'records/s');
    const bytesPerRecord = (pushBytes + wire.take()) / (2 * records);
    emit('sync', 'sync_bytes_per_record', bytesPerRecord, 'B');

    start = performance.now();
    const digest = await deskDigest(b.db);
    emit('sync', 'agreement_desk_digest_ms', performance.now() - start, 'ms');
    start = performance.now();
    const agreement = await b.services.sync.checkAgreement();
    emit('sync', 'agreement_check_ms', performance.now() - start, 'ms');
    void digest;
    if (!agreement.agrees) throw new Error('desk B does not agree with central');

    emit('sync', 'desk_rss_mb', process.resourceUsage().maxRSS / 1024, 'MB');
    emit('sync', 'server_rss_mb', peakRssMb(server.child.pid!), 'MB');
    // The same documents for PouchDB: each card's synced record, each response as sent.
    const docs = [
      ...(a.db.prepare('SELECT id FROM appeals').pluck().all() as string[]).map((id) => ({
        _id: id,
        type: 'appeal',
        ...a.services.appeals.record(id),
      })),
      ...a.services.syncStore.responsesInPeriod('0000-01-01', '9999-12-31').map((r) => ({
        ...r,
        _id: r.id,
        type: 'response',
      })),
    ];
    a.close();
    b.close();

    const pouch = await runPouchBench(docs);
    emit('sync', 'pouchdb_records_per_s', pouch.push, 'records/s');
    emit('sync', 'pouchdb_pull_records_per_s', pouch.pull, 'records/s');
    emit('sync', 'pouchdb_bytes_per_record', pouch.bytesPerRecord, 'B');
    emit('sync', 'push_vs_pouchdb', ((records / pushMs) * 1000) / pouch.push, 'x');
    emit('sync', 'pull_vs_pouchdb', ((records / pullMs) * 1000) / pouch.pull, 'x');
    emit('sync', 'bytes_vs_pouchdb', bytesPerRecord / pouch.bytesPerRecord, 'x');
  } finally {
    await wire.close();
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
