import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../src-main/core/index';
import { appVersion, repoRoot } from '../src-main/harness/paths';
import { seedCards } from '../bench/synthetic/cards';

/** `npm run seed -- --cards 1000000 [--data DIR] [--seed N]`: fills a desk database. */
const { values } = parseArgs({
  options: {
    cards: { type: 'string', default: '1000' },
    data: { type: 'string' },
    seed: { type: 'string', default: '42' },
  },
});
const dataDir = resolve(values.data ?? process.env.OTKLIK_DATA_DIR ?? '.otklik-data');
const count = Number(values.cards);
if (!Number.isInteger(count) || count < 1) {
  console.error('--cards must be a positive whole number');
  process.exit(2);
}
const core = createCore({
  dataDir,
  resourcesDir: resolve(repoRoot, 'resources'),
  version: appVersion(),
});
const started = Date.now();
seedCards(core, count, {
  seed: Number(values.seed),
  onProgress: (done) =>
    process.stdout.write(`\r${done.toLocaleString('ru-RU')} / ${count.toLocaleString('ru-RU')}`),
});
core.db.pragma('optimize');
core.close();
console.log(`\n${count} cards in ${((Date.now() - started) / 1000).toFixed(1)} s → ${dataDir}`);
