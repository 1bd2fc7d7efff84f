import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { quarterPeriod } from '../src-shared/reports/period';
import type { Core } from '../src-main/core/index';
import { serverCli, spawnServer } from '../test/helpers/server-process';
import { emit } from './report';
import { openDesk, peakRssMb } from './sync.bench';
import { seedOffice } from './synthetic/office';

/**
 * Issue 16's bootstrap figure (`npm run bench -- sync --bootstrap --size N`): the central holds
 * an office of N cards and N responses; a new desk enrolls and syncs until it holds them all,
 * then must search and report exactly as the desk that typed them. Measured: the time, the new
 * desk's event-loop lag (what an Electron window would feel), the central's peak RSS.
 */
export async function runBootstrapBench(size: number) {
  const work = mkdtempSync(join(tmpdir(), 'otklik-bench-bootstrap-'));
  const env = { OTKLIK_SERVER_DATA: join(work, 'central'), DATABASE_URL: '' };
  serverCli(env, 'office', 'create', 'BENCH', 'Орган (бенчмарк)');
  const code = () => /: ([A-Z0-9-]{14}) /.exec(serverCli(env, 'enroll-code', 'BENCH'))![1]!;
  const server = await spawnServer(env);
  try {
    const a = openDesk(join(work, 'desk-a'));
    await a.services.sync.enroll(server.url, code(), 'Бенчмарк A');
    seedOffice(a, join(work, 'central'), 'BENCH', size);

    const b = openDesk(join(work, 'desk-b'));
    await b.services.sync.enroll(server.url, code(), 'Бенчмарк B');
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    const start = performance.now();
    const pulled = await b.services.sync.syncNow();
    const seconds = (performance.now() - start) / 1000;
    lag.disable();
    if (pulled.pulled < 2 * size) throw new Error(`pulled ${pulled.pulled} of ${2 * size}`);
    emit('sync', 'bootstrap_records', 2 * size, 'records');
    emit('sync', 'bootstrap_s', seconds, 's');
    emit('sync', 'bootstrap_records_per_s', (2 * size) / seconds, 'records/s');
    emit('sync', 'desk_event_loop_lag_p99_ms', lag.percentile(99) / 1e6, 'ms');
    emit('sync', 'desk_event_loop_lag_max_ms', lag.max / 1e6, 'ms');
    emit('sync', 'server_rss_mb', peakRssMb(server.child.pid!), 'MB');
    emit('sync', 'desk_rss_mb', process.resourceUsage().maxRSS / 1024, 'MB');

    // The new desk searches and reports as the one the cards were typed on.
    const same = (what: string, f: (d: Core) => unknown) => {
      const [x, y] = [JSON.stringify(f(a)), JSON.stringify(f(b))];
      if (x !== y) throw new Error(`${what} differs after bootstrap`);
    };
    // The cards found (their officials' names are the desk's own reference data, which the
    // bench does not push, so the new desk names them as placeholders).
    // Words of a few of the cards, as an officer would type them.
    const contents = a.db
      .prepare('SELECT content FROM appeals ORDER BY id LIMIT 3')
      .pluck()
      .all() as string[];
    const queries = contents.map(
      (c) => c.split(/[^а-яё]+/i).sort((x, y) => y.length - x.length)[0]!,
    );
    for (const query of queries) {
      same(`search «${query}»`, (d) => {
        const r = d.dispatch('appeals.list', { filter: { query }, offset: 0, limit: 500 });
        if (!r.ok) throw new Error(JSON.stringify(r.error));
        const list = r.result as { total: number; items: { id: string }[] };
        if (list.total === 0) throw new Error(`nothing found for «${query}»`);
        return [list.total, list.items.map((i) => i.id)];
      });
    }
    const year = new Date().getFullYear();
    for (const q of [1, 2, 3, 4] as const) {
      same(`report ${year} Q${q}`, (d) =>
        d.dispatch('reports.appeals', { period: quarterPeriod(year, q) }),
      );
    }
    const agreement = await b.services.sync.checkAgreement();
    if (!agreement.agrees) throw new Error('the new desk does not agree with the central');
    a.close();
    b.close();
  } finally {
    await server.stop();
    rmSync(work, { recursive: true, force: true });
  }
}
