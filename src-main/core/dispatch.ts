import { api, isMethod } from '../../src-shared/contract/api';
import { OtklikError, issuesFromZod, type CallResult } from '../../src-shared/contract/errors';
import type { Handlers } from './handlers';

export type Dispatch = (method: string, input: unknown) => CallResult<unknown>;
export type AsyncDispatch = (method: string, input: unknown) => Promise<CallResult<unknown>>;

type Log = (message: string, error: unknown) => void;

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return typeof (v as { then?: unknown } | null)?.then === 'function';
}

/**
 * The single entry point both transports call. Input is validated against the contract before
 * a handler runs; output is validated too, so a core bug cannot leak a malformed value to the UI.
 *
 * Most methods are synchronous (SQLite); a few talk to the network (sync.*). `call` serves
 * every method and is what the transports use; `dispatch` is its synchronous form for the
 * synchronous methods (tests, the kiosk PIN check) and refuses an asynchronous one.
 */
export function createDispatch(handlers: Handlers, log: Log = console.error) {
  function start(method: string, input: unknown) {
    if (!isMethod(method)) {
      return { done: { ok: false, error: { code: 'unknown_method', detail: method } } as const };
    }
    const spec = api[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return {
        done: { ok: false, error: { code: 'validation', issues: issuesFromZod(parsed.error) } },
      } as const;
    }
    const handler = handlers[method] as (input: unknown) => unknown;
    return { method, run: () => handler(parsed.data), output: spec.output };
  }

  function settle(method: string, f: () => unknown): CallResult<unknown> {
    try {
      return { ok: true, result: f() };
    } catch (error) {
      return failure(method, error);
    }
  }

  function failure(method: string, error: unknown): CallResult<unknown> {
    if (error instanceof OtklikError) return { ok: false, error: error.toApiError() };
    log(`otklik: ${method} failed`, error);
    return { ok: false, error: { code: 'internal', detail: String(error) } };
  }

  const dispatch: Dispatch = (method, input) => {
    const s = start(method, input);
    if ('done' in s) return s.done as CallResult<unknown>;
    return settle(method, () => {
      const value = s.run();
      if (isThenable(value)) throw new Error(`${method} is asynchronous: use call()`);
      return s.output.parse(value);
    });
  };

  const call: AsyncDispatch = async (method, input) => {
    const s = start(method, input);
    if ('done' in s) return s.done as CallResult<unknown>;
    try {
      const value = await s.run();
      return settle(method, () => s.output.parse(value));
    } catch (error) {
      return failure(method, error);
    }
  };

  return { dispatch, call };
}
