import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TOKEN_HEADER } from '../../src-shared/contract/transport';
import { tempCore } from '../../test/helpers/temp-core';
import { startHarness } from './server';

let core: ReturnType<typeof tempCore>;
let harness: Awaited<ReturnType<typeof startHarness>>;

beforeEach(async () => {
  core = tempCore();
  const web = join(core.dir, 'web');
  mkdirSync(web);
  writeFileSync(join(web, 'index.html'), '<html><head><title>t</title></head><body></body></html>');
  harness = await startHarness({ dispatch: core.call, staticDir: web });
});
afterEach(async () => {
  await harness.close();
  core.cleanup();
});

const post = (method: string, headers: Record<string, string>, body = '{}') =>
  fetch(`${harness.url}__otklik/call/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('loopback transport', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(harness.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the page with the per-run token and a CSP', async () => {
    const res = await fetch(harness.url);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain(`<meta name="otklik-token" content="${harness.token}">`);
  });

  it('answers a call that carries the token', async () => {
    const res = await post('app.info', { [TOKEN_HEADER]: harness.token });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, result: { classifierSize: 2108 } });
  });

  it('refuses a call without the token or with a wrong one', async () => {
    expect((await post('app.info', {})).status).toBe(401);
    expect((await post('app.info', { [TOKEN_HEADER]: 'x'.repeat(64) })).status).toBe(401);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const res = await post('app.info', {
      [TOKEN_HEADER]: harness.token,
      origin: 'http://evil.example',
    });
    expect(res.status).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve) => {
      const req = request(
        { host: '127.0.0.1', port: harness.port, path: '/', headers: { host: 'evil.example' } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.end();
    });
    expect(status).toBe(421);
  });

  it('refuses non-JSON bodies and reports broken JSON as a validation error', async () => {
    const plain = await fetch(`${harness.url}__otklik/call/app.info`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', [TOKEN_HEADER]: harness.token },
      body: '{}',
    });
    expect(plain.status).toBe(415);
    const broken = await post('app.info', { [TOKEN_HEADER]: harness.token }, '{');
    expect(await broken.json()).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('does not serve files outside its folder', async () => {
    const res = await fetch(`${harness.url}..%2f..%2fotklik.sqlite`);
    expect(res.status).toBe(404);
  });
});
