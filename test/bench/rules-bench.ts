/**
 * Rules engine throughput: events/s in 'none' mode (1M and 100k events) and 'full' mode, and peak
 * RSS. The bench runner calls benchRules() and prints the figures.
 *
 * The headline figures are **sustained**: replays back to back in one process, as a process that
 * keeps replaying runs them, each dropping the previous result, so each run also pays for
 * collecting the previous run's output. The headline is the mean over those runs (events ÷ total
 * wall time: a major GC falls in some runs and not others, so the best run flatters), with the best
 * run and the median beside it. `*.afterGc` is the best run straight after a forced full GC and a small settling
 * replay (this bench's method until 2026-11-26), `*.cold` after the GC alone: a forced GC leaves V8
 * re-optimizing and regrowing its heap inside the next run, which then measured 1.2–1.6× slower at
 * 100k events than the same run back to back, so those are the pessimistic figures. `*.cpu` divide
 * by the process's CPU time, user + system (GC helper threads included: the one-core figure).
 * `rules.full.*.readAll`: the 'full' replay plus reading every step's decisions (built on first read).
 * `*.retainedMB`: what one replay's result keeps alive (heap after a forced GC, with and without it). `calibration.mapOpsPerSec` (1M Map
 * get/set over 100k number strings) lets a reader scale the figures to the machine they ran on.
 */
import { defaultRulebook, replay, type RecordsMode } from '../../shared/rules';
import { collect } from './gc';
import { benchWorkload } from './rules-workload';


const rssMb = (): number => process.memoryUsage().rss / (1024 * 1024);

/** Per run: best and median wall time; mean wall and CPU time over all runs. */
interface Timing { bestMs: number; medianMs: number; meanMs: number; cpuMs: number }

/**
 * `runs` timed calls of `fn`. `gcFirst`: a forced full GC before each, then `settle` (untimed) when
 * given; otherwise back to back. `fn` returns the replay, which is kept until the next call starts
 * (a consumer holds its result while using it) and then dropped.
 */
const timed = (fn: () => unknown, runs: number, gcFirst: boolean, settle?: () => unknown): Timing => {
  const walls: number[] = [];
  let cpu = 0;
  let kept: unknown;
  for (let i = 0; i < runs; i++) {
    kept = undefined;
    if (gcFirst) {
      collect();
      settle?.();
    }
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    kept = fn();
    walls.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu += (c.user + c.system) / 1000;
  }
  void kept;
  const meanMs = walls.reduce((a, b) => a + b, 0) / runs;
  walls.sort((a, b) => a - b);
  return { bestMs: walls[0]!, medianMs: walls[walls.length >> 1]!, meanMs, cpuMs: cpu / runs };
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
  const run = (numbers: number, records: RecordsMode, runs: number): Record<string, number> => {
    const w = benchWorkload(numbers); // numbers × 10 events, deterministic
    const small = benchWorkload(1_000);
    timed(() => replay(rb, w, { records }), 2, false); // JIT warm-up
    const sustained = timed(() => replay(rb, w, { records }), runs, false);
    peak = Math.max(peak, rssMb());
    const afterGc = timed(() => replay(rb, w, { records }), 3, true, () => replay(rb, small, { records }));
    const cold = timed(() => replay(rb, w, { records }), 3, true);
    peak = Math.max(peak, rssMb());
    collect();
    const before = process.memoryUsage().heapUsed;
    const kept = replay(rb, w, { records });
    collect();
    const retainedMB = Math.round((process.memoryUsage().heapUsed - before) / (1024 * 1024));
    void kept.final;
    const events = numbers * 10;
    const key = `rules.${records}.${events >= 1_000_000 ? `${events / 1_000_000}M` : `${events / 1000}k`}.eventsPerSec`;
    // 'full' keeps its records compactly and builds a step's Decision objects and reason texts when the
    // step is first read (shared/rules/step-log.ts): this figure includes reading every step's decisions.
    const readAll = records === 'full' ? timed(() => {
      const r = replay(rb, w, { records });
      for (const s of r.steps) void s.decisions;
      return r;
    }, runs, false) : undefined;
    const read = readAll ? { [`${key}.readAll`]: perSec(events, readAll.meanMs), [`${key}.readAll.best`]: perSec(events, readAll.bestMs) } : {};
    return {
      ...read,
      [key]: perSec(events, sustained.meanMs),
      [`${key}.best`]: perSec(events, sustained.bestMs),
      [`${key}.median`]: perSec(events, sustained.medianMs),
      [`${key}.cpu`]: perSec(events, sustained.cpuMs),
      [`${key}.afterGc`]: perSec(events, afterGc.bestMs),
      [`${key}.cold`]: perSec(events, cold.bestMs),
      [`${key.replace('.eventsPerSec', '')}.retainedMB`]: retainedMB,
    };
  };
  const calibration = calibrate();
  const full = run(10_000, 'full', 7);
  const small = run(10_000, 'none', 7);
  const big = run(100_000, 'none', 5);
  return {
    ...big,
    ...small,
    ...full,
    'rules.peakRssMB': Math.round(Math.max(peak, process.resourceUsage().maxRSS / 1024)),
    'calibration.mapOpsPerSec': calibration,
  };
}
