/**
 * Rules engine throughput: events/s in 'none' mode (1M and 100k events) and 'full' mode, and peak
 * RSS. The bench runner calls benchRules() and prints the figures. Each figure is the best of a few
 * runs (wall clock); `*.cpu` figures divide by the process's CPU time instead, which is steadier on
 * a shared machine. `calibration.mapOpsPerSec` (1M Map get/set over 100k number strings) lets a
 * reader scale the figures to the machine they ran on.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { defaultRulebook, replay, type RecordsMode } from '../../shared/rules';
import { benchWorkload } from './rules-workload';

// A full GC before each timed run (see best()).
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

const rssMb = (): number => process.memoryUsage().rss / (1024 * 1024);

interface Timing { wallMs: number; cpuMs: number }

/**
 * Best of `runs`, each after a full GC so it does not pay for collecting the previous run's replay
 * (hundreds of MB at 1M events). A forced GC also makes V8 drop much of the engine's optimized code
 * (~130 functions were re-optimized in the next run), so `settle`, when given, runs first, untimed:
 * a small replay that brings the JIT back to where a working process has it.
 */
const best = (fn: () => unknown, runs: number, settle?: () => unknown): Timing => {
  let wallMs = Number.POSITIVE_INFINITY;
  let cpuMs = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    collect();
    settle?.();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wallMs = Math.min(wallMs, performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs = Math.min(cpuMs, c.user / 1000);
  }
  return { wallMs, cpuMs };
};

const calibrate = (): number => {
  const keys = Array.from({ length: 1_000_000 }, (_, i) => String(15_550_000_000 + (i % 100_000)));
  const m = new Map<string, { n: number }>();
  const t0 = performance.now();
  for (const k of keys) {
    const v = m.get(k);
    if (v) v.n++;
    else m.set(k, { n: 1 });
  }
  return Math.round(keys.length / ((performance.now() - t0) / 1000));
};

export async function benchRules(): Promise<Record<string, number>> {
  const rb = defaultRulebook();
  let peak = rssMb();
  const perSec = (events: number, ms: number): number => Math.round(events / (ms / 1000));
  // Steady state (GC, then a 1k-number replay to settle the JIT), and `cold`: straight after the GC,
  // re-optimizing as it goes, as a process's first replay after a long pause would.
  const run = (numbers: number, records: RecordsMode, runs: number): { settled: Timing; cold: Timing } => {
    const w = benchWorkload(numbers); // numbers × 10 events, deterministic
    const small = benchWorkload(1_000);
    best(() => replay(rb, w, { records }), 1); // JIT warm-up
    const settled = best(() => replay(rb, w, { records }), runs, () => replay(rb, small, { records }));
    const cold = best(() => replay(rb, w, { records }), runs);
    peak = Math.max(peak, rssMb());
    return { settled, cold };
  };
  const calibration = calibrate();
  const full = run(10_000, 'full', 3);
  const small = run(10_000, 'none', 5);
  const big = run(100_000, 'none', 3);
  return {
    'rules.none.1M.eventsPerSec': perSec(1_000_000, big.settled.wallMs),
    'rules.none.1M.eventsPerSec.cpu': perSec(1_000_000, big.settled.cpuMs),
    'rules.none.1M.eventsPerSec.cold': perSec(1_000_000, big.cold.wallMs),
    'rules.none.100k.eventsPerSec': perSec(100_000, small.settled.wallMs),
    'rules.none.100k.eventsPerSec.cold': perSec(100_000, small.cold.wallMs),
    'rules.full.100k.eventsPerSec': perSec(100_000, full.settled.wallMs),
    'rules.full.100k.eventsPerSec.cpu': perSec(100_000, full.settled.cpuMs),
    'rules.full.100k.eventsPerSec.cold': perSec(100_000, full.cold.wallMs),
    'rules.peakRssMB': Math.round(Math.max(peak, process.resourceUsage().maxRSS / 1024)),
    'calibration.mapOpsPerSec': calibration,
  };
}
