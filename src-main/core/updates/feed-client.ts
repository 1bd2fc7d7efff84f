import { createHash } from 'node:crypto';
import {
  createReadStream,
  existsSync,
  mkdirSync,
  openSync,
  closeSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import {
  FEED_FILE,
  parseFeedYaml,
  RELEASE_FILE,
  type FeedInfo,
  type Platform,
} from '../../../src-shared/updates/feed';
import type { Credentials } from '../sync/credentials';
import type { UpdatePort } from './service';

/** A feed is a few hundred bytes; more than this is not a feed, and is not read into memory. */
const FEED_LIMIT = 64 * 1024;

async function capped(r: Response, limit: number): Promise<string> {
  if (Number(r.headers.get('content-length') ?? 0) > limit) throw new Error('feed too large');
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of (r.body ?? []) as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > limit) throw new Error('feed too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The central's update feed read under plain Node: what electron-updater's generic provider
 * does — GET <central>/updates/<platform>/latest(-linux).yml with the desk's key, then the
 * installer, resumed with a byte range after a break, its size and SHA-512 checked before it
 * counts as downloaded — for browser mode and the tests (which prove the central's feed with
 * it). It cannot install: a browser-mode desk is updated by its checkout.
 */
export function createFeedClient(o: {
  credentials: () => Credentials | null;
  platform: Platform;
  dir: string;
  fetch?: typeof fetch;
}): UpdatePort & { downloaded(info: FeedInfo): string | null } {
  const http = o.fetch ?? fetch;
  const auth = () => {
    const c = o.credentials();
    return c
      ? { base: `${c.serverUrl.replace(/\/$/, '')}/updates/${o.platform}/`, token: c.token }
      : null;
  };
  const target = (info: FeedInfo) => {
    const file = info.files[0]!;
    if (!RELEASE_FILE.test(file.url)) throw new Error('Неверное имя файла обновления.');
    return { file, path: join(o.dir, info.version, file.url) };
  };
  const sha512Of = (path: string) =>
    new Promise<string>((resolve, reject) => {
      const h = createHash('sha512');
      createReadStream(path)
        .on('data', (d) => h.update(d))
        .on('end', () => resolve(h.digest('base64')))
        .on('error', reject);
    });

  return {
    async check() {
      const a = auth();
      if (!a) return null;
      const r = await http(a.base + FEED_FILE[o.platform], {
        headers: { authorization: `Bearer ${a.token}` },
        signal: AbortSignal.timeout(30_000),
      });
      if (r.status === 404) return null;
      if (!r.ok) throw new Error(`Сервер обновлений ответил ${r.status}.`);
      return parseFeedYaml(await capped(r, FEED_LIMIT));
    },
    async download(info, progress) {
      const a = auth();
      if (!a) throw new Error('Рабочее место не подключено к центральному серверу.');
      const { file, path } = target(info);
      if (
        existsSync(path) &&
        statSync(path).size === file.size &&
        (await sha512Of(path)) === file.sha512
      ) {
        progress(1);
        return;
      }
      mkdirSync(join(o.dir, info.version), { recursive: true });
      const part = `${path}.part`;
      let have = existsSync(part) ? statSync(part).size : 0;
      if (have > file.size) {
        rmSync(part);
        have = 0;
      }
      if (have < file.size) {
        const r = await http(a.base + encodeURIComponent(file.url), {
          headers: {
            authorization: `Bearer ${a.token}`,
            ...(have > 0 ? { range: `bytes=${have}-` } : {}),
          },
          // A slow regional link: 150 MB at 30 KB/s; a broken download resumes at the next check.
          signal: AbortSignal.timeout(2 * 60 * 60_000),
        });
        if (!r.ok || !r.body) throw new Error(`Сервер обновлений ответил ${r.status}.`);
        if (r.status !== 206) have = 0; // the whole file came: start over
        const fd = openSync(part, have > 0 ? 'a' : 'w');
        try {
          for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) {
            if (have + chunk.length > file.size)
              throw new Error('Файл обновления больше заявленного.');
            writeSync(fd, chunk);
            have += chunk.length;
            progress(have / file.size);
          }
        } finally {
          closeSync(fd);
        }
      }
      if (statSync(part).size !== file.size || (await sha512Of(part)) !== file.sha512) {
        rmSync(part, { force: true });
        throw new Error(
          'Файл обновления поврежден (контрольная сумма не совпала): он будет загружен заново.',
        );
      }
      renameSync(part, path);
      progress(1);
    },
    install: () => false,
    downloaded(info) {
      const { path } = target(info);
      return existsSync(path) ? path : null;
    },
  };
}
