import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serverCli, spawnServer } from '../test/helpers/server-process';
import { emit } from './report';
import { openDesk, peakRssMb } from './sync.bench';
import { seedOffice } from './synthetic/office';

/**
 * Issue 16's agreement figure: an office of `size` cards and `size` responses (2 × size
 * records) held by a desk and by the central (its own process, SQLite, loopback); the desk's
 * check as it runs after a quiet sync. The first check must find the two sides equal — a wrong
 * word anywhere would show.
 */
export async function runAgreementBench(size: number) {
  const work = mkdtempSync(join(tmpdir(), 'otklik-bench-agreement-'));
  const env = { OTKLIK_SERVER_DATA: join(work, 'central'), DATABASE_URL: '' };
  serverCli(env, 'office', 'create', 'BENCH', 'Орган (бенчмарк)');
  const code = /: ([A-Z0-9-]{14}) /.exec(serverCli(env, 'enroll-code', 'BENCH'))![1]!;
  const server = await spawnServer(env);
  try {
    const desk = openDesk(join(work, 'desk'));
    await desk.services.sync.enroll(server.url, code, 'Бенчмарк');
    seedOffice(desk, join(work, 'central'), 'BENCH', size);

    const lag = monitorEventLoopDelay({ resolution: 10 });
    // First check: every word of the desk is computed (a desk just upgraded to protocol 4).
    lag.enable();
    let start = performance.now();
    const first = await desk.services.sync.checkAgreement();
    emit('agreement', 'agreement_first_check_ms', performance.now() - start, 'ms');
    lag.disable();
    emit('agreement', 'first_check_event_loop_lag_p99_ms', lag.percentile(99) / 1e6, 'ms');
    if (!first.agrees) throw new Error(`desk and central differ: ${JSON.stringify(first)}`);
    // The check as it runs after every quiet sync: the words are kept.
    const runs: number[] = [];
    lag.reset();
    lag.enable();
    for (let i = 0; i < 3; i++) {
      start = performance.now();
      const again = await desk.services.sync.checkAgreement();
      runs.push(performance.now() - start);
      if (!again.agrees) throw new Error('desk and central differ on a repeated check');
    }
    lag.disable();
    emit('agreement', 'records', 2 * size, 'records');
    emit('agreement', 'agreement_check_ms', Math.min(...runs), 'ms');
    emit('agreement', 'agreement_check_max_ms', Math.max(...runs), 'ms');
    emit('agreement', 'desk_event_loop_lag_p99_ms', lag.percentile(99) / 1e6, 'ms');
    emit('agreement', 'server_rss_mb', peakRssMb(server.child.pid!), 'MB');
    desk.close();
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
