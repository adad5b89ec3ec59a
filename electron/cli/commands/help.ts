/** `opttrace help` and the usage text. */
import { ASSUMPTION_DEFS, PRESETS, describeType } from '../../../shared/rules';
import { EXIT_OK, type CliIo, type Command } from '../command';
import { table } from '../format';

export const usageText = (commands: readonly Command[]): string => {
  const lines = ['Usage: opttrace COMMAND [ARGS]', '', 'Commands:'];
  for (const c of commands) lines.push(`  opttrace ${c.usage}`, `      ${c.summary}`);
  lines.push('', 'Exit status: 0 all expectations hold, 1 some failed (diff: runs differ), 2 invalid input or usage.', '', 'Presets:');
  lines.push(...table(PRESETS.map((p) => [p.id, p.description])));
  lines.push('', 'Assumptions (--assume NAME=VALUE):');
  for (const d of ASSUMPTION_DEFS) lines.push(`  ${d.name} = ${describeType(d.type)} (default ${Array.isArray(d.default) ? d.default.join(',') : String(d.default)})`, `      ${d.description}`);
  return `${lines.join('\n')}\n`;
};

export const helpCommand = (all: () => readonly Command[]): Command => ({
  name: 'help',
  usage: 'help',
  summary: 'Show this text.',
  async run(_args: readonly string[], io: CliIo): Promise<number> {
    io.stdout.write(usageText(all()));
    return EXIT_OK;
  },
});
