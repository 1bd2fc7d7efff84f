import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  pullItemSchema,
  pullResponseSchema,
  responsesPullItemSchema,
  responsesPullSchema,
} from '../../../src-shared/sync/protocol';
import { requestPage, SyncHttpError } from './http-client';

/** A page answered by a stub central: requestPage reads it as the desk reads a real one. */
const read = (body: unknown, item: typeof pullItemSchema | typeof responsesPullItemSchema) =>
  requestPage(
    {
      baseUrl: 'http://central.invalid/',
      token: 't',
      timeoutMs: 1000,
      fetch: async () =>
        new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
    },
    '/v1/pull',
    item,
  ).then(
    (value) => ({ ok: true as const, value }),
    (e: unknown) => {
      expect(e).toBeInstanceOf(SyncHttpError);
      expect((e as SyncHttpError).kind).toBe('protocol');
      return { ok: false as const };
    },
  );

const response = (i: number) => ({
  seq: i + 1,
  response: {
    id: randomUUID(),
    templateId: randomUUID(),
    campaignId: null,
    serviceId: null,
    channel: 'kiosk',
    office: 'MIN01',
    responseDate: '2026-03-05',
    complete: true,
    answers: { q1: i % 5 },
  },
});

const reference = (i: number) => ({
  seq: i + 1,
  type: 'reference',
  reference: {
    entity: 'service',
    data: { id: randomUUID(), title: `Услуга ${i}`, kind: 'service', active: true },
  },
});

describe('a pulled page checked a few items per turn (issue 16)', () => {
  it('accepts and refuses exactly what the page schema does', async () => {
    const items = Array.from({ length: 450 }, (_, i) => response(i));
    const bad = (at: number, value: unknown) =>
      items.map((x, i) => (i === at ? value : x)) as unknown[];
    const pages: unknown[] = [
      { items, cursor: 450, more: true },
      { items: [], cursor: 0, more: false },
      { items, cursor: 450, more: true, extra: 'ignored' },
      { items: items.map((x) => ({ ...x, extra: 1 })), cursor: 450, more: false },
      { items: bad(0, null), cursor: 450, more: true },
      { items: bad(199, { ...items[199], seq: 1.5 }), cursor: 450, more: true },
      {
        items: bad(449, { seq: 450, response: { ...items[449]!.response, office: '' } }),
        cursor: 450,
        more: true,
      },
      { items, cursor: '450', more: true },
      { items, more: true },
      { items: 'x', cursor: 1, more: false },
      null,
      [],
    ];
    // Both answers occur: the valid pages are read, the broken ones refused.
    expect(pages.map((p) => responsesPullSchema.safeParse(p).success)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    for (const page of pages) {
      const expected = responsesPullSchema.safeParse(page);
      const got = await read(page, responsesPullItemSchema);
      expect(got.ok).toBe(expected.success);
      if (got.ok && expected.success) expect(got.value).toEqual(expected.data);
    }
    // The card pull's items, references among them (a change is covered by the sync tests).
    const refs = Array.from({ length: 230 }, (_, i) => reference(i));
    expect(pullResponseSchema.safeParse({ items: refs, cursor: 230, more: false }).success).toBe(
      true,
    );
    for (const page of [
      { items: refs, cursor: 230, more: false },
      { items: [...refs, { seq: 231, type: 'bogus' }], cursor: 231, more: false },
    ]) {
      const expected = pullResponseSchema.safeParse(page);
      const got = await read(page, pullItemSchema);
      expect(got.ok).toBe(expected.success);
      if (got.ok && expected.success) expect(got.value).toEqual(expected.data);
    }
  });
});
