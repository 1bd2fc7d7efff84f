import { resolve } from 'node:path';
import { createCore } from '../core/index';
import { appVersion, repoRoot } from './paths';
import { startHarness, type HarnessOptions } from './server';

export interface BrowserModeOptions {
  dataDir: string;
  port: number;
  /** Serve the renderer through Vite with hot reload instead of the build in out/web. */
  dev: boolean;
}

/** The real core under Node plus the renderer, on 127.0.0.1: what `npm run dev:web` starts. */
export async function startBrowserMode(options: BrowserModeOptions) {
  const core = createCore({
    dataDir: options.dataDir,
    resourcesDir: resolve(repoRoot, 'resources'),
    version: appVersion(),
    backgroundSync: true,
    backgroundBackup: true,
  });
  const harness: HarnessOptions = {
    dispatch: core.call,
    staticDir: resolve(repoRoot, 'out/web'),
    port: options.port,
  };
  let closeVite = async () => {};
  if (options.dev) {
    const { createServer } = await import('vite');
    const vite = await createServer({
      configFile: resolve(repoRoot, 'vite.web.config.ts'),
      // Hot reload talks over its own WebSocket on the next port, on loopback too (none when the
      // harness takes a random port, as tests do).
      server: {
        middlewareMode: true,
        hmr: options.port ? { host: '127.0.0.1', port: options.port + 1 } : false,
      },
      appType: 'custom',
      logLevel: 'warn',
    });
    harness.devMiddleware = vite.middlewares;
    harness.transformHtml = (url, html) => vite.transformIndexHtml(url, html);
    closeVite = () => vite.close();
  }
  const server = await startHarness(harness);
  return {
    ...server,
    core,
    async close() {
      await server.close();
      await closeVite();
      core.close();
    },
  };
}
