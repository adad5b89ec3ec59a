/** `opttrace load FILES… --save WS.sqlite [--json]`: load exports and save them as a workspace file. */
import { writeWorkspace } from '../../backend/services/workspace-file';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliIo, type Command } from '../command';
import { fileLine, loadInto, parseWith } from '../workspace-args';

export const loadCommand: Command = {
  name: 'load',
  usage: 'load FILE... --save WS.sqlite [--json]',
  summary: 'Load MobileConnect CSV exports into a workspace file. Exit 0 all loaded, 1 a file failed or nothing loaded.',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const opts = parseWith(args, '--save');
    if (opts.files.length === 0) throw new UsageError('load needs at least one CSV export');
    if (!opts.option) throw new UsageError('load needs --save WS.sqlite (where to write the workspace)');
    if (opts.hasAlternative) throw new UsageError('load takes no --assume/--preset (assumptions apply when explaining)');
    const { ws, files, ok } = await loadInto(opts.files);
    const loaded = files.reduce((n, f) => n + f.rowsLoaded, 0);
    const good = ok && loaded > 0 && files.every((f) => f.status === 'loaded');
    if (loaded > 0) await writeWorkspace(ws, opts.option);
    if (opts.json) {
      io.stdout.write(`${JSON.stringify({ format: 'opttrace-load@1', saved: loaded > 0 ? opts.option : null, files })}\n`);
    } else {
      for (const f of files) {
        io.stdout.write(`${fileLine(f)}\n`);
        for (const e of f.errors) io.stdout.write(`    ${e.severity} line ${e.line ?? '-'}${e.column ? ` ${e.column}` : ''}${e.value !== null ? ` ${JSON.stringify(e.value)}` : ''}: ${e.message}\n`);
      }
      io.stdout.write(loaded > 0 ? `Saved ${loaded.toLocaleString('en-US')} ${loaded === 1 ? 'row' : 'rows'} to ${opts.option}\n` : 'Nothing was loaded; no workspace written.\n');
    }
    return good ? EXIT_OK : EXIT_FAILED;
  },
};
