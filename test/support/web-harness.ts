/**
 * The renderer test harness: serves the built renderer to Chromium and installs the same
 * `window.opttrace` the preload builds, bridged (page.exposeBinding) to the real backend running in
 * this process through the same `dispatch` Electron uses. Only the Electron glue differs.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_CHANNELS, METHODS } from '../../shared/ipc/channels';
import { BRIDGE_GLOBAL } from '../../shared/ipc/contract';
import { fail } from '../../shared/ipc/result';
import { Backend } from '../../electron/backend/backend';
import { dispatch } from '../../electron/backend/dispatch';
import { createHandlers } from '../../electron/backend/handlers';
import type { FileDialogs } from '../../electron/backend/host';
import { mimeType, resolveAppPath } from '../../electron/main/app-path';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security-policy';

export const ROOT = join(__dirname, '..', '..');
export const ORIGIN = 'http://opttrace.test';
const RENDERER_DIR = join(ROOT, 'dist', 'renderer');
const SCREENS = join(ROOT, 'test-results', 'screens');

/** Answers the backend's file dialogs in place of a user: queue the paths the next dialogs return. */
export class ScriptedDialogs implements FileDialogs {
  private readonly opens: (string[] | null)[] = [];
  private readonly saves: (string | null)[] = [];
  queueOpen(paths: string[] | null): void {
    this.opens.push(paths);
  }
  queueSave(path: string | null): void {
    this.saves.push(path);
  }
  async openFiles(): Promise<string[] | null> {
    return this.opens.shift() ?? null;
  }
  async saveFile(): Promise<string | null> {
    return this.saves.shift() ?? null;
  }
}

export interface Harness {
  readonly page: Page;
  readonly dialogs: ScriptedDialogs;
  readonly backend: Backend;
  /** Every URL the page requested (the app must stay on its own origin). */
  readonly requests: string[];
  screenshot(view: string): Promise<void>;
}

async function install(page: Page): Promise<Harness> {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const dialogs = new ScriptedDialogs();
  const backend = await Backend.create({
    dialogs,
    name: 'web-harness',
    version: JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version,
    assetsDir: join(ROOT, 'assets'),
    emit: (event, payload) => {
      page.evaluate(([e, p]) => (window as unknown as { __opttracePush?: (e: string, p: string) => void }).__opttracePush?.(e, p), [event, JSON.stringify(payload)] as const).catch(() => undefined);
    },
  });
  const handlers = createHandlers(backend);

  await page.route('**/*', async (route) => {
    const url = route.request().url();
    const file = url.startsWith(`${ORIGIN}/`) ? resolveAppPath(RENDERER_DIR, url) : null;
    if (!file) return route.abort('blockedbyclient');
    try {
      await route.fulfill({ body: readFileSync(file), headers: { 'content-type': mimeType(file), 'content-security-policy': CONTENT_SECURITY_POLICY } });
    } catch {
      await route.fulfill({ status: 404, body: 'Not found' });
    }
  });
  // JSON strings across the binding: ~10x faster than structured objects for large results.
  await page.exposeBinding('__opttraceInvoke', async (source, method: string, json: string) => {
    if (source.frame !== page.mainFrame()) return JSON.stringify(fail('forbidden-sender', `${method}: refused a call from a subframe`));
    return JSON.stringify(await dispatch(handlers, method, JSON.parse(json)));
  });
  await page.addInitScript(
    ({ methods, events, global }) => {
      type Listener = (payload: unknown) => void;
      const w = window as unknown as Record<string, unknown> & { __opttraceInvoke: (m: string, j: string) => Promise<string> };
      const invoke = w.__opttraceInvoke;
      const listeners = new Map<string, Set<Listener>>();
      const api: Record<string, unknown> = {};
      for (const method of methods) api[method] = async (request: unknown) => JSON.parse(await invoke(method, JSON.stringify(request ?? {})));
      api.on = (event: string, listener: Listener) => {
        if (!events.includes(event)) throw new Error(`unknown event ${event}`);
        const set = listeners.get(event) ?? new Set<Listener>();
        listeners.set(event, set.add(listener));
        return () => void set.delete(listener);
      };
      Object.defineProperty(window, '__opttracePush', {
        value: (event: string, json: string) => listeners.get(event)?.forEach((l) => l(JSON.parse(json))),
      });
      Object.defineProperty(window, global, { value: Object.freeze(api) });
    },
    { methods: METHODS as string[], events: Object.keys(EVENT_CHANNELS), global: BRIDGE_GLOBAL },
  );

  return {
    page,
    dialogs,
    backend,
    requests,
    async screenshot(view: string) {
      mkdirSync(SCREENS, { recursive: true });
      await page.screenshot({ path: join(SCREENS, `${view}.png`), fullPage: false });
    },
  };
}

export const test = base.extend<{ app: Harness }>({
  app: async ({ page }, use) => {
    const harness = await install(page);
    await page.goto(`${ORIGIN}/index.html`);
    await use(harness);
  },
});

export { expect };
