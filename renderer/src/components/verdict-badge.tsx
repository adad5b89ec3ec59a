import type { Verdict } from '../../../shared/model';
import './verdict-badge.css';

const LABELS: Readonly<Record<Verdict, string>> = {
  allowed: 'Allowed',
  'blocked-explicit': 'Blocked (opted out)',
  'blocked-implicit': 'Blocked (no opt-in)',
  unknown: 'Unknown',
};

export const verdictLabel = (v: Verdict): string => LABELS[v];

export function VerdictBadge({ verdict, compact = false }: { verdict: Verdict; compact?: boolean }) {
  return (
    <span className={`verdict-badge verdict-${verdict}`} data-verdict={verdict}>
      {compact ? verdict : LABELS[verdict]}
    </span>
  );
}
