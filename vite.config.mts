import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built to static files served from app://opttrace/ (and from the test harness).
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
    modulePreload: { polyfill: false },
  },
});
