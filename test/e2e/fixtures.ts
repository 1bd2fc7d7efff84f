import { test as base, type APIRequestContext } from '@playwright/test';
import { BIG_PORT, PORT } from './ports';

export { expect, type Page } from '@playwright/test';

/** The E2E desks' administrator, created by the first test that needs one (first start). */
export const E2E_ADMIN = {
  login: 'admin',
  fullName: 'Администратор E2E',
  password: 'e2e-admin-password',
};

export interface Credentials {
  login: string;
  password: string;
}

const tokens = new Map<string, string>();

/** The per-run token a desk embeds in the page it serves (read once per origin). */
async function pageToken(request: APIRequestContext, origin: string): Promise<string> {
  let token = tokens.get(origin);
  if (token === undefined) {
    const html = await (await request.get(`${origin}/`)).text();
    token = /name="otklik-token" content="([^"]+)"/.exec(html)?.[1] ?? '';
    tokens.set(origin, token);
  }
  return token;
}

/** Calls a desk's loopback transport as a window would: its page token, maybe a session. */
export async function harnessCall<T>(
  request: APIRequestContext,
  origin: string,
  method: string,
  input: unknown,
  session: string | null = null,
): Promise<T> {
  const token = await pageToken(request, origin);
  const response = await request.post(`${origin}/__otklik/call/${method}`, {
    headers: {
      'content-type': 'application/json',
      'x-otklik-token': token,
      ...(session ? { 'x-otklik-session': session } : {}),
    },
    data: input,
  });
  const body = (await response.json()) as { ok: boolean; result?: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.result as T;
}

/** Signs in on a desk (creating its administrator on first start) and returns the token. */
export async function sessionFor(
  request: APIRequestContext,
  origin: string,
  who: Credentials = E2E_ADMIN,
): Promise<string> {
  const status = await harnessCall<{ needsSetup: boolean }>(request, origin, 'auth.status', {});
  if (status.needsSetup) {
    return (await harnessCall<{ session: string }>(request, origin, 'auth.setup', E2E_ADMIN))
      .session;
  }
  return (await harnessCall<{ session: string }>(request, origin, 'auth.login', who)).session;
}

/**
 * Every page starts signed in as the E2E administrator on both desks (as if they had typed
 * the password), unless a test sets `signInAs` to null or to another user. The token goes into
 * each window's sessionStorage before the app's code runs, which is where the app keeps it.
 */
export const test = base.extend<{ signInAs: Credentials | null }>({
  signInAs: [E2E_ADMIN, { option: true }],
  page: async ({ page, request, signInAs }, use) => {
    if (signInAs) {
      const sessions: Record<string, string> = {};
      for (const port of [PORT, BIG_PORT]) {
        const origin = `http://127.0.0.1:${port}`;
        sessions[origin] = await sessionFor(request, origin, signInAs);
      }
      await page.addInitScript((byOrigin: Record<string, string>) => {
        const token = byOrigin[location.origin];
        if (token && !sessionStorage.getItem('otklik.session')) {
          sessionStorage.setItem('otklik.session', token);
        }
      }, sessions);
    }
    await use(page);
  },
});
