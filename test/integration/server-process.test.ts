import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:https';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appealInput } from '../helpers/appeal-input';
import { officialOf, startDesk, type Desk } from '../helpers/central';
import { postgresForTests } from '../helpers/postgres';
import { ROOT, serverCli, spawnServer } from '../helpers/server-process';
import { tempDir } from '../helpers/temp-core';

const pg = postgresForTests();
const DEPARTMENT = '11111111-2222-4333-8444-555555555555';
const { backends } = pg;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function env(backend: 'sqlite' | 'postgres') {
  const t = tempDir();
  cleanups.push(() => t.cleanup());
  return {
    OTKLIK_SERVER_DATA: t.dir,
    DATABASE_URL: pg.databaseUrl(backend) ?? '',
  };
}

function desk(dir?: string): Desk {
  const d = startDesk(dir ? { dir } : {});
  cleanups.push(() => d.cleanup());
  return d;
}

function enrollmentCode(e: NodeJS.ProcessEnv, office: string) {
  return /: ([A-Z0-9-]{14}) /.exec(serverCli(e, 'enroll-code', office))![1]!;
}

describe.each(backends)('the central server as a process (`npm run server`) on %s', (backend) => {
  it('is set up by its CLI, enrolls desks, takes their data and serves /docs', async () => {
    const e = env(backend);
    expect(serverCli(e, 'office', 'create', 'MIN01', 'Министерство')).toMatch(
      /Орган создан: MIN01/,
    );
    const server = await spawnServer(e);
    cleanups.push(() => server.stop());
    const a = desk();
    const b = desk();
    await a.services.sync.enroll(server.url, enrollmentCode(e, 'MIN01'), 'Окно 1');
    await b.services.sync.enroll(server.url, enrollmentCode(e, 'MIN01'), 'Окно 2');
    const official = officialOf(a);
    for (let i = 0; i < 20; i++) a.dispatch('appeals.create', { data: appealInput(official) });
    expect((await a.services.sync.syncNow()).pushed).toBe(20);
    const pulled = await b.services.sync.syncNow();
    expect(pulled.pulled).toBe(20);
    expect(pulled.agreement?.agrees).toBe(true);
    const docs = (await fetch(`${server.url}/docs/openapi.json`).then((r) => r.json())) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(docs.paths)).toEqual(
      expect.arrayContaining(['/v1/enroll', '/v1/push', '/v1/pull', '/v1/agreement']),
    );
    expect((await fetch(`${server.url}/docs`)).headers.get('content-type')).toMatch(/text\/html/);
    // The monthly report to ССТУ.РФ from the CLI: the office's id first, then the month's file.
    const out = join(e.OTKLIK_SERVER_DATA, 'sstu.json');
    expect(() => serverCli(e, 'sstu', '2026-03', '--out', out)).toThrow(/Не указан идентификатор/);
    expect(serverCli(e, 'office', 'sstu', 'MIN01', DEPARTMENT)).toMatch(/MIN01 в ССТУ.РФ/);
    const printed = serverCli(e, 'sstu', '2026-03', '--office', 'MIN01', '--out', out);
    expect(printed).toMatch(/Карточек: 20, вопросов: 20\./);
    expect(printed).toMatch(/Находится на рассмотрении \(InWork\): 20/);
    const records = JSON.parse(readFileSync(out, 'utf8')) as { departmentId: string }[];
    expect(records).toHaveLength(20);
    expect(new Set(records.map((r) => r.departmentId))).toEqual(new Set([DEPARTMENT]));
    // Revoked from the CLI: refused at once.
    const id = a.services.credentials.load()!.deviceId;
    expect(serverCli(e, 'revoke', id)).toMatch(/отозван/);
    await expect(a.services.sync.syncNow()).rejects.toThrow(/отозван/);
    // Eight CLI processes (tsx starts in ~2 s each on 2 cores) and a server process.
  }, 60_000);
});

describe('a desk killed mid-sync (kill -9)', () => {
  it('resumes: every card arrives once, nothing is lost', async () => {
    const e = env('sqlite');
    serverCli(e, 'office', 'create', 'MIN01', 'Министерство');
    const server = await spawnServer(e);
    cleanups.push(() => server.stop());
    const t = tempDir();
    cleanups.push(() => t.cleanup());
    const d = startDesk({ dir: t.dir });
    await d.services.sync.enroll(server.url, enrollmentCode(e, 'MIN01'), 'Окно 1');
    const official = officialOf(d);
    const total = 1500;
    for (let i = 0; i < total; i++) d.services.appeals.createUnread(appealInput(official) as never);
    d.close();

    const central = new Database(join(e.OTKLIK_SERVER_DATA, 'central.sqlite'), { readonly: true });
    cleanups.push(() => central.close());
    const received = () => Number(central.prepare('SELECT count(*) FROM appeals').pluck().get());
    const worker = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/helpers/desk-worker.ts', t.dir],
      {
        cwd: ROOT,
        stdio: 'ignore',
      },
    );
    const exited = new Promise((r) => worker.once('exit', r));
    while (received() < 300) await new Promise((r) => setTimeout(r, 20));
    worker.kill('SIGKILL');
    await exited;
    const atKill = received();
    expect(atKill).toBeGreaterThanOrEqual(300);
    expect(atKill).toBeLessThan(total);

    const resumed = desk(t.dir);
    const run = await resumed.services.sync.syncNow();
    expect(received()).toBe(total);
    expect(run.agreement?.agrees).toBe(true);
    expect(resumed.services.sync.status().pending.changes).toBe(0);
    const log = central
      .prepare('SELECT count(*), count(DISTINCT change_id) FROM change_log')
      .raw()
      .get();
    expect(log).toEqual([total, total]);
    // Two processes, 1,500 cards and a kill: ~15 s alone on 2 cores, more beside other suites.
  }, 60_000);
});

describe('HTTPS', () => {
  it('serves over TLS when given a certificate and key', async () => {
    const e = env('sqlite');
    const cert = join(e.OTKLIK_SERVER_DATA, 'cert.pem');
    const key = join(e.OTKLIK_SERVER_DATA, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    const server = await spawnServer({ ...e, OTKLIK_TLS_CERT: cert, OTKLIK_TLS_KEY: key });
    cleanups.push(() => server.stop());
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const body = await new Promise<string>((resolve, reject) => {
      get(`${server.url}/v1/health`, { ca: readFileSync(cert) }, (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => resolve(text));
      }).on('error', reject);
    });
    expect(JSON.parse(body)).toEqual({ ok: true, protocol: 1 });
  });
});
