/** A small argument parser for the shared options (--json, --assume NAME=VALUE, --preset NAME). */
import { parseAssumptionArg } from '../../shared/rules';
import { UsageError } from './command';

export interface CommonArgs {
  readonly files: readonly string[];
  readonly json: boolean;
  readonly preset?: string;
  readonly assume: Readonly<Record<string, unknown>>;
  /** Whether --assume or --preset was given at all. */
  readonly hasAlternative: boolean;
}

export const parseCommonArgs = (args: readonly string[]): CommonArgs => {
  const files: string[] = [];
  const assume: Record<string, unknown> = {};
  let json = false;
  let preset: string | undefined;
  let hasAlternative = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      i++;
      return next;
    };
    switch (flag) {
      case '--json':
        if (inline !== undefined) throw new UsageError('--json takes no value');
        json = true;
        break;
      case '--assume': {
        const parsed = parseAssumptionArg(value());
        if (!parsed.ok) throw new UsageError(parsed.message);
        assume[parsed.name] = parsed.value;
        hasAlternative = true;
        break;
      }
      case '--preset':
        preset = value();
        hasAlternative = true;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
        files.push(arg);
    }
  }
  return { files, json, assume, hasAlternative, ...(preset !== undefined ? { preset } : {}) };
};
