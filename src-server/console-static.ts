import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { OnlinePage } from '../src-shared/surveys/online';
import { CONTENT_SECURITY_POLICY, ONLINE_SURVEY_POLICY } from '../src-shared/security/csp';
import { ONLINE_SLUG } from '../src-shared/surveys/online';
import { CONSOLE_DIR, ONLINE_DIR } from './paths';

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

/** Escapes text for HTML; JSON for a <script type="application/json"> block. */
const escHtml = (v: string) =>
  v.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
const jsonInHtml = (v: unknown) =>
  JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

type Render = (slug: string, page: OnlinePage | null) => string;

/**
 * The visitors' page of online surveys (src-renderer/online, built by `npm run build:online`
 * into out/online) at /s/<slug>, its files at /s/assets/. The page comes rendered (the first
 * question is in the first response: a phone on «Slow 4G» sees it before any script arrives),
 * its stylesheet inlined and the survey's data beside it for hydration; everything gzipped for
 * browsers that take it. Logged by nobody (`logLevel: silent`: no address, user agent or time of
 * a visitor is written), and embeddable in a frame on the body's own site.
 */
export function serveOnline(
  app: FastifyInstance,
  page: (slug: string) => Promise<OnlinePage | null>,
  dir = ONLINE_DIR,
) {
  const root = resolve(dir);
  const assets = resolve(root, 'assets');
  // The build's few files, read and compressed once (hashed names: they never change).
  const files = new Map<string, { raw: Buffer; gz: Buffer }>();
  let render: Promise<Render | null> | null = null;
  const renderer = () =>
    (render ??= import(pathToFileURL(resolve(root, 'ssr/render.js')).href).then(
      (m: { renderOnline: Render }) => m.renderOnline,
      () => null, // not built: the page asks for its data itself
    ));
  let shell: { html: string; css: string | null } | null = null;
  const template = () => {
    if (shell) return shell;
    const html = readFileSync(resolve(root, 'online.html'), 'utf8');
    const link = /<link rel="stylesheet"[^>]*href="\/s\/assets\/([^"]+\.css)"[^>]*>/.exec(html);
    shell = {
      html,
      css: link ? readFileSync(resolve(assets, link[1]!), 'utf8') : null,
    };
    return shell;
  };
  const send = (
    req: FastifyRequest,
    reply: FastifyReply,
    body: { raw: Buffer; gz: () => Buffer },
    type: string,
    hashed: boolean,
  ) => {
    reply
      .header('content-security-policy', ONLINE_SURVEY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-store')
      .header('vary', 'accept-encoding')
      .type(type);
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && body.raw.length > 1024) {
      return reply.header('content-encoding', 'gzip').send(body.gz());
    }
    return reply.send(body.raw);
  };
  app.get('/s/assets/*', { logLevel: 'silent' }, async (req, reply) => {
    const rel = (req.params as { '*': string })['*'] ?? '';
    const file = resolve(assets, rel);
    if (!file.startsWith(assets + sep) || !existsSync(file) || !statSync(file).isFile()) {
      return reply.status(404).type('text/plain; charset=utf-8').send('Нет такого файла.');
    }
    let cached = files.get(file);
    if (!cached) {
      const raw = readFileSync(file);
      cached = { raw, gz: gzipSync(raw, { level: 9 }) };
      files.set(file, cached);
    }
    const { raw, gz } = cached;
    return send(
      req,
      reply,
      { raw, gz: () => gz },
      TYPES[extname(file)] ?? 'application/octet-stream',
      true,
    );
  });
  app.get('/s/:slug', { logLevel: 'silent' }, async (req, reply) => {
    const { slug } = req.params as { slug: string };
    if (!ONLINE_SLUG.test(slug)) {
      return reply
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('Такой анкеты нет: проверьте адрес.');
    }
    if (!existsSync(resolve(root, 'online.html'))) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('Страница анкет не собрана: выполните npm run build:online и перезапустите сервер.');
    }
    const { html, css } = template();
    const render = await renderer();
    let out = html;
    if (render) {
      const data = await page(slug);
      const title = data ? (data.definition?.title ?? data.title) : 'Анкета не найдена';
      out = out
        .replace(/<title>[^<]*<\/title>/, () => `<title>${escHtml(title)}</title>`)
        .replace(
          '<div id="root"></div>',
          // A function, not a string: `$&` in a questionnaire's text must stay text.
          () =>
            `<div id="root">${render(slug, data)}</div>` +
            `<script type="application/json" id="online-page">${jsonInHtml(data)}</script>`,
        );
      if (css)
        out = out.replace(/<link rel="stylesheet"[^>]*\.css"[^>]*>/, () => `<style>${css}</style>`);
    }
    // Each page is drawn for its survey: compressed per request, at the default level.
    const raw = Buffer.from(out);
    return send(req, reply, { raw, gz: () => gzipSync(raw) }, TYPES['.html']!, false);
  });
}
