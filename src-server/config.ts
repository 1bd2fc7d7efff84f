import { resolve } from 'node:path';

/**
 * Zero-config defaults (issue 5): SQLite in ./.otklik-server, port 8787 on 127.0.0.1.
 * Environment: OTKLIK_SERVER_DATA, OTKLIK_SERVER_HOST, OTKLIK_SERVER_PORT, DATABASE_URL
 * (PostgreSQL), OTKLIK_TLS_CERT and OTKLIK_TLS_KEY (HTTPS), OTKLIK_RATE_LIMIT, LOG_LEVEL;
 * issue 13: OTKLIK_PACKAGE_KEY_FILE (the private key packages are encrypted to; beside the
 * database by default, never in it), OTKLIK_ALLOW_HTTP=1 (listen beyond loopback without TLS,
 * which is refused otherwise), OTKLIK_ATTACHMENT_QUOTA_MB (scans per office, 20480).
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
    attachmentQuotaBytes: env.OTKLIK_ATTACHMENT_QUOTA_MB
      ? Number(env.OTKLIK_ATTACHMENT_QUOTA_MB) * 1024 * 1024
      : undefined,
  };
}

export type ServerConfig = ReturnType<typeof serverConfig>;
