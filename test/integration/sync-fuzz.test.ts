import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appealInput } from '../helpers/appeal-input';
import {
  enroll,
  officialOf,
  startCentral,
  startDesk,
  type Central,
  type Desk,
  centralCounts,
} from '../helpers/central';

let central: Central;
let desk: Desk;
let token: string;
let valid: { protocol: 2; changes: unknown[] };

beforeAll(async () => {
  central = await startCentral();
  desk = startDesk();
  await enroll(central, desk);
  token = desk.services.credentials.load()!.token;
  desk.dispatch('appeals.create', { data: appealInput(officialOf(desk)) });
  const batch = desk.services.syncStore.batch(0, 10);
  valid = { protocol: 2, changes: batch.changes };
});
afterAll(async () => {
  desk.cleanup();
  await central.close();
});

const snapshot = () => centralCounts(central);

async function push(payload: string) {
  return central.app.inject({
    method: 'POST',
    url: '/v1/push',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    payload,
  });
}

/** Replaces one value somewhere inside a JSON value with another. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value);
  if (entries.length === 0) return replacement;
  const [key, child] = entries[path[0]! % entries.length]!;
  const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<
    string | number,
    unknown
  >;
  copy[key] = mutate(child, path.slice(1), replacement);
  return copy;
}

describe('fuzzed push payloads (fast-check)', () => {
  it('arbitrary JSON: always 4xx with a reason, never 5xx, nothing written', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const res = await push(JSON.stringify(body));
        expect(res.statusCode).toBeGreaterThanOrEqual(400);
        expect(res.statusCode).toBeLessThan(500);
        expect(res.json().message).toEqual(expect.any(String));
      }),
      { numRuns: 200, seed: 5 },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('a valid batch with one value replaced: a broken envelope refused whole with 4xx; else each change applied or refused with its reason', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.oneof(fc.jsonValue(), fc.string(), fc.constant(null), fc.integer()),
        async (path, replacement) => {
          const before = await snapshot();
          const body = mutate(valid, path, replacement) as { changes?: unknown };
          const res = await push(JSON.stringify(body));
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(res.json().message).toEqual(expect.any(String));
            expect(await snapshot()).toEqual(before);
            return;
          }
          const answer = res.json() as {
            applied: number;
            duplicates: number;
            refused: { message: string }[];
          };
          const sent = Array.isArray(body.changes) ? body.changes.length : 0;
          expect(answer.applied + answer.duplicates + answer.refused.length).toBe(sent);
          for (const r of answer.refused) expect(r.message).toEqual(expect.any(String));
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('poison mid-batch (extreme stamps, foreign desk numbers, another office, other nodes): each refused alone', async () => {
    const good = valid.changes[0] as {
      id: string;
      entityId: string;
      hlc: string;
      fields: Record<string, unknown>;
    };
    const poison = fc.oneof(
      fc
        .constantFrom(
          '999999999999999-ffff-ffffffffffffffff',
          '999999999999999-0000-' + good.hlc.slice(-16),
          String(Date.now() + 31 * 86_400_000).padStart(15, '0') + '-0000-' + good.hlc.slice(-16),
        )
        .map((hlc) => ({ ...good, hlc })),
      fc
        .constantFrom('ZZZ-2026-000001', '=1+1', 'MIN01A-1999-000001', 'OTHER-2026-000009')
        .map((regNumber) => ({ ...good, fields: { ...good.fields, regNumber } })),
      fc.constant({ ...good, hlc: good.hlc.slice(0, -16) + '0123456789abcdef' }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(poison, { minLength: 1, maxLength: 5 }), async (bad) => {
        const fresh = bad.map((b) => ({
          ...b,
          id: crypto.randomUUID(),
          entityId: crypto.randomUUID(),
        }));
        const res = await push(JSON.stringify({ protocol: 2, changes: fresh }));
        expect(res.statusCode).toBe(200);
        const answer = res.json() as { applied: number; refused: { code: string }[] };
        expect(answer.applied).toBe(0);
        expect(answer.refused).toHaveLength(fresh.length);
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('broken JSON, wrong content type and oversized bodies are refused with 4xx', async () => {
    expect((await push('{"protocol": 2, "changes": [')).statusCode).toBe(400);
    const text = await central.app.inject({
      method: 'POST',
      url: '/v1/push',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
    const huge = await push(
      JSON.stringify({
        protocol: 2,
        changes: [],
        pad: 'x'.repeat(33 * 1024 * 1024),
      }),
    );
    expect(huge.statusCode).toBe(413);
  });
});
