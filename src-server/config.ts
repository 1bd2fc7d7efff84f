import { resolve } from 'node:path';

/**
 * Zero-config defaults (issue 5): SQLite in ./.otklik-server, port 8787 on 127.0.0.1.
 * Environment: OTKLIK_SERVER_DATA, OTKLIK_SERVER_HOST, OTKLIK_SERVER_PORT, DATABASE_URL
 * (PostgreSQL), OTKLIK_TLS_CERT and OTKLIK_TLS_KEY (HTTPS), OTKLIK_RATE_LIMIT, LOG_LEVEL;
 * issue 13: OTKLIK_PACKAGE_KEY_FILE (the private key packages are encrypted to; beside the
 * database by default, never in it), OTKLIK_ALLOW_HTTP=1 (listen beyond loopback without TLS,
 * which is refused otherwise), OTKLIK_ATTACHMENT_QUOTA_MB (scans per office, 20480).
 * Issue 18 (docs/online-surveys.md): OTKLIK_PUBLIC_URL (the origin visitors reach online
 * surveys at), OTKLIK_TRUST_PROXY (behind a reverse proxy: `true`, or its addresses, comma
 * separated), OTKLIK_ONLINE_PER_ADDRESS (online answers per address in ten minutes, 30).
 * Issue 20 (docs/topics.md): OTKLIK_TOPIC_MODEL_HOURS (hours between builds of the region's
 * topic model, 6; 0 turns the schedule off), OTKLIK_TOPIC_MODEL_WORKERS (worker threads that
 * read the cards of a build: the machine's cores by default, at most 4; 0 reads them in the
 * server's own thread).
 */
export function serverConfig(env: NodeJS.ProcessEnv = process.env) {
  const dataDir = resolve(env.OTKLIK_SERVER_DATA ?? '.otklik-server');
  return {
    dataDir,
    sqliteFile: resolve(dataDir, 'central.sqlite'),
    databaseUrl: env.DATABASE_URL || undefined,
    host: env.OTKLIK_SERVER_HOST ?? '127.0.0.1',
    port: Number(env.OTKLIK_SERVER_PORT ?? 8787),
    tlsCert: env.OTKLIK_TLS_CERT,
    tlsKey: env.OTKLIK_TLS_KEY,
    rateLimit: env.OTKLIK_RATE_LIMIT ? Number(env.OTKLIK_RATE_LIMIT) : undefined,
    logLevel: env.LOG_LEVEL ?? 'info',
    packageKeyFile: resolve(env.OTKLIK_PACKAGE_KEY_FILE ?? resolve(dataDir, 'package-key.pem')),
    allowHttp: env.OTKLIK_ALLOW_HTTP === '1',
    /** Desk releases (docs/updates.md): OTKLIK_UPDATES_DIR, beside the database by default. */
    updatesDir: resolve(env.OTKLIK_UPDATES_DIR ?? resolve(dataDir, 'updates')),
    publicUrl: publicUrl(env.OTKLIK_PUBLIC_URL),
    trustProxy: env.OTKLIK_TRUST_PROXY === 'true' ? true : env.OTKLIK_TRUST_PROXY || undefined,
    onlineSubmitsPerAddress: env.OTKLIK_ONLINE_PER_ADDRESS
      ? Number(env.OTKLIK_ONLINE_PER_ADDRESS)
      : undefined,
    topicModelHours: env.OTKLIK_TOPIC_MODEL_HOURS
      ? Number(env.OTKLIK_TOPIC_MODEL_HOURS)
      : undefined,
    topicModelWorkers: topicModelWorkers(env.OTKLIK_TOPIC_MODEL_WORKERS),
    attachmentQuotaBytes: env.OTKLIK_ATTACHMENT_QUOTA_MB
      ? Number(env.OTKLIK_ATTACHMENT_QUOTA_MB) * 1024 * 1024
      : undefined,
  };
}

export type ServerConfig = ReturnType<typeof serverConfig>;

/** Worker threads for a topic model build: a whole number 0–64, or undefined (the default). */
function topicModelWorkers(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = /^\d{1,2}$/.test(value) ? Number(value) : NaN;
  if (!(n >= 0 && n <= 64)) {
    throw new Error(`OTKLIK_TOPIC_MODEL_WORKERS: ожидается целое число от 0 до 64, а не ${value}`);
  }
  return n;
}

/** The public origin of online surveys: https:// (or http:// for a test), no path. */
function publicUrl(value: string | undefined): string | null {
  if (!value) return null;
  const url = new URL(value);
  if (!/^https?:$/.test(url.protocol) || url.username || url.password) {
    throw new Error(
      `OTKLIK_PUBLIC_URL: ожидается адрес вида https://опрос.регион.рф, а не ${value}`,
    );
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}
