import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../core/index';
import { startHarness } from './server';
import { appVersion, repoRoot } from './paths';

/**
 * `npm run dev:web`: the real core under Node plus the renderer, on 127.0.0.1, for machines
 * where Electron's binary cannot run. `--dev` serves the renderer through Vite with hot reload;
 * without it the built renderer in out/web is served (that is what the E2E tests use).
 */
const { values } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    port: { type: 'string', default: '5177' },
    data: { type: 'string' },
  },
});

const dataDir = resolve(values.data ?? process.env.OTKLIK_DATA_DIR ?? '.otklik-data');
const core = createCore({
  dataDir,
  resourcesDir: resolve(repoRoot, 'resources'),
  version: appVersion(),
});

let devMiddleware;
let transformHtml;
if (values.dev) {
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: resolve(repoRoot, 'vite.web.config.ts'),
    server: { middlewareMode: true },
    appType: 'custom',
  });
  devMiddleware = vite.middlewares;
  transformHtml = (url: string, html: string) => vite.transformIndexHtml(url, html);
}

const harness = await startHarness({
  dispatch: core.dispatch,
  staticDir: resolve(repoRoot, 'out/web'),
  devMiddleware,
  transformHtml,
  port: Number(values.port),
});
console.log(`Otklik (browser mode) at ${harness.url}  data: ${dataDir}`);

const stop = async () => {
  await harness.close();
  core.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
