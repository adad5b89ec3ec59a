/** The benchmarks `npm run bench` runs; each returns named figures (units in the name). */
import { Backend } from '../../electron/backend/backend';
import { dispatch } from '../../electron/backend/dispatch';
import { createHandlers } from '../../electron/backend/handlers';
import { NO_DIALOGS } from '../../electron/backend/host';
import { benchDesktop } from './desktop-bench';

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

const desktop: Bench = {
  name: 'desktop',
  description: 'big workspace (OPTTRACE_BENCH_ROWS, default 1M log rows): load, verdict table, search first page, explain p95',
  run: () => benchDesktop(),
};

export const BENCHES: readonly Bench[] = [ipcRoundTrip, desktop];
