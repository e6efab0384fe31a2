import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three builds: main (Node, owns the database), preload (sandboxed, bundled), renderer (React).
export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        // job-worker: long jobs' worker thread (src/main/jobs/registry.ts finds it next to index.js).
        input: { index: resolve(__dirname, 'src/main/app/main.ts'), 'job-worker': resolve(__dirname, 'src/main/jobs/worker.ts') },
        external: ['better-sqlite3-multiple-ciphers'],
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/app/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
      chunkSizeWarningLimit: 4000,
    },
    plugins: [react()],
  },
});
