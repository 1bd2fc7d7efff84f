import type { CallResult } from './errors';
import type { Input, Method, Output } from './api';

/** What both transports (preload bridge, loopback HTTP) give the renderer. */
export interface OtklikBridge {
  /** `session`: the window's sign-in token (sessionStorage), null before signing in. */
  call(method: string, input: unknown, session: string | null): Promise<CallResult<unknown>>;
  /** Electron only: the shell checks the PIN again and closes the kiosk window. */
  exitKiosk?(pin: string): Promise<boolean>;
  /** Electron only: opens the kiosk window, on the visitor's display when there is one. */
  openKiosk?(): Promise<void>;
}

export type TypedCall = <M extends Method>(method: M, input: Input<M>) => Promise<Output<M>>;

/** Channel name of the IPC bridge. */
export const IPC_CHANNEL = 'otklik:call';
export const IPC_OPEN_KIOSK = 'otklik:open-kiosk';
export const IPC_EXIT_KIOSK = 'otklik:exit-kiosk';
/** The loopback harness serves POST <prefix><method>; a path no renderer module can take. */
export const HTTP_CALL_PREFIX = '/__otklik/call/';
export const TOKEN_HEADER = 'x-otklik-token';
export const TOKEN_META = 'otklik-token';
export const SESSION_HEADER = 'x-otklik-session';
/** Where a window keeps its sign-in token: per window, gone when the window closes. */
export const SESSION_STORAGE_KEY = 'otklik.session';
