import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HTTP_CALL_PREFIX, TOKEN_HEADER } from '../../src-shared/contract/transport';
import { tempDir } from '../../test/helpers/temp-core';
import { startBrowserMode } from './browser-mode';

let app: Awaited<ReturnType<typeof startBrowserMode>>;
const data = tempDir();

beforeAll(async () => {
  app = await startBrowserMode({ dataDir: data.dir, port: 0, dev: true });
}, 60_000);
afterAll(async () => {
  await app.close();
  data.cleanup();
});

describe('dev:web (Vite middleware behind the harness)', () => {
  it('serves the page with the token and Vite’s client', async () => {
    const html = await (await fetch(app.url)).text();
    expect(html).toContain('name="otklik-token"');
    expect(html).toContain('/@vite/client');
  });

  it('serves renderer modules, including ones under src-renderer/api/', async () => {
    for (const path of ['@vite/client', 'main.tsx', 'api/client.ts']) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toContain('javascript');
    }
  });

  it('answers contract calls beside them', async () => {
    const res = await fetch(`http://127.0.0.1:${app.port}${HTTP_CALL_PREFIX}app.info`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: app.token },
      body: '{}',
    });
    expect(await res.json()).toMatchObject({ ok: true, result: { classifierSize: 2108 } });
  });
});
