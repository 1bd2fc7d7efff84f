import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

/** The built server (`npm run build:server`), run as production runs it: node, no loader. */
export const BUILT_SERVER = resolve(ROOT, 'dist-server/main.js');
const entry = (built: boolean) =>
  built ? [BUILT_SERVER] : ['--import', 'tsx', 'src-server/main.ts'];

/** `npm run server -- …` as a real process (node + tsx, as the npm script runs it). */
export function serverCli(env: NodeJS.ProcessEnv, ...args: string[]): string {
  return runServerCli(false, env, args);
}

/** The same command line on the built server (`node dist-server/main.js …`). */
export function builtServerCli(env: NodeJS.ProcessEnv, ...args: string[]): string {
  return runServerCli(true, env, args);
}

function runServerCli(built: boolean, env: NodeJS.ProcessEnv, args: string[]): string {
  return execFileSync(process.execPath, [...entry(built), ...args], {
    cwd: built ? resolve(ROOT, 'dist-server') : ROOT,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
}

/**
 * Starts the central server as its own process on a free loopback port; resolves its URL.
 * For profiling (docs/benchmarks.md): OTKLIK_PROF=DIR writes the server's CPU profile there,
 * OTKLIK_SERVER_ECHO=1 copies its log lines to stderr, OTKLIK_SERVER_LOG_LEVEL=info logs each
 * request with its time (LOG_LEVEL is warn otherwise).
 */
export async function spawnServer(
  env: NodeJS.ProcessEnv,
  { built = false }: { built?: boolean } = {},
): Promise<{ url: string; child: ChildProcess; output(): string; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      ...(process.env.OTKLIK_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.OTKLIK_PROF] : []),
      ...entry(built),
    ],
    {
      cwd: built ? resolve(ROOT, 'dist-server') : ROOT,
      env: {
        ...process.env,
        OTKLIK_SERVER_PORT: '0',
        LOG_LEVEL: process.env.OTKLIK_SERVER_LOG_LEVEL ?? 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let errors = '';
  child.stderr!.on('data', (d: Buffer) => (errors += d.toString()));
  if (process.env.OTKLIK_SERVER_ECHO)
    child.stdout!.on('data', (d: Buffer) => process.stderr.write(d));
  let out = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${errors}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (http\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${errors}`)));
  });
  return {
    url,
    child,
    /** What the server wrote to standard output so far (its log). */
    output: () => out,
    stop: () =>
      new Promise((r) => {
        if (child.exitCode !== null) return r();
        child.once('exit', () => r());
        child.kill('SIGTERM');
      }),
  };
}
