/** The command table's types: each subcommand is one module in ./commands. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readFile(path: string): Promise<string>;
}

export interface Command {
  readonly name: string;
  /** One usage line, e.g. "replay FILE… [--json] [--assume NAME=VALUE …] [--preset NAME]". */
  readonly usage: string;
  readonly summary: string;
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Exit statuses (scenario-format.md): 0 all good, 1 an expectation failed / a difference, 2 bad input or usage. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Bad input or usage: reported on stderr with exit status 2, never as a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Each line of a (possibly multi-line) message, prefixed with "opttrace COMMAND: ". */
export const prefixLines = (command: string, message: string): string =>
  `${message.split('\n').map((line) => `opttrace ${command}: ${line}`).join('\n')}\n`;
