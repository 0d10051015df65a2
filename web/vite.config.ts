import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// Builds the single-page app in web/ into dist/web; the server (src/server) serves it with SPA fallback.
// JSX is compiled for Preact by Vite's built-in Oxc transform (no plugin needed).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npx vite --config web/vite.config.ts` during development: forward the API to a running `bijak serve`.
    proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' },
  },
});
