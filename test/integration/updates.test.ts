import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCore, type Core } from '../../src-main/core/index';
import { createFeedClient } from '../../src-main/core/updates/feed-client';
import { createReleases } from '../../src-server/domain/updates';
import { parseRange } from '../../src-server/routes/updates';
import { stageBucket } from '../../src-shared/updates/feed';
import type { Output } from '../../src-shared/contract/api';
import { ok, startCentral, type Central } from '../helpers/central';
import { consoleAs } from '../helpers/console-client';
import { RESOURCES, tempDir } from '../helpers/temp-core';

/**
 * Desk updates from the central (docs/updates.md): a real central on loopback serving the feed
 * and the installers from its releases folder, real desk cores reading it with the feed client
 * (the protocol electron-updater speaks), a 3 MB installer.
 */
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function setUp() {
  const updatesDir = tempDir();
  cleanups.push(() => updatesDir.cleanup());
  const central = await startCentral({ app: { updatesDir: updatesDir.dir } });
  cleanups.push(() => central.close());
  const releases = createReleases(updatesDir.dir);
  const installer = join(updatesDir.dir, 'Otklik-1.1.0.AppImage');
  const bytes = randomBytes(3 * 1024 * 1024);
  writeFileSync(installer, bytes);
  return { central, releases, installer, bytes, dir: updatesDir.dir };
}

/** A desk of version 1.0.0 (the harness's own desks are 'test' and never look for updates). */
function desk(): Core & { dir: string } {
  const t = tempDir();
  const core = createCore({ dataDir: t.dir, resourcesDir: RESOURCES, version: '1.0.0' });
  cleanups.push(() => {
    core.close();
    t.cleanup();
  });
  return { ...core, dir: t.dir };
}

async function enrolled(central: Central, d: Core, office = 'MIN01') {
  if (!(await central.offices.listOffices()).some((o) => o.code === office))
    await central.offices.createOffice(office, `Орган ${office}`);
  const { code } = await central.offices.createEnrollmentCode(office, null, 7, false);
  await d.services.sync.enroll(central.url, code, 'Окно');
  return d.services.credentials.load()!;
}

/** A Linux release of one installer, for everyone unless a share and offices are given. */
const release = (
  releases: ReturnType<typeof createReleases>,
  version: string,
  file: string,
  percent = 100,
  offices: string[] = [],
) => releases.add({ platform: 'linux', version, files: [file], percent, offices, now: new Date() });

const check = (d: Core) =>
  d.call('updates.check', {}) as Promise<{ ok: true; result: Output<'updates.check'> }>;

