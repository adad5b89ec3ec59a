/** Entry point of the bundled CLI (dist/cli/opttrace.cjs). */
import { readFile } from 'node:fs/promises';
import { runCli } from './main';

void runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  readFile: (path) => readFile(path, 'utf8'),
}).then((code) => {
  process.exitCode = code;
});
