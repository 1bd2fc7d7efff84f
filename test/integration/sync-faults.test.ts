import { describe, expect, it } from 'vitest';
import { runFaultScenario } from '../helpers/fault-run';

const SEEDS = Array.from({ length: 50 }, (_, i) => 1000 + i);
const seen = { drop: 0, duplicate: 0, cut: 0, '5xx': 0, reorder: 0, restart: 0, failures: 0 };

describe('sync through a faulty network (50 seeded runs; more: npm run soak:sync)', () => {
  it.each(SEEDS)(
    'seed %i: no card or response lost or duplicated, desks agree with central',
    async (seed) => {
      const r = await runFaultScenario(seed);
      expect(r.central.appeals).toBe(r.cardsCreated);
      expect(r.central.responses).toBe(r.responsesCreated);
      expect(r.central.changeLogDuplicates).toBe(0);
      for (const d of r.desks) {
        expect(d.appeals).toBe(r.cardsCreated);
        expect(d.responses).toBe(r.responsesCreated);
        expect(d.pending).toEqual({ changes: 0, responses: 0, attachments: 0 });
      }
      expect(r.disagreements).toEqual([[], []]);
      expect(r.keptWordsDrift).toEqual([[], [], []]);
      for (const k of ['drop', 'duplicate', 'cut', '5xx', 'reorder', 'restart'] as const)
        seen[k] += r.faults[k];
      seen.failures += r.syncFailures;
    },
  );

  it('the runs above did exercise every kind of fault', () => {
    for (const [kind, n] of Object.entries(seen)) expect(n, kind).toBeGreaterThan(0);
  });
});
