import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  HTTP_CALL_PREFIX,
  SESSION_HEADER,
  TOKEN_HEADER,
  TOKEN_META,
} from '../../src-shared/contract/transport';
import type { AsyncDispatch } from '../core/dispatch';
import { CONTENT_SECURITY_POLICY } from '../../src-shared/security/csp';
import { readStatic } from './static-files';

const MAX_BODY = 25 * 1024 * 1024;

export interface HarnessOptions {
  dispatch: AsyncDispatch;
  /** Folder of the built renderer (out/web); ignored when `html` middleware is given. */
  staticDir?: string;
  /** Dev mode: a Vite middleware that serves the renderer with hot reload. */
  devMiddleware?: (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  transformHtml?: (url: string, html: string) => Promise<string>;
  port?: number;
}

/**
 * The loopback transport: the same contract the preload exposes, served over HTTP on
 * 127.0.0.1 so the real UI runs in a browser where Electron cannot. Only the page it serves
 * can call it: the per-run token is embedded in that page, requests must carry it in a header
 * (which a foreign page cannot add without a CORS preflight we never grant), and foreign Origin
 * or Host headers are refused.
 */
export async function startHarness(options: HarnessOptions) {
  const token = randomBytes(32).toString('hex');
  const tokenBuf = Buffer.from(token);
  let origins: Set<string> = new Set();
  let hosts: Set<string> = new Set();

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      console.error('otklik harness:', error);
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!hosts.has(req.headers.host ?? '')) return send(res, 421, { error: 'host' });
    const url = req.url ?? '/';
    if (url.startsWith(HTTP_CALL_PREFIX)) {
      return handleApi(req, res, url.slice(HTTP_CALL_PREFIX.length));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method' });
    if (options.devMiddleware) {
      const path = url.split('?')[0]!;
      if (path === '/' || path === '/kiosk' || path.endsWith('.html'))
        return serveDevHtml(res, url);
      return options.devMiddleware(req, res, () => send(res, 404, { error: 'not found' }));
    }
    const file = options.staticDir ? await readStatic(options.staticDir, url) : null;
    if (!file) return send(res, 404, { error: 'not found' });
    const body = file.isHtml ? Buffer.from(withToken(file.body.toString('utf8'))) : file.body;
    res.writeHead(200, {
      'content-type': file.type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...(file.isHtml ? { 'content-security-policy': CONTENT_SECURITY_POLICY } : {}),
    });
    res.end(body);
  }

  async function serveDevHtml(res: ServerResponse, url: string) {
    const { readFile } = await import('node:fs/promises');
    const page = url.startsWith('/kiosk') ? 'kiosk.html' : 'index.html';
    const raw = await readFile(new URL(`../../src-renderer/${page}`, import.meta.url), 'utf8');
    const html = options.transformHtml ? await options.transformHtml(url, raw) : raw;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(withToken(html));
  }

  function withToken(html: string): string {
    return html.replace('<head>', `<head><meta name="${TOKEN_META}" content="${token}">`);
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string) {
    if (req.method !== 'POST') return send(res, 405, { error: 'method' });
    const origin = req.headers.origin;
    if (origin !== undefined && !origins.has(origin)) return send(res, 403, { error: 'origin' });
    const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''));
    if (given.length !== tokenBuf.length || !timingSafeEqual(given, tokenBuf)) {
      return send(res, 401, { error: 'token' });
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, { error: 'content-type' });
    }
    const body = await readBody(req);
    if (body === null) return send(res, 413, { error: 'too large' });
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body);
    } catch {
      return send(res, 400, { ok: false, error: { code: 'validation', detail: 'json' } });
    }
    const session = req.headers[SESSION_HEADER];
    send(
      res,
      200,
      await options.dispatch(decodeURIComponent(method), input, {
        session: typeof session === 'string' && session ? session : null,
      }),
    );
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
