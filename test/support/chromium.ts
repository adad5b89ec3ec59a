/** Debian's Chromium, started offline-quiet (never `npx playwright install`). */
export const CHROMIUM_PATH = process.env.OPTTRACE_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_LAUNCH = {
  executablePath: CHROMIUM_PATH,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};
