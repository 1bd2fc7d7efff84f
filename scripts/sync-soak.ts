/**
 * The long version of the fault-injection test: `npm run soak:sync -- [runs] [first-seed]`
 * (500 runs from seed 1 by default). Prints one line per failing seed and a summary; exits 1
 * if any run lost, duplicated or disagreed.
 */
import { runFaultScenario } from '../test/helpers/fault-run';

const runs = Number(process.argv[2] ?? 500);
const first = Number(process.argv[3] ?? 1);
let failed = 0;
const totals: Record<string, number> = {};
const started = Date.now();
for (let seed = first; seed < first + runs; seed++) {
  const r = await runFaultScenario(seed, 40);
  for (const [k, v] of Object.entries(r.faults)) totals[k] = (totals[k] ?? 0) + v;
  const ok =
    r.central.appeals === r.cardsCreated &&
    r.central.responses === r.responsesCreated &&
    r.central.changeLogDuplicates === 0 &&
    r.desks.every(
      (d) =>
        d.appeals === r.cardsCreated &&
        d.responses === r.responsesCreated &&
        d.pending.changes + d.pending.responses === 0,
    ) &&
    r.disagreements.every((x) => x.length === 0) &&
    r.keptWordsDrift.every((x) => x.length === 0);
  if (!ok) {
    failed += 1;
    console.log(`seed ${seed} FAILED ${JSON.stringify(r)}`);
  }
}
console.log(
  JSON.stringify({
    runs,
    failed,
    faults: totals,
    seconds: Math.round((Date.now() - started) / 1000),
  }),
);
process.exit(failed ? 1 : 0);
