/** `npx esbuild test/bench/rules-bench-entry.ts --bundle --platform=node --outfile=/tmp/rb.cjs && node /tmp/rb.cjs` */
import { benchRules } from './rules-bench';

void benchRules().then((r) => console.log(JSON.stringify(r, null, 2)));
