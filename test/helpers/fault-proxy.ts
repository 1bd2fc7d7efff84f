import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'pass' | 'drop' | 'delay' | 'duplicate' | 'cut' | '5xx' | 'reorder' | 'restart';

/** A small seeded PRNG (mulberry32): the same seed, the same faults, a run can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WEIGHTS: [Fault, number][] = [
  ['pass', 40],
  ['drop', 9],
  ['delay', 10],
  ['duplicate', 9],
  ['cut', 12],
  ['5xx', 8],
  ['reorder', 7],
  ['restart', 5],
];

/** Headers of one connection, not of the message (RFC 9110 §7.6.1), and the body's length. */
const HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'content-length',
]);

interface Captured {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * An HTTP proxy between a desk and the central server that misbehaves on purpose: it drops
 * requests, delays them, sends them twice, cuts the response after the server committed,
 * answers 503, replays an old request later (reordering), or restarts the server.
 */
export async function startFaultProxy(options: {
  target: () => string;
  random: () => number;
  restart: () => Promise<void>;
}) {
  let enabled = false;
  const held: Captured[] = [];
  const counts: Record<Fault, number> = {
    pass: 0,
    drop: 0,
    delay: 0,
    duplicate: 0,
    cut: 0,
    '5xx': 0,
    reorder: 0,
    restart: 0,
  };

  function pick(): Fault {
    const total = WEIGHTS.reduce((s, [, w]) => s + w, 0);
    let x = options.random() * total;
    for (const [f, w] of WEIGHTS) if ((x -= w) < 0) return f;
    return 'pass';
  }

  function forward(
    c: Captured,
  ): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
    const url = new URL(c.path, options.target());
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        url,
        { method: c.method, headers: { ...c.headers, host: url.host } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(c.body);
    });
  }

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      const captured: Captured = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: Object.fromEntries(
          Object.entries(req.headers).filter(
            ([k, v]) => typeof v === 'string' && k !== 'host' && k !== 'connection',
          ),
        ) as Record<string, string>,
        body: Buffer.concat(chunks),
      };
      handle(captured).then(
        (answer) => {
          if (answer === null) return res.destroy();
          // The central's headers as a real proxy passes them (content and accepted codings
          // among them), less those of the hop itself.
          const headers = Object.fromEntries(
            Object.entries(answer.headers).filter(
              ([k, v]) => v !== undefined && !HOP_HEADERS.has(k.toLowerCase()),
            ),
          ) as Record<string, string | string[]>;
          res.writeHead(answer.status, { 'content-type': 'application/json', ...headers });
          res.end(answer.body);
        },
        () => res.destroy(),
      );
    });
  });

  async function handle(c: Captured) {
    if (!enabled) return forward(c);
    const fault = pick();
    counts[fault] += 1;
    // A request held back earlier arrives now, late and out of order.
    const late = held.splice(0);
    for (const old of late) await forward(old).catch(() => undefined);
    switch (fault) {
      case 'pass':
        return forward(c);
      case 'drop':
        return null;
      case 'delay':
        await new Promise((r) => setTimeout(r, Math.floor(options.random() * 40)));
        return forward(c);
      case 'duplicate':
        await forward(c);
        return forward(c);
      case 'cut':
        await forward(c);
        return null;
      case '5xx':
        return {
          status: 503,
          headers: {},
          body: Buffer.from('{"error":"unavailable","message":"Сервер перегружен"}'),
        };
      case 'reorder':
        held.push(c);
        return null;
      case 'restart':
        await options.restart();
        return null;
    }
  }

  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    setFaults(on: boolean) {
      enabled = on;
    },
    /** Delivers what is still held back, as a network would eventually. */
    async flush() {
      for (const old of held.splice(0)) await forward(old).catch(() => undefined);
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
