import { describe, expect, it } from 'vitest';
import { resolveAppPath } from '../../../electron/main/app-path';
import { CONTENT_SECURITY_POLICY, isAllowedRequest, isTrustedSender, windowWebPreferences } from '../../../electron/main/security-policy';

describe('window webPreferences', () => {
  const prefs = windowWebPreferences('/x/preload.cjs');
  it('isolates the context and sandboxes the renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
    expect(prefs.sandbox).toBe(true);
  });
  it('gives the page no Node and no webview', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.webviewTag).toBe(false);
  });
  it('leaves webSecurity untouched', () => expect('webSecurity' in prefs).toBe(false));
});

describe('content security policy', () => {
  it('has no unsafe-eval, no inline scripts and no remote origins', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
  });
});

describe('IPC sender check', () => {
  it('trusts only the app origin in the main frame', () => {
    expect(isTrustedSender('app://opttrace/index.html', true)).toBe(true);
    expect(isTrustedSender('app://opttrace/index.html', false)).toBe(false);
    expect(isTrustedSender('https://evil.example/', true)).toBe(false);
    expect(isTrustedSender('file:///etc/passwd', true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });
});

describe('network policy', () => {
  it('lets only the app origin through', () => {
    expect(isAllowedRequest('app://opttrace/assets/x.js')).toBe(true);
    expect(isAllowedRequest('https://example.com/')).toBe(false);
    expect(isAllowedRequest('http://127.0.0.1:1/')).toBe(false);
  });
});

describe('app:// path resolution', () => {
  const root = '/srv/renderer';
  it('serves files under the renderer folder', () => {
    expect(resolveAppPath(root, 'app://opttrace/')).toBe('/srv/renderer/index.html');
    expect(resolveAppPath(root, 'app://opttrace/assets/a.js')).toBe('/srv/renderer/assets/a.js');
  });
  it.each(['app://opttrace/../etc/passwd', 'app://opttrace/%2e%2e/etc/passwd', 'app://opttrace/assets/%2e%2e%2f%2e%2e%2fsecret', 'app://opttrace/a%5c..%5csecret', 'app://opttrace/%00'])(
    'never leaves the renderer folder: %s',
    (url) => {
      const file = resolveAppPath(root, url);
      expect(file === null || file.startsWith(`${root}/`)).toBe(true);
    },
  );
  it.each(['app://opttrace/assets/%2e%2e%2f%2e%2e%2fsecret', 'app://opttrace/a%5c..%5csecret', 'app://opttrace/%00'])(
    'refuses encoded separators and NUL: %s',
    (url) => expect(resolveAppPath(root, url)).toBeNull(),
  );
});
