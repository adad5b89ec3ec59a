import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './test/support/chromium';

// `web`: the built renderer in Debian's Chromium, bridged to the real backend in this Node process.
// `electron`: the packaged-style app through Playwright's _electron (skipped where no binary exists).
export default defineConfig({
  outputDir: 'test-results/playwright',
  globalSetup: './test/support/playwright-setup.ts',
  reporter: [['list']],
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  projects: [
    { name: 'web', testDir: 'test/web', use: { browserName: 'chromium', launchOptions: CHROMIUM_LAUNCH, viewport: { width: 1400, height: 900 } } },
    { name: 'electron', testDir: 'test/electron' },
  ],
});
