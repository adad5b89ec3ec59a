/** The step log as CSV: one row per step with its event, decisions, reasons and the verdicts after it. */
import { stateAfter, type Replay } from './engine-adapter';
import { summary, utcText, cstText } from './routes';

const cell = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

export function stepLogCsv(r: Replay): string {
  const rows: string[][] = [['step', 'time_utc', 'time_cst', 'event_id', 'event_type', 'event', 'skipped', 'hypothetical', 'decisions', 'reasons', 'flags', 'verdicts_after']];
  r.steps.forEach((s, i) => {
    const verdicts = stateAfter(r, i + 1).verdicts.map((v) => `${v.mobileNumber} ${v.code}: ${v.verdict}`).join('; ');
    rows.push([
      String(i + 1), utcText(s.atMs), cstText(s.atMs), s.event.id, s.event.type, `${s.event.mobileNumber} ${summary(s.event)}`,
      s.skipped ? 'yes' : 'no', s.event.hypothetical ? 'yes' : 'no',
      s.decisions.map((d) => `${d.ruleId}${d.keyword ? ` ${d.keyword}` : ''}${d.from !== undefined ? ` ${d.from}→${d.to}` : ''}`).join('; '),
      s.decisions.map((d) => d.reason).join(' | '),
      s.flags.map((f) => f.flag).join('; '),
      verdicts,
    ]);
  });
  return `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
