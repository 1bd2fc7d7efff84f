import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { ConsoleCapability } from '../../src-shared/console/roles';
import type { ConsoleAccount } from '../domain/accounts';

/**
 * Who may call a route: nobody in particular, an enrolled desk, or the region's staff — an
 * admin key (automation, full rights) or a console session whose role has the route's
 * capability; `session` routes are about the console session itself.
 */
export type Auth = 'none' | 'device' | 'admin' | 'session';

/** Who is calling an admin route: an admin key or a signed-in console account. */
export type Actor =
  | { kind: 'key'; id: string; name: string }
  | { kind: 'account'; account: ConsoleAccount; sessionHash: string; csrf: string };

/** How the audit log names an actor. */
export const actorName = (a: Actor) => (a.kind === 'key' ? `ключ:${a.name}` : a.account.login);

export interface Device {
  id: string;
  officeId: string;
  officeCode: string;
  tokenHash: string;
  /** The HLC node the device enrolled with: its live changes must carry it. */
  node: string;
}

export interface RouteContext<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  device: Device | null;
  /** Set on admin and session routes. */
  actor: Actor | null;
  request: FastifyRequest;
  reply: FastifyReply;
}

/**
 * One route: its schemas (validated on every request, and the source of the OpenAPI
 * description) and its handler. The whole API is a list of these (routes/index.ts).
 */
export interface RouteSpec<
  B extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  P extends z.ZodType = z.ZodType,
> {
  method: 'GET' | 'POST';
  url: string;
  auth: Auth;
  summary: string;
  body?: B;
  query?: Q;
  params?: P;
  response: z.ZodType;
  /** Largest body this route reads, in bytes (checked before parsing); 64 KiB by default. */
  bodyLimit?: number;
  /** Requests per minute per device (or per address where unauthenticated). */
  rateLimit?: number;
  /** The window `rateLimit` counts in, in minutes; one by default. */
  rateWindowMinutes?: number;
  /**
   * Survey responses: nothing of the request is logged (no line with its time, address or
   * device), so the central keeps no trace that pairs a response with a moment or a desk.
   */
  anonymous?: boolean;
  /** What a console account needs for an admin route; region.admin when not said. */
  can?: ConsoleCapability;
  /**
   * The audit log line of a successful call (admin routes; every change and every export is
   * one). Returning null writes nothing.
   */
  audit?: (
    ctx: RouteContext<z.output<B>, z.output<Q>, z.output<P>>,
    result: unknown,
  ) => { action: string; target?: string | null; detail?: unknown } | null;
  handler(ctx: RouteContext<z.output<B>, z.output<Q>, z.output<P>>): Promise<unknown>;
}

export function route<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType>(
  spec: RouteSpec<B, Q, P>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}
