#!/usr/bin/env node
// Launcher for the bundled CLI (built by `npm install`'s prepare step, or `npm run build:cli`).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const bundle = join(__dirname, '..', '..', 'dist', 'cli', 'opttrace.cjs');
if (!existsSync(bundle)) {
  process.stderr.write('opttrace: the CLI is not built yet; run `npm run build:cli` in the OptTrace folder.\n');
  process.exit(2);
}
require(bundle);
