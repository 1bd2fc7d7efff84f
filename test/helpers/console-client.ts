import { expect } from 'vitest';
import type { ConsoleSession } from '../../src-shared/console/api';

/** A console session over plain HTTP, as the browser holds it: the cookie and the CSRF token. */
export async function consoleAs(url: string, login: string, password: string) {
  const res = await fetch(`${url}/v1/console/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const session = (await res.json()) as ConsoleSession;
  const client = {
    session,
    cookie,
    get: (path: string) => fetch(`${url}${path}`, { headers: { cookie } }),
    post: (path: string, body: unknown) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'x-csrf-token': session.csrf },
        body: JSON.stringify(body),
      }),
    /** GET (or POST with a body), expecting 200, the answer as JSON. */
    async json<T>(path: string, body?: unknown): Promise<T> {
      const r = body === undefined ? await client.get(path) : await client.post(path, body);
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`);
      return (await r.json()) as T;
    },
  };
  return client;
}

export type ConsoleClient = Awaited<ReturnType<typeof consoleAs>>;
