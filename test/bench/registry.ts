/** The benchmarks `npm run bench` runs; each returns named figures (units in the name). */
import { Backend } from '../../electron/backend/backend';
import { dispatch } from '../../electron/backend/dispatch';
import { createHandlers } from '../../electron/backend/handlers';
import { NO_DIALOGS } from '../../electron/backend/host';
import { benchHugeLoad, benchLoad } from './load-bench';
import { benchRules } from './rules-bench';
import { benchDesktop } from './desktop-bench';
import { benchTrackingLoad } from './tracking-bench';
import { benchMixed } from './mixed-bench';

export interface Bench {
  readonly name: string;
  readonly description: string;
  run(): Promise<Record<string, number>>;
}

const ipcRoundTrip: Bench = {
  name: 'ipc',
  description: 'backend start-up and dispatch overhead (validation + handler) per call',
  async run() {
    const t0 = performance.now();
    const backend = await Backend.create({ name: 'cli', version: 'bench', assetsDir: '', dialogs: NO_DIALOGS, emit: () => undefined });
    const startMs = performance.now() - t0;
    const handlers = createHandlers(backend);
    const n = 20_000;
    const t1 = performance.now();
    for (let i = 0; i < n; i++) await dispatch(handlers, 'app.info', {});
    return { backendStartMs: startMs, dispatchMicros: ((performance.now() - t1) * 1000) / n };
  },
};

const rules: Bench = {
  name: 'rules',
  description: 'replay of 100,000 numbers x 10 events (1M) and 10x smaller, statuses+verdicts vs full decision records',
  run: benchRules,
};

const load: Bench = {
  name: 'load',
  description: '1,000,000-row _SMSSubscriptionLog CSV end to end vs a bare sql.js insert of the same rows',
  run: () => benchLoad({ rows: Number(process.env.OPTTRACE_BENCH_ROWS ?? 1_000_000) }),
};

const hugeLoad: Bench = {
  name: 'load5M',
  description: '5,000,000-row _SMSSubscriptionLog CSV in a fresh process: loads within 2 GiB or stops cleanly',
  run: () => benchHugeLoad({ rows: Number(process.env.OPTTRACE_BENCH_HUGE_ROWS ?? 5_000_000) }),
};

const trackingLoad: Bench = {
  name: 'loadTracking',
  description: '1,000,000-row _SMSMessageTracking CSV (a Query Studio extract) in fresh processes, best of two',
  run: () => benchTrackingLoad({ rows: Number(process.env.OPTTRACE_BENCH_ROWS ?? 1_000_000) }),
};

const desktop: Bench = {
  name: 'desktop',
  description: 'big workspace (OPTTRACE_BENCH_ROWS, default 1M log rows): load, verdict table, search first page, explain p95',
  run: () => benchDesktop(),
};

const mixed: Bench = {
  name: 'mixed',
  description: 'dictionary + 1M-row log + 1M-row tracking through the contract: each method\'s time and longest event-loop stall',
  run: () => benchMixed(Number(process.env.OPTTRACE_BENCH_ROWS ?? 1_000_000)),
};

export const BENCHES: readonly Bench[] = [ipcRoundTrip, rules, load, hugeLoad, trackingLoad, desktop, mixed];
