import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';

export type Auth = 'none' | 'device' | 'admin';

export interface Device {
  id: string;
  officeId: string;
  officeCode: string;
  tokenHash: string;
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
  handler(ctx: RouteContext<z.output<B>, z.output<Q>, z.output<P>>): Promise<unknown>;
}

export function route<B extends z.ZodType, Q extends z.ZodType, P extends z.ZodType>(
  spec: RouteSpec<B, Q, P>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}
