import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBrowserMode } from './browser-mode';

/**
 * `npm run dev:web`: Otklik in a browser, for machines where Electron's binary cannot run.
 * `--dev` serves the renderer through Vite with hot reload; without it the built renderer in
 * out/web is served (that is what the E2E tests use).
 */
const { values } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    port: { type: 'string', default: '5177' },
    data: { type: 'string' },
  },
});

const dataDir = resolve(values.data ?? process.env.OTKLIK_DATA_DIR ?? '.otklik-data');
const app = await startBrowserMode({ dataDir, port: Number(values.port), dev: values.dev });
console.log(`Otklik (browser mode) at ${app.url}  data: ${dataDir}`);

const stop = async () => {
  await app.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
