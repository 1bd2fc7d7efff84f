import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { z } from 'zod';
import type { CentralDb } from './db/database';
import { createCentralEdits } from './domain/central-edits';
import { badRequest, HttpError } from './domain/errors';
import { createOffices } from './domain/offices';
import { createWriter } from './domain/write-lock';
import { docsPage, openApiDocument } from './openapi';
import { routes } from './routes/index';
import type { Device, RouteSpec } from './routes/spec';

export interface AppOptions {
  central: CentralDb;
  logger?: FastifyServerOptions['logger'];
  https?: { cert: Buffer; key: Buffer } | null;
  /** Largest request body in bytes; 32 MB by default (a full push batch of long cards). */
  bodyLimit?: number;
  /** Requests per minute per device (or address, before enrollment); 1200 by default. */
  rateLimit?: number;
  version?: string;
  now?: () => Date;
}

function bearer(header: string | undefined): string | undefined {
  const m = /^Bearer (\S+)$/.exec(header ?? '');
  return m?.[1];
}

function parse<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const r = schema.safeParse(value ?? {});
  if (!r.success) {
    throw badRequest(
      `Запрос не соответствует протоколу (${where}).`,
      r.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return r.data;
}

/** The central server: Fastify with the routes of routes/index.ts over one database. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const now = options.now ?? (() => new Date());
  const app = Fastify({
    logger: options.logger ?? { level: 'info' },
    bodyLimit: options.bodyLimit ?? 32 * 1024 * 1024,
    ...(options.https ? { https: options.https } : {}),
  }) as unknown as FastifyInstance;
  const write = createWriter(options.central);
  const offices = createOffices(options.central.db, write, now);
  const central = createCentralEdits(write, () => now().getTime());
  const specs = routes({ db: options.central.db, write, offices, central, now });

  await app.register(rateLimit, {
    max: options.rateLimit ?? 1200,
    timeWindow: '1 minute',
    keyGenerator: (req) => bearer(req.headers.authorization) ?? req.ip,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      error: 'rate_limited',
      message: `Слишком много запросов; повторите через ${Math.ceil(ctx.ttl / 1000)} с.`,
    }),
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) {
      if (error.status >= 400) request.log.info({ code: error.code }, error.message);
      return reply.status(error.status).send({
        error: error.code,
        message: error.message,
        ...(error.issues ? { issues: error.issues } : {}),
      });
    }
    const e = error as { statusCode?: number; code?: string; message?: string; error?: string };
    const status = e.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const message =
        status === 413
          ? 'Слишком большой запрос.'
          : status === 415
            ? 'Ожидается application/json.'
            : status === 429
              ? (e.message ?? 'Слишком много запросов.')
              : 'Запрос не прочитан: неверный JSON или заголовки.';
      return reply.status(status).send({ error: e.error ?? e.code ?? 'bad_request', message });
    }
    request.log.error(error);
    return reply.status(500).send({ error: 'internal', message: 'Внутренняя ошибка сервера.' });
  });

  for (const spec of specs) register(app, spec);
  const doc = openApiDocument(specs, options.version ?? '1');
  app.get('/docs/openapi.json', async () => doc);
  app.get('/docs', async (_req, reply) =>
    reply.type('text/html; charset=utf-8').send(docsPage(doc)),
  );
  return app;

  function register(server: FastifyInstance, spec: RouteSpec) {
    server.route({
      method: spec.method,
      url: spec.url,
      handler: async (request) => {
        if (spec.body && !/^application\/json\b/.test(request.headers['content-type'] ?? '')) {
          throw new HttpError(415, 'unsupported_media_type', 'Ожидается application/json.');
        }
        let device: Device | null = null;
        const token = bearer(request.headers.authorization);
        if (spec.auth === 'device') {
          device = await offices.authenticate(token);
          request.log.info({ device: device.id }, 'device');
        } else if (spec.auth === 'admin') {
          await offices.authenticateAdmin(token);
        }
        return spec.handler({
          body: spec.body ? parse(spec.body, request.body, 'тело') : undefined,
          query: spec.query ? parse(spec.query, request.query, 'параметры') : undefined,
          params: spec.params ? parse(spec.params, request.params, 'адрес') : undefined,
          device,
          request,
        });
      },
    });
  }
}
