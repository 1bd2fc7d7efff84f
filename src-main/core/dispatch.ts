import { api, isMethod } from '../../src-shared/contract/api';
import { OtklikError, issuesFromZod, type CallResult } from '../../src-shared/contract/errors';
import type { Handlers } from './handlers';

export type Dispatch = (method: string, input: unknown) => CallResult<unknown>;

/**
 * The single entry point both transports call. Input is validated against the contract before
 * a handler runs; output is validated too, so a core bug cannot leak a malformed value to the UI.
 */
export function createDispatch(
  handlers: Handlers,
  log: (message: string, error: unknown) => void = console.error,
): Dispatch {
  return (method, input) => {
    if (!isMethod(method)) {
      return { ok: false, error: { code: 'unknown_method', detail: method } };
    }
    const spec = api[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: { code: 'validation', issues: issuesFromZod(parsed.error) },
      };
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      const result = spec.output.parse(handler(parsed.data));
      return { ok: true, result };
    } catch (error) {
      if (error instanceof OtklikError) return { ok: false, error: error.toApiError() };
      log(`otklik: ${method} failed`, error);
      return { ok: false, error: { code: 'internal', detail: String(error) } };
    }
  };
}
