import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRepo = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: fromRepo('./src/web'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: fromRepo('./dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
  },
});
