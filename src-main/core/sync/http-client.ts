import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { z } from 'zod';
import { errorBodySchema, MIN_COMPRESSED_BYTES } from '../../../src-shared/sync/protocol';

/** Why a request to the central server failed, sorted by what the desk should do next. */
export class SyncHttpError extends Error {
  constructor(
    readonly kind: 'offline' | 'server' | 'refused' | 'auth' | 'protocol',
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }

  /** Worth trying again later without anyone doing anything. */
  get transient(): boolean {
    return this.kind === 'offline' || this.kind === 'server';
  }
}

export interface HttpOptions {
  baseUrl: string;
  token: string | null;
  timeoutMs: number;
  fetch: typeof fetch;
  /**
   * Set once the central has said (RFC 7694: `Accept-Encoding: gzip` on an answer) that it takes
   * gzip bodies; until then, and with an older central, bodies travel uncompressed.
   */
  wire?: { gzipBodies: boolean };
}

const gzipAsync = promisify(gzip);

/** One JSON request, its answer validated with the protocol's schema. */
export async function requestJson<T extends z.ZodType>(
  opts: HttpOptions,
  method: 'GET' | 'POST',
  path: string,
  schema: T,
  body?: unknown,
): Promise<z.output<T>> {
  let response: Response;
  const text = body === undefined ? undefined : JSON.stringify(body);
  const compress =
    text !== undefined && opts.wire?.gzipBodies && text.length >= MIN_COMPRESSED_BYTES;
  try {
    response = await opts.fetch(new URL(path, opts.baseUrl), {
      method,
      headers: {
        ...(text === undefined ? {} : { 'content-type': 'application/json' }),
        ...(compress ? { 'content-encoding': 'gzip' } : {}),
        // Answers are decompressed by fetch itself.
        'accept-encoding': 'gzip',
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      },
      body: compress ? await gzipAsync(text, { level: 1 }) : text,
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch (e) {
    const reason = e instanceof Error && e.name === 'TimeoutError' ? 'нет ответа' : 'нет связи';
    throw new SyncHttpError('offline', `Центральный сервер недоступен (${reason}).`);
  }
  if (compress && (response.status === 415 || response.status === 400) && opts.wire) {
    // A central that does not (or no longer) take gzip: the same request, uncompressed.
    opts.wire.gzipBodies = false;
    return requestJson(opts, method, path, schema, body);
  }
  if (opts.wire && /\bgzip\b/i.test(response.headers.get('accept-encoding') ?? '')) {
    opts.wire.gzipBodies = true;
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    if (response.ok) throw new SyncHttpError('protocol', 'Ответ сервера не прочитан.', 200);
    json = null;
  }
  if (!response.ok) {
    const err = errorBodySchema.safeParse(json);
    const detail = err.success ? err.data.message : `HTTP ${response.status}`;
    if (response.status === 401 || response.status === 403) {
      throw new SyncHttpError('auth', `Сервер отказал в доступе: ${detail}`, response.status);
    }
    if (response.status >= 500 || response.status === 429) {
      throw new SyncHttpError(
        'server',
        `Сервер временно не может принять данные: ${detail}`,
        response.status,
      );
    }
    throw new SyncHttpError('refused', `Сервер отклонил запрос: ${detail}`, response.status);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new SyncHttpError('protocol', 'Ответ сервера не соответствует протоколу синхронизации.');
  }
  return parsed.data;
}

/** Items of a page checked per turn of the event loop (a few ms of zod for cards). */
const ITEMS_PER_TURN = 25;

/**
 * A page of pulled items (`{ items, cursor, more }`): the envelope is checked at once, the items
 * 25 at a time with a turn of the event loop between, so that checking a page of
 * thousands of cards never holds a window for a second (issue 16). Accepts exactly what
 * `{ items: z.array(item), cursor, more }` accepts.
 */
export async function requestPage<I extends z.ZodType>(
  opts: HttpOptions,
  path: string,
  item: I,
): Promise<{ items: z.output<I>[]; cursor: number; more: boolean }> {
  const page = await requestJson(opts, 'GET', path, pageEnvelopeSchema);
  const items: z.output<I>[] = [];
  for (let i = 0; i < page.items.length; i += ITEMS_PER_TURN) {
    if (i > 0) await yieldToLoop();
    for (const raw of page.items.slice(i, i + ITEMS_PER_TURN)) {
      const parsed = item.safeParse(raw);
      if (!parsed.success) {
        throw new SyncHttpError(
          'protocol',
          'Ответ сервера не соответствует протоколу синхронизации.',
        );
      }
      items.push(parsed.data);
    }
  }
  return { items, cursor: page.cursor, more: page.more };
}

const pageEnvelopeSchema = z.object({
  items: z.array(z.unknown()),
  cursor: z.number().int(),
  more: z.boolean(),
});
