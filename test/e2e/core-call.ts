import type { Page } from '@playwright/test';

/**
 * Calls the core from a test, through the page's own loopback transport (its token and its
 * window's session), for
 * set-up an administrator would do on another screen: a campaign, a PIN.
 */
export async function coreCall<T = unknown>(
  page: Page,
  method: string,
  input: unknown,
): Promise<T> {
  const result: { ok: boolean; result?: unknown; error?: unknown } = await page.evaluate(
    async ([m, i]) => {
      const token = document.querySelector('meta[name="otklik-token"]')!.getAttribute('content')!;
      const session = sessionStorage.getItem('otklik.session');
      const res = await fetch(`/__otklik/call/${m}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-otklik-token': token,
          ...(session ? { 'x-otklik-session': session } : {}),
        },
        body: JSON.stringify(i),
      });
      return res.json();
    },
    [method, input] as const,
  );
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.result as T;
}
