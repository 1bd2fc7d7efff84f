import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { createGunzip, gzip } from 'node:zlib';
import { MIN_COMPRESSED_BYTES } from '../src-shared/sync/protocol';
import { HttpError } from './domain/errors';

/**
 * gzip on the sync routes (docs/sync.md «Compression»): regional links are slow, and a page of
 * cards is JSON that shrinks several times. Negotiated per request, so desks and centrals of
 * any version keep talking: a response is compressed only for a client that says it accepts
 * gzip, and a request body only by a desk that was told the route takes it (RFC 7694: these
 * routes answer with `Accept-Encoding: gzip`).
 */

const gzipAsync = promisify(gzip);

/**
 * The request body as its JSON bytes: gunzipped when it came compressed. The body limit counts
 * the bytes after decompression (Fastify's reader, fed by this stream), so a small
 * "gzip bomb" stops at the same limit as a plain body.
 */
export function decodedBody(request: FastifyRequest, payload: Readable): Readable {
  const encoding = contentCoding(request);
  if (encoding === null) return payload;
  if (encoding !== 'gzip') {
    throw new HttpError(
      415,
      'unsupported_encoding',
      'Сжатие запроса не поддерживается: ожидается gzip или без сжатия.',
    );
  }
  const gunzip = createGunzip() as ReturnType<typeof createGunzip> & {
    receivedEncodedLength: number;
  };
  // What came over the wire: Fastify checks it against Content-Length.
  gunzip.receivedEncodedLength = 0;
  payload.on('data', (chunk: Buffer) => {
    gunzip.receivedEncodedLength += chunk.length;
  });
  payload.on('error', (e) => gunzip.destroy(e));
  return payload.pipe(gunzip);
}

/** Routes that do not take compressed bodies say so, rather than failing to read JSON. */
export function refuseCoded(request: FastifyRequest, payload: Readable): Readable {
  if (contentCoding(request) === null) return payload;
  throw new HttpError(415, 'unsupported_encoding', 'Этот адрес принимает запросы без сжатия.');
}

/** The request body's coding, lower case; null for none (absent, empty or identity). */
function contentCoding(request: FastifyRequest): string | null {
  const coding = (request.headers['content-encoding'] ?? '').trim().toLowerCase();
  return coding === '' || coding === 'identity' ? null : coding;
}

/** Whether an Accept-Encoding header admits gzip (not with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** The reply's body, gzipped when the client accepts it and it is worth it (onSend hook). */
export async function encodedReply(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  reply.header('accept-encoding', 'gzip');
  reply.header('vary', 'accept-encoding');
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  if (Buffer.byteLength(payload) < MIN_COMPRESSED_BYTES) return payload;
  if (!acceptsGzip(request.headers['accept-encoding'])) return payload;
  if (reply.hasHeader('content-encoding')) return payload;
  reply.header('content-encoding', 'gzip');
  reply.removeHeader('content-length');
  // Level 1: on a fast link the CPU matters more than the last few per cent.
  return gzipAsync(payload, { level: 1 });
}
