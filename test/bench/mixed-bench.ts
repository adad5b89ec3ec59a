/**
 * An analyst's workspace through the real contract: a keyword dictionary, a 1M-row log and a 1M-row
 * message tracking extract loaded through `dispatch` and the handlers (as the renderer calls them), then
 * every method the desktop uses. Per call: its time and the main thread's longest event-loop stall.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Backend } from '../../electron/backend/backend';
import { dispatch } from '../../electron/backend/dispatch';
import { createHandlers } from '../../electron/backend/handlers';
import type { FileDialogs } from '../../electron/backend/host';
import { generateKeywordDictionary, generateSubscriptionLog } from '../../electron/backend/demo/big-log';
import { generateMessageTracking } from '../../electron/backend/demo/big-tracking';
import { round, stallMonitor } from './load-bench';

export async function benchMixed(rows: number): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'opttrace-mixed-'));
  const opens: string[][] = [];
  const saves: string[] = [];
  const dialogs: FileDialogs = { openFiles: async () => opens.shift() ?? null, saveFile: async () => saves.shift() ?? null };
  const out: Record<string, number> = {};
  try {
    const files = [join(dir, 'keyword_dictionary.csv'), join(dir, 'sms_subscription_log.csv'), join(dir, 'sms_message_tracking.csv')];
    await generateKeywordDictionary(files[0]!);
    await generateSubscriptionLog(files[1]!, rows);
    await generateMessageTracking(files[2]!, rows);
    const backend = await Backend.create({ name: 'cli', version: 'bench', assetsDir: '', dialogs, emit: () => undefined });
    const handlers = createHandlers(backend);
    /** Calls a method; records `<name>Ms` (or Seconds) and `<name>StallMs`; returns its value. */
    const call = async <T>(name: string, method: string, payload: unknown, seconds = false): Promise<T> => {
      const monitor = stallMonitor();
      const t = performance.now();
      const r = await dispatch(handlers, method, payload);
      const ms = performance.now() - t;
      out[`${name}StallMs`] = Math.round(monitor.stop());
      if (seconds) out[`${name}Seconds`] = round(ms / 1000);
      else out[`${name}Ms`] = round(ms, 1);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as T;
    };
    await call('new', 'workspace.new', {});
    opens.push(files);
    const pick = await call<{ token: string; files: { id: string }[] }>('pick', 'workspace.pickFiles', {});
    // The load's result comes once the verdict table is built too (as the renderer sees it).
    await call('loadAndVerdicts', 'workspace.load', { token: pick.token, files: pick.files.map(({ id }) => ({ id })) }, true);
    const summary = await call<{ counts: { numbers: number } }>('summary', 'workspace.summary', {});
    out.numbers = summary.counts.numbers;
    await call('facets', 'contacts.facets', {});
    const page = await call<{ rows: { mobileNumber: string }[] }>('searchFirstPage', 'contacts.search', { limit: 100 });
    await call('searchFiltered', 'contacts.search', { query: '555', verdict: 'allowed', sort: 'status', limit: 100 });
    const number = page.rows[50]!.mobileNumber;
    await call('explain', 'number.explain', { number });
    await call('scenario', 'number.scenario', { number });
    await call('loadErrors', 'workspace.loadErrors', { offset: 0, limit: 100 });
    saves.push(join(dir, 'ws.sqlite'));
    await call('saveAs', 'workspace.saveAs', {}, true);
    await call('setAssumption', 'rulebook.setAssumption', { name: 'inactiveBlocksSend', value: false }, true);
    await call('save', 'workspace.save', {}, true);
    opens.push([join(dir, 'ws.sqlite')]);
    await call('open', 'workspace.open', {}, true);
    await call('summaryAfterOpen', 'workspace.summary', {});
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
