import { METHODS } from '../../shared/ipc/channels';
import { expect, ORIGIN, test } from '../support/web-harness';

test('renders app info and the workspace summary through the real backend', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('app-info')).toContainText('mobileconnect-2025');
  await expect(page.getByTestId('app-info')).toContainText('web-harness');
  await expect(page.getByTestId('workspace-counts')).toBeVisible();
  await app.screenshot('foundation');
});

test('the bridge exposes exactly the contract and the page has no Node', async ({ app }) => {
  const globals = await app.page.evaluate(() => ({
    keys: Object.keys((window as unknown as { opttrace: object }).opttrace).sort(),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(globals.keys).toEqual([...METHODS, 'on'].sort());
  expect(globals.require).toBe('undefined');
  expect(globals.process).toBe('undefined');
});

test('a bad payload is refused with invalid-request and changes nothing', async ({ app }) => {
  const result = await app.page.evaluate(() =>
    (window as unknown as { opttrace: Record<string, (r: unknown) => Promise<unknown>> }).opttrace['workspace.summary']!({ evil: 1 }),
  );
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
});

test('CSP blocks inline script and eval, and the page makes no request outside its own origin', async ({ app }) => {
  const policy = (await app.page.request.get(`${ORIGIN}/index.html`).catch(() => null))?.headers()['content-security-policy'];
  const meta = await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const csp of [meta ?? '', policy ?? meta ?? '']) {
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  }
  // Code evaluated by the test driver is exempt from CSP, so prove it with a script the page itself adds.
  const outcome = await app.page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
        const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = eval("1 + 1")';
        document.body.append(s);
        setTimeout(() => resolve((window as unknown as { __inlineRan?: number }).__inlineRan ? 'ran' : 'silent'), 500);
      }),
  );
  expect(outcome).toMatch(/^script-src/);
  const fetched = await app.page.evaluate(async () => {
    try {
      await window.fetch('https://example.com/');
      return 'reached';
    } catch {
      return 'blocked';
    }
  });
  expect(fetched).toBe('blocked');
  // CSP (connect-src 'none') stops it before any request is made.
  expect(app.requests.filter((u) => !u.startsWith(ORIGIN))).toEqual([]);
});
