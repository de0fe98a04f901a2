import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/** Migrations are read from disk at run time; ship them next to the main bundle. */
const copyMigrations = {
  name: 'copy-migrations',
  closeBundle(): void {
    cpSync(resolve(__dirname, 'src-main/db/migrations'), resolve(__dirname, 'out/main/migrations'), { recursive: true });
  },
};

export default defineConfig({
  main: {
    plugins: [copyMigrations],
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          main: resolve(__dirname, 'src-main/desktop/main.ts'),
          'planner-worker': resolve(__dirname, 'src-main/workers/planner-worker.ts'),
          'lp-worker': resolve(__dirname, 'src-main/workers/lp-worker.ts'),
          'read-worker': resolve(__dirname, 'src-main/workers/read-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { preload: resolve(__dirname, 'src-main/desktop/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src-renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rolldownOptions: { input: resolve(__dirname, 'src-renderer/index.html') },
    },
  },
});
