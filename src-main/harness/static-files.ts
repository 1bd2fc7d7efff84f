import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
};

/** Reads a built renderer file; unknown paths without an extension fall back to index.html. */
export async function readStatic(
  root: string,
  urlPath: string,
): Promise<{ body: Buffer; type: string; isHtml: boolean } | null> {
  const clean = normalize(decodeURIComponent(urlPath.split('?')[0]!)).replace(/^([/\\])+/, '');
  const file = join(root, clean === '' ? 'index.html' : clean);
  if (!file.startsWith(root + sep) && file !== root) return null;
  const ext = extname(file);
  try {
    const body = await readFile(file);
    return { body, type: TYPES[ext] ?? 'application/octet-stream', isHtml: ext === '.html' };
  } catch {
    if (ext !== '') return null;
    const page = clean.startsWith('kiosk') ? 'kiosk.html' : 'index.html';
    try {
      return { body: await readFile(join(root, page)), type: TYPES['.html']!, isHtml: true };
    } catch {
      return null;
    }
  }
}
