import type { CallResult } from './errors';
import type { Input, Method, Output } from './api';

/** What both transports (preload bridge, loopback HTTP) give the renderer. */
export interface OtklikBridge {
  call(method: string, input: unknown): Promise<CallResult<unknown>>;
}

export type TypedCall = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

/** Channel name of the IPC bridge; the loopback harness serves POST /api/<method>. */
export const IPC_CHANNEL = 'otklik:call';
export const TOKEN_HEADER = 'x-otklik-token';
export const TOKEN_META = 'otklik-token';
