import { parseArgs } from 'node:util';
import { emit } from './report';

/**
 * `npm run bench -- [NAME] [--size N]`: runs one benchmark, or all without a name. Every
 * figure is printed as {"bench","metric","value","unit"} on its own line (progress goes to
 * stderr), so runs can be compared. The process's RSS before any bench code is loaded is
 * printed first, so each bench's rss_mb can be read against it (Node plus the TypeScript
 * loader come to about 70 MB before the core is even imported).
 */
const baselineRss = process.memoryUsage().rss;

type Bench = { defaultSize: number; load(): Promise<(size: number) => void | Promise<void>> };
const BENCHES: Record<string, Bench> = {
  card: { defaultSize: 1_000_000, load: async () => (await import('./card.bench')).runCardBench },
  /** size = number of cold loads of the kiosk page. */
  kiosk: { defaultSize: 20, load: async () => (await import('./kiosk.bench')).runKioskBench },
  /** size = cards, and as many survey responses, over two years; the last full quarter reported. */
  report: {
    defaultSize: 1_000_000,
    load: async () => (await import('./report.bench')).runReportBench,
  },
  /** size = cards of a region of 100 offices (half as many responses) at the central. */
  central: {
    defaultSize: 2_000_000,
    load: async () => (await import('./central.bench')).runCentralBench,
  },
  /**
   * size = cards, and as many survey responses, pushed by one desk and pulled by another; with
   * --bootstrap, held by the central and pulled by a new desk.
   */
  sync: {
    defaultSize: 100_000,
    load: async () =>
      values.bootstrap
        ? (await import('./bootstrap.bench')).runBootstrapBench
        : (await import('./sync.bench')).runSyncBench,
  },
  /** size = cards, and as many responses, of one office held by a desk and the central. */
  agreement: {
    defaultSize: 500_000,
    load: async () => (await import('./agreement.bench')).runAgreementBench,
  },
  /** size = cards (twice: bare, then indexed) and responses written at the desk's floor. */
  floor: { defaultSize: 20_000, load: async () => (await import('./floor.bench')).runFloorBench },
  /** size = online answers sent to the central by 64 concurrent clients. */
  online: { defaultSize: 5_000, load: async () => (await import('./online.bench')).runOnlineBench },
  /** size = the region's coded cards the central builds the topic model from. */
  topics: {
    defaultSize: 100_000,
    load: async () => (await import('./topics.bench')).runTopicsBench,
  },
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { size: { type: 'string' }, bootstrap: { type: 'boolean' } },
});
const names = positionals.length > 0 ? positionals : Object.keys(BENCHES);
const unknown = names.filter((n) => !BENCHES[n]);
if (unknown.length > 0) {
  console.error(`unknown bench "${unknown.join(', ')}"; known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
emit('run', 'baseline_rss_mb', baselineRss / 1024 / 1024, 'MB');
for (const name of names) {
  const bench = BENCHES[name]!;
  const run = await bench.load();
  await run(values.size ? Number(values.size) : bench.defaultSize);
}
