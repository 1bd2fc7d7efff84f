import rateLimit from '@fastify/rate-limit';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify';
import { availableParallelism } from 'node:os';
import type { Readable } from 'node:stream';
import { decodedBody, encodedReply, refuseCoded } from './compression';
import type { z } from 'zod';
import type { CentralDb } from './db/database';
import { createCentralEdits } from './domain/central-edits';
import { badRequest, HttpError } from './domain/errors';
import { createOffices } from './domain/offices';
import { createWriter } from './domain/write-lock';
import { docsPage, openApiDocument } from './openapi';
import { routes } from './routes/index';
import { actorName, type Actor, type Device, type RouteSpec } from './routes/spec';
import type { PackageKeys } from './domain/package-keys';
import { createAccounts, SESSION_COOKIE } from './domain/accounts';
import { roleCan } from '../src-shared/console/roles';
import { serveConsole, serveOnline } from './console-static';
import { createSurveyReports } from './domain/survey-reports';
import type { TopicWorkerEntry } from './domain/topic-cards';
import { createTopicModels } from './domain/topic-model';
import { createOnlineSurveys } from './domain/online';
import { ONLINE_LIMITS } from '../src-shared/surveys/online';
import { serveUpdates } from './routes/updates';
import { createReleases } from './domain/updates';
import { cookie } from './cookies';

export interface AppOptions {
  central: CentralDb;
  logger?: FastifyServerOptions['logger'];
  https?: { cert: Buffer; key: Buffer } | null;
  /** Largest request body in bytes of the routes that take whole batches; 32 MB by default. */
  bodyLimit?: number;
  /** Requests per minute per device (or address, before enrollment); 1200 by default. */
  rateLimit?: number;
  /** Failed authentications per minute from one address before it is refused unheard; 30. */
  authFailureLimit?: number;
  /** Scans an office may keep, in bytes (docs/security.md); 20 GiB by default. */
  attachmentQuotaBytes?: number;
  /** The central's package key pair (offline packages are encrypted to it). */
  packageKeys: PackageKeys;
  version?: string;
  now?: () => Date;
  /** The built console (out/console); null: not served. */
  consoleDir?: string | null;
  /** The built page of online surveys (out/online); null: not served. */
  onlineDir?: string | null;
  /** Minutes of inactivity that end a console session; 30 by default. */
  consoleIdleMinutes?: number;
  /** Where desk releases are kept (docs/updates.md); null or absent: /updates/ not served. */
  updatesDir?: string | null;
  /** The public origin of online surveys (https://…); absent: the console's own origin. */
  publicUrl?: string | null;
  /** Online answers one address may send in ten minutes; 30 by default. */
  onlineSubmitsPerAddress?: number;
  /**
   * Behind a reverse proxy: which proxies to believe about the client's address (Fastify's
   * trustProxy: true, an address, a list or a hop count); without it every visitor is the proxy.
   */
  trustProxy?: boolean | string;
  /**
   * Hours between builds of the region's topic model (docs/topics.md); 6 by default, 0: never
   * on a schedule (tests build it themselves). The first build runs a minute after start.
   */
  topicModelHours?: number;
  /**
   * The build's worker thread code (the built server's topic-worker.js; tests: the source under
   * a loader). Without it the build reads the cards in the server's own thread, a slice at a time.
   */
  topicWorker?: TopicWorkerEntry | null;
  /** Worker threads for a build: the machine's cores by default, at most 4; 0: none. */
  topicModelWorkers?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the authentication hook before the body is read. */
    identity?: string;
    device?: Device | null;
    actor?: Actor | null;
  }
}

/**
 * Failed authentications per client address, in memory for a minute: random tokens from one
 * address are refused before they cost a database lookup (issue 13, point 6).
 */
