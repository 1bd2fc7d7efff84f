import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspMeta } from './scripts/vite-csp-plugin';

/** The central's web console (src-renderer/console), served by the central at /console/. */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: '/console/',
  plugins: [react(), cspMeta()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/console'),
    emptyOutDir: true,
    rollupOptions: {
      input: { console: resolve(import.meta.dirname, 'src-renderer/console.html') },
    },
  },
});
