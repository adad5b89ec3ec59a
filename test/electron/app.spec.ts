/**
 * The real Electron app through Playwright's _electron. Runs wherever an Electron binary exists;
 * elsewhere every test is skipped with the reason printed.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { join } from 'node:path';
import { METHODS } from '../../shared/ipc/channels';
import { findElectronBinary } from '../../scripts/electron-binary.cjs';

const ROOT = join(__dirname, '..', '..');
const binary = findElectronBinary(ROOT);
const skipReason = 'reason' in binary ? `skipped: Electron binary not available (${binary.reason})` : '';
if (skipReason) console.log(skipReason);

test.describe('electron app', () => {
  test.skip(!!skipReason, skipReason);
  let app: ElectronApplication;
  let page: Page;

  test.beforeAll(async () => {
    if (!('path' in binary)) return;
    app = await electron.launch({ executablePath: binary.path, args: [ROOT, '--no-sandbox'], env: { ...process.env, OPTTRACE_TEST: '1' } });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });
  test.afterAll(async () => app?.close());

  test('window has the secure webPreferences', async () => {
    // getLastWebPreferences exists at run time but is missing from Electron's typings.
    const prefs = await app.evaluate(({ BrowserWindow }) =>
      (BrowserWindow.getAllWindows()[0]!.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences(),
    );
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(prefs?.webSecurity).not.toBe(false);
  });

  test('the exposed api has exactly the contract keys; no require/process in the page', async () => {
    const seen = await page.evaluate(() => ({
      keys: Object.keys((window as unknown as { opttrace: object }).opttrace).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      url: location.href,
    }));
    expect(seen.keys).toEqual([...METHODS, 'on'].sort());
    expect(seen.require).toBe('undefined');
    expect(seen.process).toBe('undefined');
    expect(seen.url).toBe('app://opttrace/index.html');
  });

  test('window.open and navigation are blocked', async () => {
    const opened = await page.evaluate(() => window.open('https://example.com') === null);
    expect(opened).toBe(true);
    await page.evaluate(() => (location.href = 'https://example.com'));
    await page.waitForTimeout(300);
    expect(page.url()).toBe('app://opttrace/index.html');
  });
});
