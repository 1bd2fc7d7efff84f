import type { Input, Method, Output } from '../../src-shared/contract/api';
import type { ApiError, CallResult } from '../../src-shared/contract/errors';
import {
  HTTP_CALL_PREFIX,
  SESSION_HEADER,
  SESSION_STORAGE_KEY,
  TOKEN_HEADER,
  TOKEN_META,
  type OtklikBridge,
} from '../../src-shared/contract/transport';

declare global {
  interface Window {
    otklik?: OtklikBridge;
  }
}

/** A failed call, carrying the boundary error (code + field issues) for the UI to translate. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.detail ?? error.code);
  }
}

/** The loopback transport, used when the page runs in a browser instead of Electron. */
function httpBridge(): OtklikBridge {
  const token = document.querySelector(`meta[name="${TOKEN_META}"]`)?.getAttribute('content') ?? '';
  return {
    async call(method, input, session) {
      const response = await fetch(`${HTTP_CALL_PREFIX}${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [TOKEN_HEADER]: token,
          ...(session ? { [SESSION_HEADER]: session } : {}),
        },
        body: JSON.stringify(input ?? {}),
      });
      if (!response.ok && response.status !== 200) {
        return { ok: false, error: { code: 'forbidden', detail: `HTTP ${response.status}` } };
      }
      return (await response.json()) as CallResult<unknown>;
    },
  };
}

let bridge: OtklikBridge | null = null;

/** The window's sign-in token: kept per window, so the kiosk never shares the officer's. */
export const session = {
  get: (): string | null => sessionStorage.getItem(SESSION_STORAGE_KEY),
  set(token: string | null) {
    if (token) sessionStorage.setItem(SESSION_STORAGE_KEY, token);
    else sessionStorage.removeItem(SESSION_STORAGE_KEY);
  },
};

type AuthListener = (code: 'unauthenticated' | 'session_locked') => void;
const authListeners = new Set<AuthListener>();

/** The sign-in gate listens here: any call refused for want of a session shows it. */
export function onAuthRequired(listener: AuthListener): () => void {
  authListeners.add(listener);
  return () => authListeners.delete(listener);
}

/** Calls the core by method name with typed input and output, over whichever transport exists. */
export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  bridge ??= window.otklik ?? httpBridge();
  let result: CallResult<unknown>;
  try {
    result = await bridge.call(method, input, session.get());
  } catch (error) {
    throw new ApiCallError({ code: 'internal', detail: `network: ${String(error)}` });
  }
  if (!result.ok) {
    const code = result.error.code;
    if (code === 'unauthenticated' || code === 'session_locked') {
      authListeners.forEach((listener) => listener(code));
    }
    throw new ApiCallError(result.error);
  }
  return result.result as Output<M>;
}
