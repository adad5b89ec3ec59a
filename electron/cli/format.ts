/** Plain-text rendering for the terminal: aligned columns, ASCII only (Windows consoles). */
import type { Decision, ExpectationResult, RaisedFlag, Replay, Step, VerdictView } from '../../shared/rules';
import { fmtTime } from '../../shared/rules';

/** Left-aligned columns separated by two spaces; the last column is not padded. */
export const table = (rows: readonly (readonly string[])[], indent = '  '): string[] => {
  const widths: number[] = [];
  for (const r of rows) r.forEach((cell, i) => { if (i < r.length - 1) widths[i] = Math.max(widths[i] ?? 0, cell.length); });
  return rows.map((r) => indent + r.map((cell, i) => (i < r.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell)).join('  ').trimEnd());
};

const eventLine = (s: Step): string => {
  const e = s.event;
  const what = e.type === 'mo' || e.type === 'api.queueMO' ? `${JSON.stringify(e.text)} to ${e.code}`
    : 'keyword' in e && e.keyword !== undefined ? `${e.keyword} on ${'code' in e ? e.code : ''}` : 'code' in e ? e.code : e.status ?? '';
  return `#${s.index + 1}  ${fmtTime(s.atMs)}  ${e.id}  ${e.type}  ${e.mobileNumber}  ${what}${s.skipped ? '  (skipped)' : ''}${e.hypothetical ? '  (hypothetical)' : ''}`;
};

const decisionRow = (d: Decision): string[] => {
  const change = d.target === 'subscription' || d.target === 'contact' ? `${d.from ?? 'None'} -> ${d.to ?? 'None'}` : d.sendable !== undefined ? (d.sent ? 'sent' : 'not sent') : '';
  const subject = d.target === 'contact' ? 'contact' : d.keyword ?? '';
  return [d.ruleId, subject, change, d.reason];
};

const flagRow = (f: RaisedFlag): string[] => [`FLAG ${f.flag}`, f.mobileNumber, f.code ?? '', f.eventId, f.reason];

export const renderReplay = (file: string, title: string, r: Replay): string => {
  const out: string[] = [];
  out.push(`${title}`, `  file: ${file}`, `  rulebook: ${r.rulebook.id} (${r.rulebook.hash})`, '');
  out.push('Steps');
  for (const s of r.steps) {
    out.push(`  ${eventLine(s)}`);
    out.push(...table([...s.decisions.map(decisionRow), ...s.flags.map(flagRow)], '      '));
  }
  if (r.steps.length === 0) out.push('  (no events)');
  out.push('', 'Final state', '  Subscriptions');
  out.push(...(r.final.subscriptions.length > 0
    ? table(r.final.subscriptions.map((s) => [s.mobileNumber, s.code, s.keyword, s.status, s.eventId ?? 'start', s.ruleId]), '    ')
    : ['    (none)']));
  out.push('  Contacts');
  out.push(...(r.final.contacts.length > 0
    ? table(r.final.contacts.map((c) => [c.mobileNumber, c.status + (c.undeliverable ? ' (undeliverable)' : ''), c.eventId ?? 'start', c.ruleId]), '    ')
    : ['    (none)']));
  out.push('  Verdicts');
  out.push(...(r.final.verdicts.length > 0 ? table(r.final.verdicts.map(verdictRow), '    ') : ['    (none)']));
  out.push('', `Flags (${r.flags.length})`);
  out.push(...(r.flags.length > 0 ? table(r.flags.map(flagRow).map((row) => [row[0]!.slice(5), ...row.slice(1)])) : ['  (none)']));
  out.push('', 'Expectations');
  out.push(...renderExpectations(r.expectations));
  return `${out.join('\n')}\n`;
};

export const verdictRow = (v: VerdictView): string[] => [
  v.mobileNumber, v.code, v.verdict,
  `${v.reason}${v.assumptions.length > 0 ? ` [assumes ${v.assumptions.join(', ')}]` : ''}`,
];

export const renderExpectations = (xs: readonly ExpectationResult[]): string[] => {
  if (xs.length === 0) return ['  (none)'];
  const passed = xs.filter((x) => x.pass).length;
  return [
    ...xs.map((x) => `  ${x.pass ? 'PASS' : 'FAIL'}  ${x.message}`),
    `  ${passed}/${xs.length} expectations hold`,
  ];
};
