import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CONTENT_SECURITY_POLICY } from '../src-shared/security/csp';
import { CONSOLE_DIR } from './paths';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/** The console's pages: the renderer's own policy (scripts of its origin only, no frames). */
const CSP = CONTENT_SECURITY_POLICY;

function secure(reply: FastifyReply) {
  return reply
    .header('content-security-policy', CSP)
    .header('x-content-type-options', 'nosniff')
    .header('x-frame-options', 'DENY')
    .header('referrer-policy', 'no-referrer');
}

/**
 * The console (src-renderer/console, built by `npm run build:console` into out/console) served
 * by the central's own process at /console/: its files, and its page for every other address
 * under it (the console routes in the browser). Nothing outside the folder is ever read.
 */
export function serveConsole(app: FastifyInstance, dir = CONSOLE_DIR) {
  const root = resolve(dir);
  const page = () => resolve(root, 'console.html');
  app.get('/', async (_req, reply) => reply.redirect('/console/'));
  app.get('/console', async (_req, reply) => reply.redirect('/console/'));
  app.get('/console/*', async (req, reply) => {
    // Fastify has decoded the address already; anything that leaves the folder gets the page.
    const rel = (req.params as { '*': string })['*'] ?? '';
    let file = resolve(root, rel);
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      file = page();
    }
    if (!existsSync(file)) {
      return secure(reply)
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('Консоль не собрана: выполните npm run build:console и перезапустите сервер.');
    }
    const hashed = /[/\\]assets[/\\]/.test(file);
    return secure(reply)
      .type(TYPES[extname(file)] ?? 'application/octet-stream')
      .header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-store')
      .send(readFileSync(file));
  });
}
