import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  FEED_FILE,
  feedYaml,
  PLATFORMS,
  releaseFor,
  type Platform,
} from '../../src-shared/updates/feed';
import type { Device } from './spec';
import type { Releases } from '../domain/updates';
import { HttpError } from '../domain/errors';

/**
 * GET /updates/<platform>/<file>: the feed electron-updater's generic provider reads
 * (latest.yml, latest-linux.yml), different for each desk — the newest release its stage
 * offers it — and the installers with their byte ranges (a broken download resumes). Only
 * enrolled desks are served (their bearer key, as for sync); a revoked desk gets nothing.
 */
export function serveUpdates(
  app: FastifyInstance,
  releases: Releases,
  authenticate: (request: FastifyRequest) => Promise<Device>,
) {
  app.get<{ Params: { platform: string; file: string } }>(
    '/updates/:platform/:file',
    async (request, reply) => {
      const platform = request.params.platform as Platform;
      if (!PLATFORMS.includes(platform))
        throw new HttpError(404, 'not_found', 'Неизвестная платформа обновлений.');
      const device = await authenticate(request);
      reply.header('cache-control', 'no-store');
      if (request.params.file === FEED_FILE[platform]) {
        const release = releaseFor(releases.list(), platform, device.id, device.officeCode);
        if (!release)
          throw new HttpError(404, 'no_update', 'Для этого рабочего места обновлений нет.');
        request.log.info({ device: device.id, version: release.version }, 'update feed');
        return reply.type('text/yaml; charset=utf-8').send(feedYaml(release));
      }
      const file = releases.file(platform, request.params.file);
      if (!file) throw new HttpError(404, 'not_found', 'Файл обновления не найден.');
      return sendRange(request, reply, file.path, file.size);
    },
  );
}

/** A file, whole or one byte range of it (RFC 9110 §14); several ranges get the whole file. */
function sendRange(request: FastifyRequest, reply: FastifyReply, path: string, size: number) {
  reply.header('accept-ranges', 'bytes').type('application/octet-stream');
  const header = request.headers.range;
  const range = header && !header.includes(',') ? parseRange(header, size) : null;
  if (range === 'unsatisfiable') {
    return reply.status(416).header('content-range', `bytes */${size}`).send();
  }
  if (!range) {
    reply.header('content-length', size);
    return reply.send(createReadStream(path));
  }
  const [start, end] = range;
  reply
    .status(206)
    .header('content-range', `bytes ${start}-${end}/${size}`)
    .header('content-length', end - start + 1);
  return reply.send(createReadStream(path, { start, end }));
}

/** 'bytes=a-b', 'bytes=a-', 'bytes=-n' → [start, end]; null for a header not understood. */
export function parseRange(
  header: string,
  size: number,
): [number, number] | 'unsatisfiable' | null {
  const m = /^bytes=(\d{0,15})-(\d{0,15})$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (m[2] !== '' && Number(m[2]) < start) return null;
  }
  if (start >= size) return 'unsatisfiable';
  return [start, end];
}
