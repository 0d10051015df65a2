import { defineConfig } from 'vite';

// PLACEHOLDER owned by the web front-end work: builds web/ into dist/web, served by the server.
export default defineConfig({
  root: __dirname,
  build: { outDir: '../dist/web', emptyOutDir: true },
});
