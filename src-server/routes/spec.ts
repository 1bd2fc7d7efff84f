import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';

export type Auth = 'none' | 'device' | 'admin';

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
  request: FastifyRequest;
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
  /**
   * Survey responses: nothing of the request is logged (no line with its time, address or
   * device), so the central keeps no trace that pairs a response with a moment or a desk.
   */
  anonymous?: boolean;
  handler(ctx: RouteContext<z.output<B>, z.output<Q>, z.output<P>>): Promise<unknown>;
}

export function route<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType>(
  spec: RouteSpec<B, Q, P>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}
