import { parseArgs } from 'node:util';
import { runCardBench } from './card.bench';

/**
 * `npm run bench -- [NAME] [--size N]`: runs one benchmark, or all without a name. Every
 * figure is printed as {"bench","metric","value","unit"} on its own line (progress goes to
 * stderr), so runs can be compared.
 */
const BENCHES: Record<string, { defaultSize: number; run(size: number): void }> = {
  card: { defaultSize: 1_000_000, run: runCardBench },
};

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { size: { type: 'string' } },
});
const names = positionals.length > 0 ? positionals : Object.keys(BENCHES);
for (const name of names) {
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`unknown bench "${name}"; known: ${Object.keys(BENCHES).join(', ')}`);
    process.exit(2);
  }
  bench.run(values.size ? Number(values.size) : bench.defaultSize);
}
