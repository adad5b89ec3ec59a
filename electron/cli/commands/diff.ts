/** `opttrace diff FILE (--assume NAME=VALUE … | --preset NAME) [--json]` */
import { diffReplays, fmtTime, replay, type ReplayDiff, type Step } from '../../../shared/rules';
import { parseCommonArgs } from '../args';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliIo, type Command } from '../command';
import { table } from '../format';
import { loadScenario, rulebookFor } from '../load-scenario';

export const DIFF_FORMAT = 'opttrace-diff@1';

export const diffCommand: Command = {
  name: 'diff',
  usage: 'diff FILE (--assume NAME=VALUE ... | --preset NAME) [--json]',
  summary: 'Replay a scenario under its own rulebook (A) and an alternative (B); show only what differs. Exit 0 same, 1 different.',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const opts = parseCommonArgs(args);
    if (opts.files.length !== 1) throw new UsageError(`diff needs exactly one scenario file (got ${opts.files.length})`);
    if (!opts.hasAlternative) throw new UsageError('diff needs an alternative rulebook: --assume NAME=VALUE or --preset NAME');
    const file = opts.files[0]!;
    const scenario = await loadScenario(file, io);
    const ra = replay(rulebookFor(file, scenario, undefined, {}), scenario);
    const rb = replay(rulebookFor(file, scenario, opts.preset, opts.assume), scenario);
    const d = diffReplays(ra, rb);
    if (opts.json) {
      io.stdout.write(`${JSON.stringify({ format: DIFF_FORMAT, file, a: ra.rulebook, b: rb.rulebook, ...d })}\n`);
    } else {
      io.stdout.write(renderDiff(file, scenario.title, ra.rulebook.id, rb.rulebook.id, d));
    }
    return d.same ? EXIT_OK : EXIT_FAILED;
  },
};

const stepSummary = (s: Step | undefined): string[] => {
  if (!s) return ['      (no such step)'];
  const rows = s.decisions.filter((x) => x.changed || x.ruleId === 'SEND-CHECK').map((x) => [x.ruleId, x.reason]);
  for (const f of s.flags) rows.push([`FLAG ${f.flag}`, f.reason]);
  return rows.length > 0 ? table(rows, '      ') : ['      (no change)'];
};

export const renderDiff = (file: string, title: string, a: string, b: string, d: ReplayDiff): string => {
  const out = [title, `  file: ${file}`, `  A: ${a}`, `  B: ${b}`, ''];
  if (d.same) return `${[...out, 'No differences.'].join('\n')}\n`;
  if (d.firstDivergence) {
    const f = d.firstDivergence;
    const s = f.a ?? f.b;
    out.push(`First divergence: step #${f.stepIndex + 1} (${f.eventId}${s ? `, ${s.event.type} at ${fmtTime(s.atMs)}` : ''})`);
    out.push('  A:', ...stepSummary(f.a), '  B:', ...stepSummary(f.b), '');
  }
  out.push('Subscriptions that differ');
  out.push(...(d.subscriptions.length > 0 ? table(d.subscriptions.map((x) => [x.mobileNumber, x.code, x.keyword, `A ${x.a}`, `B ${x.b}`])) : ['  (none)']));
  out.push('', 'Verdicts that differ');
  if (d.verdicts.length === 0) out.push('  (none)');
  for (const v of d.verdicts) {
    out.push(...table([[v.mobileNumber, v.code, `A ${v.a?.verdict ?? '-'}`, `B ${v.b?.verdict ?? '-'}`]]));
    out.push(`      A: ${v.a?.reason ?? '(no verdict)'}`, `      B: ${v.b?.reason ?? '(no verdict)'}`);
  }
  return `${out.join('\n')}\n`;
};
