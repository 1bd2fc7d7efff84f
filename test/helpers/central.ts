import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildApp } from '../../src-server/app';
import { openCentralDb, type CentralDb } from '../../src-server/db/database';
import { createOffices } from '../../src-server/domain/offices';
import { loadPackageKeys, type PackageKeys } from '../../src-server/domain/package-keys';
import { createWriter } from '../../src-server/domain/write-lock';
import { createCore, type Core } from '../../src-main/core/index';
import type { SyncEngineOptions } from '../../src-main/core/sync/engine';
import { RESOURCES, tempDir } from './temp-core';

export { ok, officialOf } from './core-calls';

export interface Central {
  url: string;
  port: number;
  app: FastifyInstance;
  central: CentralDb;
  offices: ReturnType<typeof createOffices>;
  /** The central's package key pair (kept in a file beside the database in production). */
  keys: PackageKeys;
  dir: string;
  /** Stops the HTTP server and the database; `restart()` brings both back on the same port. */
  stop(): Promise<void>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A real central server in this process: Fastify listening on 127.0.0.1 over a real SQLite file
 * (or PostgreSQL when `databaseUrl` is given).
 */
export async function startCentral(
  options: {
    databaseUrl?: string;
    logger?: Parameters<typeof buildApp>[0]['logger'];
    app?: Partial<Parameters<typeof buildApp>[0]>;
  } = {},
): Promise<Central> {
  const t = tempDir();
  const sqliteFile = join(t.dir, 'central.sqlite');
  let port = 0;
  // In the data folder, where the server's CLI (OTKLIK_SERVER_DATA) finds it too.
  const keys = loadPackageKeys(join(t.dir, 'package-key.pem'));
  const state = {} as { app: FastifyInstance; central: CentralDb };
  async function start() {
    state.central = await openCentralDb({ databaseUrl: options.databaseUrl, sqliteFile });
    state.app = await buildApp({
      central: state.central,
      logger: options.logger ?? false,
      rateLimit: 100_000,
      packageKeys: keys,
      // Tests build the topic model when they want it (POST /v1/console/topic-model), on two
      // worker threads running the source under tsx.
      topicModelHours: 0,
      topicWorker: {
        entry: new URL('../../src-server/domain/topic-worker.ts', import.meta.url),
        loader: new URL('./tsx-worker.mjs', import.meta.url),
      },
      topicModelWorkers: 2,
      ...options.app,
    });
    await state.app.listen({ host: '127.0.0.1', port });
    port = (state.app.server.address() as AddressInfo).port;
  }
  await start();
  const c: Central = {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    get app() {
      return state.app;
    },
    get central() {
      return state.central;
    },
    get offices() {
      return createOffices(state.central.db, createWriter(state.central), undefined, keys);
    },
    keys,
    dir: t.dir,
    async stop() {
      await state.app.close();
      await state.central.close();
    },
    restart: start,
    async close() {
      await c.stop();
      t.cleanup();
    },
  };
  return c;
}

export interface Desk extends Core {
  dir: string;
  cleanup(): void;
}

/** A desk: the real core over its own SQLite file, syncing by hand (no background timer). */
export function startDesk(
  options: { now?: () => Date; dir?: string; sync?: Omit<SyncEngineOptions, 'credentials'> } = {},
): Desk {
  const t = options.dir ? { dir: options.dir, cleanup: () => undefined } : tempDir();
  const core = createCore({
    dataDir: t.dir,
    resourcesDir: RESOURCES,
    version: 'test',
    now: options.now,
    // Responses go at once in these tests; the anonymity tests keep the batching of 5.
    sync: { timeoutMs: 5_000, responseBatchMin: 1, ...options.sync },
  });
  return {
    ...core,
    dir: t.dir,
    cleanup() {
      core.close();
      t.cleanup();
    },
  };
}

/** Creates the office if needed and enrolls the desk into it. */
export async function enroll(
  central: Central,
  desk: Desk,
  office = 'MIN01',
  deskCode?: string,
  replace = false,
) {
  const offices = central.offices;
  const known = (await offices.listOffices()).some((o) => o.code === office);
  if (!known) await offices.createOffice(office, `Орган ${office}`);
  const { code } = await offices.createEnrollmentCode(office, deskCode ?? null, 7, replace);
  return desk.services.sync.enroll(central.url, code, 'Рабочее место');
}

/** How many cards, responses and change-log entries the central holds. */
export async function centralCounts(c: Central) {
  const n = async (table: 'appeals' | 'responses' | 'change_log') =>
    Number(
      (
        await c.central.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    appeals: await n('appeals'),
    responses: await n('responses'),
    log: await n('change_log'),
  };
}

/** The columns a response has at the central: the anonymous fields and nothing else. */
export const CENTRAL_RESPONSE_COLUMNS = [
  // The agreement words: a hash of the response's own fields (id included), nothing more.
  'agree_0',
  'agree_1',
  'agree_2',
  'agree_3',
  'answers',
  'campaign_id',
  'channel',
  'complete',
  // Orders responses only (batch by batch, shuffled within): docs/anonymity.md.
  'feed_seq',
  'id',
  'office',
  'office_id',
  'response_date',
  'service_id',
  'template_id',
];

/** Every row of every table of the central, by table (the anonymity tests walk them all). */
export async function everyRow(c: Central): Promise<Record<string, Record<string, unknown>[]>> {
  const tables =
    c.central.dialect === 'sqlite'
      ? ((
          await c.central.db
            .selectFrom('sqlite_master' as never)
            .select('name' as never)
            .where('type' as never, '=', 'table' as never)
            .execute()
        ).map((r) => (r as { name: string }).name) as string[])
      : (
          (await c.central.db
            .selectFrom('information_schema.tables' as never)
            .select('table_name' as never)
            .where('table_schema' as never, '=', 'public' as never)
            .execute()) as { table_name: string }[]
        ).map((r) => r.table_name);
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const t of tables) {
    if (t.startsWith('sqlite_')) continue;
    out[t] = (await c.central.db
      .selectFrom(t as never)
      .selectAll()
      .execute()) as Record<string, unknown>[];
  }
  return out;
}

/** The central's log lines as they are written (a pino stream), to search them afterwards. */
export function logCapture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}
