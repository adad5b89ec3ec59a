/** `opttrace replay FILE… [--json] [--assume NAME=VALUE …] [--preset NAME]` */
import { replay } from '../../../shared/rules';
import { parseCommonArgs } from '../args';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, UsageError, prefixLines, type CliIo, type Command } from '../command';
import { renderReplay } from '../format';
import { loadScenario, rulebookFor } from '../load-scenario';

export const REPLAY_FORMAT = 'opttrace-replay@1';

export const replayCommand: Command = {
  name: 'replay',
  usage: 'replay FILE... [--json] [--assume NAME=VALUE ...] [--preset NAME]',
  summary: 'Replay scenario files: steps, decisions with reasons, flags, final state, verdicts, expectations.',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const opts = parseCommonArgs(args);
    if (opts.files.length === 0) throw new UsageError('replay needs at least one scenario file');
    let status = EXIT_OK;
    for (const file of opts.files) {
      try {
        const scenario = await loadScenario(file, io);
        const rulebook = rulebookFor(file, scenario, opts.preset, opts.assume);
        const r = replay(rulebook, scenario);
        if (opts.json) {
          const doc = { format: REPLAY_FORMAT, file, title: scenario.title, steps: r.steps, final: r.final, flags: r.flags, expectations: r.expectations, rulebook: r.rulebook };
          io.stdout.write(`${JSON.stringify(doc)}\n`);
        } else {
          io.stdout.write(renderReplay(file, scenario.title, r));
          if (opts.files.length > 1) io.stdout.write('\n');
        }
        if (r.expectations.some((x) => !x.pass)) status = Math.max(status, EXIT_FAILED);
      } catch (err) {
        if (!(err instanceof UsageError)) throw err;
        io.stderr.write(prefixLines('replay', err.message));
        status = EXIT_USAGE;
      }
    }
    return status;
  },
};
