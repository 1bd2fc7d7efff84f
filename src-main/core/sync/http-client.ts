import type { z } from 'zod';
import { errorBodySchema } from '../../../src-shared/sync/protocol';

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
}

/** One JSON request, its answer validated with the protocol's schema. */
export async function requestJson<T extends z.ZodType>(
  opts: HttpOptions,
  method: 'GET' | 'POST',
  path: string,
  schema: T,
  body?: unknown,
): Promise<z.output<T>> {
  let response: Response;
  try {
    response = await opts.fetch(new URL(path, opts.baseUrl), {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(opts.timeoutMs),
    });
  } catch (e) {
    const reason = e instanceof Error && e.name === 'TimeoutError' ? 'нет ответа' : 'нет связи';
    throw new SyncHttpError('offline', `Центральный сервер недоступен (${reason}).`);
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
