/**
 * `npm run bench`: runs every registered benchmark and prints one figure per line
 * (`name: value unit`), or with `--json` one JSON object of all figures; `--only=a,b` runs those.
 */
import { coldLoad } from './load-bench';
import { printLoadStages } from './load-stages';
import { BENCHES } from './registry';

async function main(): Promise<void> {
  const cold = process.argv.indexOf('--cold-load');
  if (cold > 0) return coldLoad(process.argv[cold + 1]!);
  const stages = process.argv.indexOf('--load-stages');
  if (stages > 0) return printLoadStages(process.argv[stages + 1]!);
  const json = process.argv.includes('--json');
  // --only=load,desktop: exact names (so `load` does not also run `load5M`).
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const figures: Record<string, number> = {};
  for (const bench of BENCHES) {
    if (only && !only.includes(bench.name)) continue;
    if (!json) console.log(`# ${bench.name}: ${bench.description}`);
    const result = await bench.run();
    for (const [name, value] of Object.entries(result)) {
      const key = name.includes('.') ? name : `${bench.name}.${name}`;
      figures[key] = value;
      if (!json) console.log(`${key}: ${Number.isInteger(value) ? value : value.toFixed(3)}`);
    }
  }
  if (json) console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
