import { api, isMethod } from '../../src-shared/contract/api';
import { METHOD_ACCESS } from '../../src-shared/contract/access';
import { OtklikError, issuesFromZod, type CallResult } from '../../src-shared/contract/errors';
import type { CallContext, Handlers } from './handlers';
import type { Caller, Sessions } from './auth/sessions';

/**
 * `caller` is the window a transport serves (its session token); a call without one comes from
 * the core's own process (tests, set-up scripts) and is trusted like the database file itself.
 */
export type Dispatch = (method: string, input: unknown, caller?: Caller) => CallResult<unknown>;
export type AsyncDispatch = (
  method: string,
  input: unknown,
  caller?: Caller,
) => Promise<CallResult<unknown>>;

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
export function createDispatch(
  handlers: Handlers,
  sessions: Sessions | null,
  log: Log = console.error,
) {
  function start(method: string, input: unknown, caller: Caller | undefined) {
    if (!isMethod(method)) {
      return { done: { ok: false, error: { code: 'unknown_method', detail: method } } as const };
    }
    // Who may call comes first: a refused caller learns nothing from validation messages.
    let context: CallContext = { user: null, session: null, trusted: true };
    if (caller && sessions) {
      try {
        const user = sessions.authorize(METHOD_ACCESS[method], caller.session);
        context = { user, session: caller.session, trusted: false };
      } catch (error) {
        return { done: failure(method, error) };
      }
    }
    const spec = api[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return {
        done: { ok: false, error: { code: 'validation', issues: issuesFromZod(parsed.error) } },
      } as const;
    }
    const handler = handlers[method] as (input: unknown, context: CallContext) => unknown;
    return { method, run: () => handler(parsed.data, context), output: spec.output };
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

  const dispatch: Dispatch = (method, input, caller) => {
    const s = start(method, input, caller);
    if ('done' in s) return s.done as CallResult<unknown>;
    return settle(method, () => {
      const value = s.run();
      if (isThenable(value)) throw new Error(`${method} is asynchronous: use call()`);
      return s.output.parse(value);
    });
  };

  const call: AsyncDispatch = async (method, input, caller) => {
    const s = start(method, input, caller);
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
