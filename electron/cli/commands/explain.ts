/** `opttrace explain NUMBER (--workspace WS.sqlite | FILES…) [--assume NAME=VALUE …] [--json]` */
import type { Explanation } from '../../../shared/ipc/desk-types';
import { resolveRulebook } from '../../../shared/rules';
import { UserError } from '../../backend/errors';
import { KeywordResolver } from '../../backend/history/keywords';
import { explainNumber } from '../../backend/services/explain';
import { EXIT_OK, UsageError, type CliIo, type Command } from '../command';
import { loadInto, openWorkspaceFile, parseWith } from '../workspace-args';

export const explainCommand: Command = {
  name: 'explain',
  usage: 'explain NUMBER (--workspace WS.sqlite | FILE...) [--assume NAME=VALUE ...] [--preset NAME] [--json]',
  summary: 'Explain why a number is opted in/out on each code, citing rules, articles and export lines.',
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const opts = parseWith(args, '--workspace');
    const [number, ...files] = opts.files;
    if (!number) throw new UsageError('explain needs a mobile number');
    if (!opts.option && files.length === 0) throw new UsageError('explain needs --workspace WS.sqlite or the CSV exports to load');
    if (opts.option && files.length > 0) throw new UsageError('give either --workspace or CSV files, not both');
    const ws = opts.option ? await openWorkspaceFile(opts.option) : (await loadInto(files)).ws;
    const resolved = resolveRulebook(opts.preset ? { preset: opts.preset } : undefined, opts.assume);
    if (!resolved.ok) throw new UsageError(resolved.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    let explanation: Explanation;
    try {
      explanation = explainNumber(ws, new KeywordResolver(ws), resolved.rulebook, number);
    } catch (error) {
      if (error instanceof UserError) throw new UsageError(error.message);
      throw error;
    }
    io.stdout.write(opts.json ? `${JSON.stringify({ format: 'opttrace-explain@1', ...explanation })}\n` : renderExplanation(explanation));
    return EXIT_OK;
  },
};

export function renderExplanation(x: Explanation): string {
  const out = [`${x.mobileNumber}  (rulebook ${x.rulebookId}, ${x.eventCount} event${x.eventCount === 1 ? '' : 's'} replayed)`, ''];
  for (const c of x.codes) {
    out.push(`Code ${c.code}: ${c.verdict}`, `  ${c.sentence}`);
    for (const k of c.keywords) {
      out.push(`  ${k.keyword.padEnd(14)} ${k.status.padEnd(13)} ${k.ruleId} (${k.article})`);
      if (k.event) out.push(`      ${k.event.summary}, ${k.event.atUtc} / ${k.event.atCst}`);
      out.push(`      ${k.reason}`);
      for (const e of k.evidence) out.push(`      evidence: ${e.file} line ${e.line} (sha256 ${e.sha256.slice(0, 12)}…)`);
      if (k.assumptions.length) out.push(`      assumes: ${k.assumptions.map((a) => `${a}=${String(x.assumptionValues[a])}`).join(', ')}`);
    }
    out.push('');
  }
  if (x.gaps.length) out.push('Gaps (the evidence cannot decide):', ...x.gaps.map((g) => `  ${g.kind}${g.code ? ` on ${g.code}` : ''}: ${g.reason}`), '');
  if (x.discrepancies.length)
    out.push('Discrepancies with the exported current state:', ...x.discrepancies.map((d) => `  ${d.code} ${d.keyword}: replayed ${d.replayed}, exported ${d.exported} (${d.evidence.file} line ${d.evidence.line})`), '');
  if (x.flags.length) out.push('Risk flags:', ...x.flags.map((f) => `  ${f.flag}: ${f.reason}`), '');
  return `${out.join('\n')}\n`;
}
