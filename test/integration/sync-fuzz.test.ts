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
let valid: { protocol: 1; changes: unknown[]; responses: unknown[] };

beforeAll(async () => {
  central = await startCentral();
  desk = startDesk();
  await enroll(central, desk);
  token = desk.services.credentials.load()!.token;
  desk.dispatch('appeals.create', { data: appealInput(officialOf(desk)) });
  const batch = desk.services.syncStore.batch(0, 10, 10);
  valid = { protocol: 1, changes: batch.changes, responses: [] };
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

  it('a valid batch with one value replaced: accepted whole, or refused whole with 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        fc.oneof(fc.jsonValue(), fc.string(), fc.constant(null), fc.integer()),
        async (path, replacement) => {
          const before = await snapshot();
          const res = await push(JSON.stringify(mutate(valid, path, replacement)));
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(res.json().message).toEqual(expect.any(String));
            expect(await snapshot()).toEqual(before);
          }
        },
      ),
      { numRuns: 300, seed: 7 },
    );
  });

  it('broken JSON, wrong content type and oversized bodies are refused with 4xx', async () => {
    expect((await push('{"protocol": 1, "changes": [')).statusCode).toBe(400);
    const text = await central.app.inject({
      method: 'POST',
      url: '/v1/push',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
    const huge = await push(
      JSON.stringify({
        protocol: 1,
        changes: [],
        responses: [],
        pad: 'x'.repeat(33 * 1024 * 1024),
      }),
    );
    expect(huge.statusCode).toBe(413);
  });
});
