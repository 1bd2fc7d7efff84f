import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The central server compiled to plain JavaScript (`npm run build:server`): dist-server/main.js,
 * run by `node dist-server/main.js` with no TypeScript loader, and topic-worker.js beside it (the
 * topic model build's worker thread; their shared code in chunks/). Packages
 * stay outside the bundle (they are installed beside it from dist-server/package.json, which
 * scripts/server-dist.ts writes from what the bundle imports); the console and the built-in
 * questionnaires are copied next to it.
 */
export default defineConfig({
  build: {
    ssr: true,
    outDir: resolve(import.meta.dirname, 'dist-server'),
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
    minify: false,
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'src-server/main.ts'),
        'topic-worker': resolve(import.meta.dirname, 'src-server/domain/topic-worker.ts'),
      },
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
  ssr: { target: 'node' },
});
