/** Runs the `opttrace` CLI in-process, capturing its output; `memFiles` stand in for files on disk. */
import { readFile } from 'node:fs/promises';
import { runCli } from '../../electron/cli/main';

export async function runCapture(argv: readonly string[], memFiles: Readonly<Record<string, string>> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    readFile: async (p: string) => memFiles[p] ?? readFile(p, 'utf8'),
  });
  return { code, stdout, stderr };
}
