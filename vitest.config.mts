import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// Two projects: `node` for shared/, the backend and the CLI; `jsdom` for renderer components.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          globalSetup: ['test/support/parse-worker-setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['test/components/**/*.test.tsx'],
        },
      },
    ],
  },
});
