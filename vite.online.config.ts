import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { cspMeta } from './scripts/vite-csp-plugin';

/**
 * The online survey page (src-renderer/online), served by the central at /s/<slug>. A build of
 * its own: what a phone downloads is this page alone (bench `online` measures it), and it is
 * compiled for the older browsers the region's residents have (docs/online-surveys.md).
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: '/s/',
  plugins: [react(), cspMeta()],
  // The server-side render (src-renderer/online/render.tsx, `--ssr`) carries its React and
  // Mantine inside: the central loads it as a file and has no renderer packages of its own.
  ssr: { noExternal: true },
  build: {
    outDir: resolve(import.meta.dirname, 'out/online'),
    emptyOutDir: true,
    target: ['chrome80', 'safari13', 'firefox78', 'edge88'],
    cssTarget: ['chrome80', 'safari13'],
    rollupOptions: {
      input: { online: resolve(import.meta.dirname, 'src-renderer/online.html') },
    },
  },
});