function createAuthFailures(limit: number, now: () => number) {
  const failures = new Map<string, { count: number; until: number }>();
  return {
    blocked(ip: string): boolean {
      const f = failures.get(ip);
      if (!f || f.until < now()) return false;
      return f.count >= limit;
    },
    fail(ip: string) {
      const t = now();
      const f = failures.get(ip);
      if (!f || f.until < t) {
        if (failures.size > 50_000) failures.clear(); // a flood of addresses: start over
        failures.set(ip, { count: 1, until: t + 60_000 });
      } else f.count += 1;
    },
  };
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
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
  }) as unknown as FastifyInstance;
  const write = createWriter(options.central);
  const offices = createOffices(options.central.db, write, now, options.packageKeys);
  const central = createCentralEdits(write, () => now().getTime());
  const accounts = createAccounts(options.central.db, write, now, {
    idleMinutes: options.consoleIdleMinutes,
  });
  const releases = options.updatesDir ? createReleases(options.updatesDir) : undefined;
  const surveys = createSurveyReports(options.central.db);
  const online = createOnlineSurveys({
    db: options.central.db,
    write,
    surveys,
    now,
    publicUrl: options.publicUrl ?? null,
  });
  // A day's leftover online answers join their office at a random minute of the next day.
  const leftovers = setInterval(
    () => void online.releaseLeftovers().catch((e: unknown) => app.log.error(e)),
    5 * 60_000,
  );
  leftovers.unref();
  const workerCount = options.topicModelWorkers ?? Math.min(4, availableParallelism());
  const topicModels = createTopicModels({
    db: options.central.db,
    write,
    now,
    workers:
      options.topicWorker && workerCount > 0
        ? { where: options.topicWorker, count: workerCount }
        : null,
    onFallback: () =>
      app.log.warn('topic model: worker threads did not start; the build reads in this thread'),
  });
  const topicHours = options.topicModelHours ?? 6;
  const buildTopics = () =>
    void topicModels.build().catch((e: unknown) => app.log.error(e, 'topic model build failed'));
  const topicTimers =
    topicHours > 0
      ? [setTimeout(buildTopics, 60_000), setInterval(buildTopics, topicHours * 3_600_000)]
      : [];
  for (const t of topicTimers) t.unref();
  const specs = routes({
    surveys,
    online,
    topicModels,
    onlineSubmitsPerAddress: options.onlineSubmitsPerAddress ?? ONLINE_LIMITS.submitsPerAddress,
    releases,
    packageKeys: options.packageKeys,
    accounts,
    consoleIdleMinutes: options.consoleIdleMinutes,
    db: options.central.db,
    write,
    offices,
    central,
    now,
    batchBodyLimit: options.bodyLimit,
    attachmentQuotaBytes: options.attachmentQuotaBytes,
  });
  // Offline packages arrive as their own bytes (the console's upload), never parsed as JSON.
  app.addContentTypeParser(
    'application/octet-stream',
    { parseAs: 'buffer' },
    (_req: unknown, body: Buffer, done: (err: null, body: Buffer) => void) => done(null, body),
  );
  app.decorateRequest('device', null);
  app.decorateRequest('identity', undefined);
  app.decorateRequest('actor', null);
  const authFailures = createAuthFailures(options.authFailureLimit ?? 30, () => now().getTime());

  // Counted after authentication (preHandler), keyed by the verified device or administrator,
  // or by the client address where a route has no authentication: a random token is never a
  // key of its own. Requests with a bad token never get this far (onRequest below).
  await app.register(rateLimit, {
    hook: 'preHandler',
    max: options.rateLimit ?? 1200,
    timeWindow: '1 minute',
    keyGenerator: (req) => req.identity ?? `ip:${req.ip}`,
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

  app.addHook('onClose', async () => {
    clearInterval(leftovers);
    for (const t of topicTimers) clearTimeout(t);
  });
  for (const spec of specs) register(app, spec);
  if (options.consoleDir !== null) serveConsole(app, options.consoleDir);
  if (options.onlineDir !== null)
    serveOnline(app, (slug) => online.page(slug), options.onlineDir ?? undefined);
  if (releases) {
    serveUpdates(app, releases, async (request) => {
      if (authFailures.blocked(request.ip))
        throw new HttpError(429, 'rate_limited', 'Слишком много неудачных попыток входа.');
      const token = bearer(request.headers.authorization);
      try {
        return await offices.authenticate(token);
      } catch (e) {
        if (e instanceof HttpError && (e.status === 401 || e.status === 403) && token)
          authFailures.fail(request.ip);
        throw e;
      }
    });
  }
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
      bodyLimit: spec.bodyLimit ?? 64 * 1024,
      ...(spec.anonymous ? { logLevel: 'silent' as const } : {}),
      // Sync routes take and give gzip (src-server/compression.ts); others refuse a coded body.
      preParsing: async (request: FastifyRequest, _reply: FastifyReply, payload: Readable) =>
        spec.auth === 'device' ? decodedBody(request, payload) : refuseCoded(request, payload),
      ...(spec.auth === 'device' ? { onSend: encodedReply } : {}),
      ...(spec.rateLimit
        ? {
            config: {
              rateLimit: {
                max: spec.rateLimit,
                ...(spec.rateWindowMinutes ? { timeWindow: spec.rateWindowMinutes * 60_000 } : {}),
              },
            },
          }
        : {}),
      // Who is calling is settled before the body is read: an unknown token costs one
      // indexed lookup and no parsing, and an address that keeps failing is refused unheard.
      onRequest: async (request) => {
        if (spec.auth === 'none') return;
        if (authFailures.blocked(request.ip)) {
          throw new HttpError(
            429,
            'rate_limited',
            'Слишком много неудачных попыток входа с этого адреса; повторите через минуту.',
          );
        }
        const token = bearer(request.headers.authorization);
        const session = cookie(request.headers.cookie, SESSION_COOKIE);
        try {
          if (spec.auth === 'device') {
            const device = await offices.authenticate(token);
            request.device = device;
            request.identity = `device:${device.id}`;
          } else if (spec.auth === 'admin' && (token || !session)) {
            // Automation: an admin key has every right, as before the console.
            const admin = await offices.authenticateAdmin(token);
            request.identity = `admin:${admin.id}`;
            request.actor = { kind: 'key', id: admin.id, name: admin.name };
          } else {
            const s = await accounts.session(session);
            request.identity = `account:${s.account.id}`;
            request.actor = {
              kind: 'account',
              account: s.account,
              sessionHash: s.tokenHash,
              csrf: s.csrf,
            };
          }
        } catch (e) {
          if (e instanceof HttpError && (e.status === 401 || e.status === 403)) {
            if (token || session) authFailures.fail(request.ip);
          }
          throw e;
        }
        const actor = request.actor;
        if (actor?.kind === 'account') {
          // The session cookie goes with every request the browser makes to this host, so a
          // change also needs the token only this console's own pages can read (CSRF).
          if (request.method !== 'GET' && request.headers['x-csrf-token'] !== actor.csrf) {
            throw new HttpError(
              403,
              'csrf',
              'Запрос отклонён: нет подтверждения консоли (CSRF). Обновите страницу.',
            );
          }
          if (spec.auth === 'admin' && !roleCan(actor.account.role, spec.can ?? 'region.admin')) {
            throw new HttpError(403, 'forbidden', 'Это действие недоступно вашей роли.');
          }
        }
        if (request.device && !spec.anonymous) {
          request.log.info({ device: request.device.id }, 'device');
        }
      },
      handler: async (request, reply) => {
        if (spec.body && !/^application\/json\b/.test(request.headers['content-type'] ?? '')) {
          throw new HttpError(415, 'unsupported_media_type', 'Ожидается application/json.');
        }
        const device: Device | null = request.device ?? null;
        const ctx = {
          body: spec.body ? parse(spec.body, request.body, 'тело') : undefined,
          query: spec.query ? parse(spec.query, request.query, 'параметры') : undefined,
          params: spec.params ? parse(spec.params, request.params, 'адрес') : undefined,
          device,
          actor: request.actor ?? null,
          request,
          reply,
        };
        const result = await spec.handler(ctx);
        const line = spec.audit
          ? spec.audit(ctx, result)
          : spec.auth === 'admin' && spec.method === 'POST'
            ? { action: spec.url }
            : null;
        if (line && ctx.actor) {
          await accounts.audit(actorName(ctx.actor), line.action, line.target ?? null, line.detail);
        }
        return result;
      },
    });
  }
}
