/**
 * Rules engine throughput: events/s in 'none' mode (1M and 100k events) and 'full' mode, and peak
 * RSS. The bench runner (scripts) calls benchRules() and prints the figures.
 */
import { defaultRulebook, replay } from '../../shared/rules';
import { benchWorkload } from './rules-workload';

const rss = (): number => process.memoryUsage().rss / (1024 * 1024);

const time = (fn: () => unknown, runs: number): number => {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
};

export async function benchRules(): Promise<Record<string, number>> {
  const rb = defaultRulebook();
  let peak = rss();
  const big = benchWorkload(100_000); // 100,000 numbers × 10 events
  const small = benchWorkload(10_000);
  const full = benchWorkload(10_000);
  // Warm up the JIT on the small workload first.
  time(() => replay(rb, small, { records: 'none' }), 3);
  const noneBig = time(() => replay(rb, big, { records: 'none' }), 3);
  peak = Math.max(peak, rss());
  const noneSmall = time(() => replay(rb, small, { records: 'none' }), 5);
  time(() => replay(rb, full, { records: 'full' }), 1);
  const fullMs = time(() => replay(rb, full, { records: 'full' }), 3);
  peak = Math.max(peak, rss());
  return {
    'rules.none.1M.eventsPerSec': Math.round(big.events.length / (noneBig / 1000)),
    'rules.none.100k.eventsPerSec': Math.round(small.events.length / (noneSmall / 1000)),
    'rules.full.100k.eventsPerSec': Math.round(full.events.length / (fullMs / 1000)),
    'rules.none.1M.ms': Math.round(noneBig),
    'rules.peakRssMB': Math.round(Math.max(peak, process.resourceUsage().maxRSS / 1024)),
  };
}
