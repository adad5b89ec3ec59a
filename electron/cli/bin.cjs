#!/usr/bin/env node
// The `opttrace` command: a shim over the esbuild bundle (npm install / npm run build:cli builds it).
const path = require('node:path');
const fs = require('node:fs');
const bundle = path.join(__dirname, '..', '..', 'dist', 'cli', 'opttrace.cjs');
if (!fs.existsSync(bundle)) {
  process.stderr.write(`opttrace: the CLI bundle is missing (${bundle}); run "npm run build:cli" first.\n`);
  process.exitCode = 2;
} else {
  require(bundle);
}