describe('updates served by the central', () => {
  it('a desk finds the release, downloads it in the background and verifies it', async () => {
    const { central, releases, installer, bytes } = await setUp();
    const d = desk();
    await enrolled(central, d);
    expect(ok<Output<'updates.status'>>(d.dispatch('updates.status', {}))).toMatchObject({
      phase: 'idle',
      current: '1.0.0',
      next: null,
    });
    // Nothing released yet: the feed says so and the desk stays idle.
    expect((await check(d)).result).toMatchObject({ phase: 'idle', next: null, error: null });

    await release(releases, '1.1.0', installer);
    const status = (await check(d)).result;
    expect(status).toMatchObject({ phase: 'ready', next: '1.1.0', progress: 1, error: null });
    const file = join(d.dir, 'updates', '1.1.0', 'Otklik-1.1.0.AppImage');
    expect(readFileSync(file).equals(bytes)).toBe(true);
    // Installing: refused while a card is open, and browser mode cannot replace itself.
    expect(ok(d.dispatch('updates.install', { editing: true }))).toEqual({
      installing: false,
      refusal: 'editing',
    });
    expect(ok(d.dispatch('updates.install', { editing: false }))).toEqual({
      installing: false,
      refusal: 'unsupported',
    });

    // Withdrawn at the central: the desk no longer holds it ready.
    releases.withdraw('linux', '1.1.0');
    expect((await check(d)).result).toMatchObject({ phase: 'idle', next: null });
  });

  it('offers a release in stages: only the share of desks and the offices asked for', async () => {
    const { central, releases, installer } = await setUp();
    const desks = [desk(), desk(), desk()];
    const ids = [];
    for (const d of desks) ids.push((await enrolled(central, d)).deviceId);
    const other = desk();
    await enrolled(central, other, 'MIN02');
    await release(releases, '1.1.0', installer, 0, ['MIN01']);
    // The lowest bucket among the three decides a share that lets exactly that one in.
    const buckets = ids.map((id) => stageBucket(id, '1.1.0'));
    const first = buckets.indexOf(Math.min(...buckets));
    releases.stage('linux', '1.1.0', Math.min(...buckets) + 1);
    for (const [i, d] of desks.entries()) {
      const s = (await check(d)).result;
      const offered = buckets[i]! <= Math.min(...buckets);
      expect(s.next, `desk ${i} (bucket ${buckets[i]})`).toBe(offered ? '1.1.0' : null);
    }
    expect(first).toBeGreaterThanOrEqual(0);
    releases.stage('linux', '1.1.0', 100);
    for (const d of desks) expect((await check(d)).result.next).toBe('1.1.0');
    // Another office's desk is never offered a release for MIN01.
    expect((await check(other)).result).toMatchObject({ phase: 'idle', next: null });
  });

  it('resumes a broken download with a byte range, and refuses a damaged installer', async () => {
    const { central, releases, installer, bytes, dir } = await setUp();
    const seen: (string | null)[] = [];
    let breakAfter = 1024 * 1024;
    // A link that drops after 1 MB once (the body errors mid-way), as a regional one does.
    const flaky: typeof fetch = async (input, init) => {
      const headers = new Headers(init?.headers);
      seen.push(headers.get('range'));
      const r = await fetch(input, init);
      if (!String(input).endsWith('.AppImage') || breakAfter === 0 || !r.body) return r;
      const limit = breakAfter;
      breakAfter = 0;
      let sent = 0;
      const reader = r.body.getReader();
      const body = new ReadableStream<Uint8Array>({
        async pull(c) {
          const { done, value } = await reader.read();
          if (done) return c.close();
          if (sent + value.length > limit) return c.error(new Error('связь прервана'));
          sent += value.length;
          c.enqueue(value);
        },
      });
      return new Response(body, { status: r.status, headers: r.headers });
    };
    const t = tempDir();
    let credentials: ReturnType<Core['services']['credentials']['load']> = null;
    const port = createFeedClient({
      credentials: () => credentials,
      platform: 'linux',
      dir: t.dir,
      fetch: flaky,
    });
    const core = createCore({
      dataDir: t.dir,
      resourcesDir: RESOURCES,
      version: '1.0.0',
      updatePort: port,
    });
    cleanups.push(() => {
      core.close();
      t.cleanup();
    });
    credentials = await enrolled(central, core);
    await release(releases, '1.1.0', installer);

    const broken = ok<Output<'updates.check'>>(await core.call('updates.check', {}));
    expect(broken).toMatchObject({
      phase: 'error',
      error: expect.stringMatching(/связь прервана/),
    });
    const part = join(t.dir, '1.1.0', 'Otklik-1.1.0.AppImage.part');
    const kept = readFileSync(part).length;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(1024 * 1024);
    const resumed = ok<Output<'updates.check'>>(await core.call('updates.check', {}));
    expect(resumed).toMatchObject({ phase: 'ready', next: '1.1.0' });
    expect(seen.filter((r) => r !== null)).toEqual([`bytes=${kept}-`]);
    expect(readFileSync(join(t.dir, '1.1.0', 'Otklik-1.1.0.AppImage')).equals(bytes)).toBe(true);

    // The installer changed on the central's disk after it was released: its SHA-512 no longer
    // matches, the desk refuses it and keeps nothing of it.
    const served = join(dir, 'linux', '1.2.0', 'Otklik-1.2.0.AppImage');
    const second = join(dir, 'Otklik-1.2.0.AppImage');
    writeFileSync(second, bytes);
    await release(releases, '1.2.0', second);
    const tampered = Buffer.from(bytes);
    tampered[12345] = tampered[12345]! ^ 0xff;
    writeFileSync(served, tampered);
    const refused = ok<Output<'updates.check'>>(await core.call('updates.check', {}));
    expect(refused).toMatchObject({ phase: 'error', error: expect.stringMatching(/поврежден/) });
    expect(existsSync(join(t.dir, '1.2.0', 'Otklik-1.2.0.AppImage'))).toBe(false);
    expect(existsSync(join(t.dir, '1.2.0', 'Otklik-1.2.0.AppImage.part'))).toBe(false);
  });

  it('serves only enrolled desks, only listed files, and byte ranges by the RFC', async () => {
    const { central, releases, installer, bytes } = await setUp();
    const d = desk();
    const creds = await enrolled(central, d);
    await release(releases, '1.1.0', installer);
    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${central.url}/updates/${path}`, {
        headers: { authorization: `Bearer ${creds.token}`, ...headers },
      });
    const status = async (path: string, headers: Record<string, string> = {}) => {
      const r = await get(path, headers);
      await r.arrayBuffer(); // drained: the connection is free again
      return r.status;
    };
    const feed = await get('linux/latest-linux.yml');
    expect(feed.status).toBe(200);
    expect(feed.headers.get('cache-control')).toBe('no-store');
    expect(await feed.text()).toContain(
      `sha512: '${createHash('sha512').update(bytes).digest('base64')}'`,
    );
    expect(await status('windows/latest.yml')).toBe(404); // nothing for Windows
    expect(await status('macos/latest-mac.yml')).toBe(404);
    const part = await get('linux/Otklik-1.1.0.AppImage', { range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${bytes.length}`);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
    const tail = await get('linux/Otklik-1.1.0.AppImage', { range: 'bytes=-10' });
    expect(Buffer.from(await tail.arrayBuffer()).equals(bytes.subarray(bytes.length - 10))).toBe(
      true,
    );
    expect(await status('linux/Otklik-1.1.0.AppImage', { range: `bytes=${bytes.length}-` })).toBe(
      416,
    );
    expect(await status('linux/Otklik-1.1.0.AppImage', { range: 'bytes=0-1,5-6' })).toBe(200);
    // Not a file of a release, or outside the folder: not found, whatever the path says.
    for (const path of [
      'linux/release.json',
      'linux/..%2F..%2Fcentral.sqlite',
      'linux/%2E%2E',
      'linux/Otklik-1.1.0.AppImage.part',
    ])
      expect(await status(path), path).toBe(404);
    // No key, a wrong key, a revoked desk: nothing.
    const anonymous = await fetch(`${central.url}/updates/linux/latest-linux.yml`);
    await anonymous.arrayBuffer();
    expect(anonymous.status).toBe(401);
    expect(
      await status('linux/latest-linux.yml', { authorization: 'Bearer ' + 'x'.repeat(40) }),
    ).toBe(401);
    await central.offices.revoke(creds.deviceId);
    expect(await status('linux/Otklik-1.1.0.AppImage')).toBe(403);
  });

  it('a hostile or broken server cannot make a desk read a giant feed', async () => {
    // Streams 50 MB without a length; the desk must stop at 64 KB.
    let sent = 0;
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/yaml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (sent < 50 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
        if (sent < 50 * 1024 * 1024) res.once('drain', pump);
        else res.end();
      };
      pump();
      res.on('close', () => undefined);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => new Promise((r) => server.close(() => r(undefined))));
    const { port } = server.address() as AddressInfo;
    const t = tempDir();
    cleanups.push(() => t.cleanup());
    const client = createFeedClient({
      credentials: () => ({
        serverUrl: `http://127.0.0.1:${port}`,
        deviceId: '00000000-0000-4000-8000-000000000001',
        token: 'x'.repeat(40),
        officeCode: 'MIN01',
        officeName: 'Орган',
      }),
      platform: 'linux',
      dir: t.dir,
    });
    await expect(client.check()).rejects.toThrow(/feed too large/);
    expect(sent).toBeLessThan(50 * 1024 * 1024);
    server.closeAllConnections();
  });

  it('takes only a whole release: a missing file, a bad version, the same version twice', async () => {
    const t = tempDir();
    cleanups.push(() => t.cleanup());
    const releases = createReleases(join(t.dir, 'updates'));
    const file = join(t.dir, 'Otklik-1.1.0.AppImage');
    writeFileSync(file, 'installer');
    await expect(release(releases, '1.1.0', join(t.dir, 'missing.AppImage'))).rejects.toThrow(
      /Файл установщика не найден/,
    );
    await expect(release(releases, 'latest', file)).rejects.toThrow(/Неверная версия/);
    await expect(release(releases, '../../1.0.0', file)).rejects.toThrow(/Неверная версия/);
    expect(releases.list()).toEqual([]);
    await release(releases, '1.1.0', file);
    await expect(release(releases, '1.1.0', file)).rejects.toThrow(/уже загружен/);
    // A release.json damaged on disk is skipped, never served.
    writeFileSync(join(t.dir, 'updates', 'linux', '1.1.0', 'release.json'), '{"version": 1');
    expect(releases.list()).toEqual([]);
    expect(releases.file('linux', 'Otklik-1.1.0.AppImage')).toBeNull();
  });

  it('the console uploads, widens and withdraws a release; an analyst cannot; all audited', async () => {
    const { central, bytes } = await setUp();
    const { token } = await central.offices.createAdmin('Автоматизация');
    const make = async (login: string, role: string) => {
      const r = await fetch(`${central.url}/v1/console/accounts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ login, name: `Сотрудник ${login}`, role, office: null }),
      });
      return ((await r.json()) as { password: string }).password;
    };
    const admin = await consoleAs(central.url, 'admin1', await make('admin1', 'admin'));
    const analyst = await consoleAs(central.url, 'analyst1', await make('analyst1', 'analyst'));
    const send = (who: typeof admin, q: string, body: Buffer) =>
      fetch(`${central.url}/v1/console/releases?${q}`, {
        method: 'POST',
        headers: {
          cookie: who.cookie,
          'x-csrf-token': who.session.csrf,
          'content-type': 'application/octet-stream',
        },
        body,
      });
    const q = 'platform=linux&version=1.1.0&name=Otklik-1.1.0.AppImage&percent=10';
    // Not the analyst's to do; not without the console's CSRF token; not a bad name.
    expect((await send(analyst, q, bytes)).status).toBe(403);
    const noCsrf = await fetch(`${central.url}/v1/console/releases?${q}`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    expect(noCsrf.status).toBe(403);
    const badName = await send(admin, q.replace('Otklik-1.1.0.AppImage', '..%2Fevil.exe'), bytes);
    expect(badName.status).toBe(400);
    expect(await admin.json('/v1/console/releases')).toEqual([]);

    const added = await send(admin, q, bytes);
    expect(added.status).toBe(200);
    expect(await added.json()).toMatchObject({
      version: '1.1.0',
      platform: 'linux',
      files: [
        {
          name: 'Otklik-1.1.0.AppImage',
          size: bytes.length,
          sha512: createHash('sha512').update(bytes).digest('base64'),
        },
      ],
      stage: { percent: 10, offices: [] },
    });
    expect((await send(admin, q, bytes)).status).toBe(409);
    await admin.json('/v1/console/releases/stage', {
      platform: 'linux',
      version: '1.1.0',
      percent: 100,
    });
    // A desk now gets it.
    const d = desk();
    await enrolled(central, d);
    expect((await check(d)).result).toMatchObject({ phase: 'ready', next: '1.1.0' });
    expect(
      readFileSync(join(d.dir, 'updates', '1.1.0', 'Otklik-1.1.0.AppImage')).equals(bytes),
    ).toBe(true);
    await admin.json('/v1/console/releases/withdraw', { platform: 'linux', version: '1.1.0' });
    expect((await check(d)).result).toMatchObject({ phase: 'idle', next: null });
    const log = await admin.json<{ action: string; target: string | null }[]>('/v1/console/audit');
    expect(log.map((e) => e.action)).toEqual(
      expect.arrayContaining(['release_added', 'release_staged', 'release_withdrawn']),
    );
  });

  it('reads byte ranges the way RFC 9110 writes them, worst values included', () => {
    expect(parseRange('bytes=0-0', 10)).toEqual([0, 0]);
    expect(parseRange('bytes=5-', 10)).toEqual([5, 9]);
    expect(parseRange('bytes=5-100', 10)).toEqual([5, 9]);
    expect(parseRange('bytes=-3', 10)).toEqual([7, 9]);
    expect(parseRange('bytes=-30', 10)).toEqual([0, 9]);
    expect(parseRange('bytes=10-', 10)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 10)).toBe('unsatisfiable');
    for (const bad of [
      'bytes=5-2',
      'bytes=-',
      'items=0-1',
      'bytes=a-b',
      'bytes=99999999999999999999-',
      '',
    ])
      expect(parseRange(bad, 10), bad).toBeNull();
  });
});
