/**
 * The `opttrace` command line, callable in-process (tests) or from index.ts. Plain Node: never
 * imports electron. New commands (load, explain, …) are one module each, added to COMMANDS.
 */
import { EXIT_USAGE, UsageError, prefixLines, type CliIo, type Command } from './command';
import { diffCommand } from './commands/diff';
import { explainCommand } from './commands/explain';
import { helpCommand, usageText } from './commands/help';
import { loadCommand } from './commands/load';
import { replayCommand } from './commands/replay';

export type { CliIo, Command } from './command';

export const COMMANDS: readonly Command[] = [replayCommand, diffCommand, loadCommand, explainCommand, helpCommand(() => COMMANDS)];

export const runCli = async (argv: readonly string[], io: CliIo): Promise<number> => {
  const [name, ...rest] = argv;
  if (name === undefined) {
    // No command is a usage error: the text goes to stderr, like any other usage problem.
    io.stderr.write(usageText(COMMANDS));
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h') return helpCommand(() => COMMANDS).run([], io);
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`opttrace: unknown command "${name}" (known: ${COMMANDS.map((c) => c.name).join(', ')}); run "opttrace help"\n`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(prefixLines(name, err.message));
      return EXIT_USAGE;
    }
    // An engine bug: still no stack trace for the analyst, but say what to report.
    io.stderr.write(`opttrace ${name}: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_USAGE;
  }
};
