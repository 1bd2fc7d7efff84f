import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { cspMeta } from './scripts/vite-csp-plugin';

/**
 * electron-vite builds the three Electron targets: the main process (shell + core), the
 * sandboxed preload (CommonJS, as sandboxed preloads must be) and the renderer.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: { index: resolve('src-main/shell/main.ts') },
        external: ['better-sqlite3'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src-main/shell/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    plugins: [react(), cspMeta()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: {
        input: {
          index: resolve('src-renderer/index.html'),
          kiosk: resolve('src-renderer/kiosk.html'),
        },
      },
    },
  },
});
