import { createConnection, createServer, type Server } from 'node:net';

/**
 * A loopback TCP proxy that counts the bytes crossing it both ways: what a sync costs on the
 * wire (HTTP headers included), measured the same way for Otklik and for PouchDB
 * (docs/benchmarks.md, «sync»).
 */
export async function wireCounter(targetPort: number) {
  let bytes = 0;
  const server: Server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    client.on('data', (d: Buffer) => {
      bytes += d.length;
    });
    upstream.on('data', (d: Buffer) => {
      bytes += d.length;
    });
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    /** Bytes both ways since the last call. */
    take() {
      const n = bytes;
      bytes = 0;
      return n;
    },
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
