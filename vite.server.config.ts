import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The central server compiled to plain JavaScript (`npm run build:server`): one ES module,
 * dist-server/main.js, run by `node dist-server/main.js` with no TypeScript loader. Packages
 * stay outside the bundle (they are installed beside it from dist-server/package.json, which
 * scripts/server-dist.ts writes from what the bundle imports); the console and the built-in
 * questionnaires are copied next to it.
 */
export default defineConfig({
  build: {
    ssr: resolve(import.meta.dirname, 'src-server/main.ts'),
    outDir: resolve(import.meta.dirname, 'dist-server'),
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      output: {
        format: 'es',
        entryFileNames: 'main.js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
  ssr: { target: 'node' },
});
