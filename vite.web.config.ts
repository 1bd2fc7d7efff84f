import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspMeta } from './scripts/vite-csp-plugin';

/** The renderer built for browser mode (loopback harness): same code, served by the harness. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: '/',
  plugins: [react(), cspMeta()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: resolve(import.meta.dirname, 'src-renderer/index.html'),
        kiosk: resolve(import.meta.dirname, 'src-renderer/kiosk.html'),
      },
    },
  },
});
