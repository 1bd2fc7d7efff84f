import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appealInput } from '../helpers/appeal-input';
import { officialOf, startDesk } from '../helpers/central';
import { BUILT_SERVER, builtServerCli, ROOT, spawnServer } from '../helpers/server-process';
import { tempDir } from '../helpers/temp-core';

/**
 * The central as production runs it: `npm run build:server` compiles it to plain JavaScript
 * in dist-server/, and `node dist-server/main.js` runs it with no TypeScript loader (the process
 * is started without tsx; a source file it still needed would fail to load).
 */
const cleanups: (() => unknown)[] = [];
beforeAll(() => {
  execFileSync('npm', ['run', 'build:server'], { cwd: ROOT, stdio: 'pipe', timeout: 300_000 });
}, 300_000);
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('the built central server', () => {
  it('is one folder: the bundle, its package list, the console and the questionnaires', () => {
    const dist = resolve(ROOT, 'dist-server');
    expect(existsSync(BUILT_SERVER)).toBe(true);
    expect(existsSync(resolve(dist, 'console/console.html'))).toBe(true);
    // The online survey page and the render the central draws it with (issue 18).
    expect(existsSync(resolve(dist, 'online/online.html'))).toBe(true);
    expect(existsSync(resolve(dist, 'online/ssr/render.js'))).toBe(true);
    expect(existsSync(resolve(dist, 'resources/surveys/service-satisfaction-003.json'))).toBe(true);
    const pkg = JSON.parse(readFileSync(resolve(dist, 'package.json'), 'utf8')) as {
      type: string;
      dependencies: Record<string, string>;
    };
    expect(pkg.type).toBe('module');
    expect(Object.keys(pkg.dependencies)).toEqual(
      expect.arrayContaining(['fastify', 'better-sqlite3', 'pg', 'zod']),
    );
    // Nothing of the development set-up is needed at run time.
    for (const dev of ['tsx', 'vite', 'react', 'electron', '@mantine/core'])
      expect(pkg.dependencies).not.toHaveProperty(dev);
    expect(readFileSync(BUILT_SERVER, 'utf8')).not.toMatch(/from ["']tsx|from ["'][./]*src-/);
  });

  it('runs under plain node: its CLI sets up an office, a desk enrolls, syncs and agrees', async () => {
    const t = tempDir();
    cleanups.push(() => t.cleanup());
    const env = { OTKLIK_SERVER_DATA: t.dir, DATABASE_URL: '' };
    expect(builtServerCli(env, 'office', 'create', 'MIN01', 'Министерство')).toMatch(
      /Орган создан: MIN01/,
    );
    const code = /: ([A-Z0-9-]{14}) /.exec(builtServerCli(env, 'enroll-code', 'MIN01'))![1]!;
    const server = await spawnServer(env, { built: true });
    cleanups.push(() => server.stop());
    const desk = startDesk({});
    cleanups.push(() => desk.cleanup());
    await desk.services.sync.enroll(server.url, code, 'Окно 1');
    const official = officialOf(desk);
    for (let i = 0; i < 5; i++) desk.dispatch('appeals.create', { data: appealInput(official) });
    const result = await desk.services.sync.syncNow();
    expect(result.pushed).toBe(5);
    expect(result.agreement?.agrees).toBe(true);
    // The console and the built-in questionnaires are found from the built layout.
    const page = await fetch(`${server.url}/console/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    expect((await fetch(`${server.url}/v1/health`)).status).toBe(200);

    // The topic model is built on the bundle's own worker thread (dist-server/topic-worker.js).
    expect(existsSync(resolve(ROOT, 'dist-server/topic-worker.js'))).toBe(true);
    const key = /: (\S+)$/m.exec(builtServerCli(env, 'admin', 'create', 'Сборка'))![1]!;
    const built = await fetch(`${server.url}/v1/console/topic-model`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: '{}',
    });
    expect(built.status).toBe(200);
    const builds = (await (
      await fetch(`${server.url}/v1/console/topic-model`, {
        headers: { authorization: `Bearer ${key}` },
      })
    ).json()) as { builds: { version: number; cards: number }[] };
    expect(builds.builds[0]).toMatchObject({ version: 1, cards: 5 });
    expect(server.output()).not.toMatch(/worker threads did not start/);
  }, 120_000);
});
