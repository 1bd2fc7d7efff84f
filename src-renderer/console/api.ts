import type { z } from 'zod';

/**
 * The console's client of the central's HTTP API: the session cookie goes by itself
 * (same origin), every change carries the CSRF token, every answer is checked against the
 * schema the server validates with (src-shared/console/api.ts).
 */
let csrf = '';
let onSignedOut: (message: string) => void = () => undefined;

export function setCsrf(token: string) {
  csrf = token;
}

/** Called when the server says the session is over (idle time-out, reset, disabled). */
export function whenSignedOut(handler: (message: string) => void) {
  onSignedOut = handler;
}

export class ConsoleError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function failure(res: Response): Promise<ConsoleError> {
  let message = `Сервер ответил ошибкой ${res.status}.`;
  try {
    const body = (await res.json()) as { message?: string };
    if (body.message) message = body.message;
  } catch {
    // not JSON: keep the generic message
  }
  return new ConsoleError(res.status, message);
}

async function send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(method === 'GET' ? {} : { 'x-csrf-token': csrf }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ConsoleError(0, 'Нет связи с центральным сервером.');
  }
  if (res.ok) return res;
  const error = await failure(res);
  if (res.status === 401 && !path.endsWith('/login')) onSignedOut(error.message);
  throw error;
}

export async function get<S extends z.ZodType>(schema: S, path: string): Promise<z.output<S>> {
  return schema.parse(await (await send('GET', path)).json());
}

export async function post<S extends z.ZodType>(
  schema: S,
  path: string,
  body: unknown = {},
): Promise<z.output<S>> {
  return schema.parse(await (await send('POST', path, body)).json());
}

/** A file the server makes (an export): fetched, then handed to the browser to save. */
export async function download(path: string): Promise<string> {
  const res = await send('GET', path);
  const name =
    /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'otklik';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

export const query = (params: Record<string, string | null | undefined>) =>
  new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => !!e[1]),
  ).toString();

/**
 * Sends a file as its own bytes with upload progress (fetch has none): the CSRF token goes in
 * the header as with every change.
 */
export function upload<S extends z.ZodType>(
  schema: S,
  path: string,
  file: Blob,
  onProgress: (share: number) => void,
): Promise<z.output<S>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ConsoleError(0, 'Нет связи с центральным сервером.'));
    xhr.onload = () => {
      let body: { message?: string } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(schema.parse(body));
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
        return;
      }
      const error = new ConsoleError(
        xhr.status,
        body.message ?? `Сервер ответил ошибкой ${xhr.status}.`,
      );
      if (xhr.status === 401) onSignedOut(error.message);
      reject(error);
    };
    xhr.send(file);
  });
}
