/** `node dist/bench/load-bench.cjs [rows]` after bundling this file with esbuild (see README in test/bench). */
import { benchLoad } from './load-bench';

const rows = Number(process.argv[2] ?? 1_000_000);
benchLoad({ rows }).then(
  (r) => console.log(JSON.stringify(r, null, 2)),
  (e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  },
);
