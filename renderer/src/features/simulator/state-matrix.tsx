/**
 * The state at a step: per number, one row per code with its verdict, then each keyword's
 * subscription status (colour + glyph + text). Cells the step changed are outlined and say what they were.
 */
import type { CodeDef, SubscriptionStatus } from '../../../../shared/model';
import type { StateView } from './engine-adapter';
import type { PinnedSubscription } from '../../store/simulator-slice';
import { VerdictBadge, verdictLabel } from '../../components/verdict-badge';

const GLYPH: Record<SubscriptionStatus, string> = { None: '–', NotOptedIn: '○', OptInPending: '…', OptedIn: '✓', OptedOut: '✕' };

export function StatusChip({ status }: { readonly status: SubscriptionStatus }) {
  return (
    <span className={`sim-status sim-status-${status}`}>
      <span aria-hidden="true">{GLYPH[status]}</span> {status}
    </span>
  );
}

export interface StateMatrixProps {
  readonly codes: readonly CodeDef[];
  readonly numbers: readonly string[];
  readonly state: StateView;
  /** The other side of the step (before when showing after, and vice versa): differences are highlighted. */
  readonly other?: StateView | null;
  readonly otherLabel?: string;
  readonly pinned?: PinnedSubscription | null;
  readonly onPin?: (pin: PinnedSubscription | null) => void;
  readonly label: string;
}

const subStatus = (s: StateView, n: string, code: string, kw: string): SubscriptionStatus =>
  s.subscriptions.find((x) => x.mobileNumber === n && x.code === code && x.keyword.toUpperCase() === kw.toUpperCase())?.status ?? 'None';

export function StateMatrix({ codes, numbers, state, other, otherLabel = 'before', pinned, onPin, label }: StateMatrixProps) {
  return (
    <div className="matrix" role="group" aria-label={label}>
      {numbers.map((n) => {
        const contact = state.contacts.find((c) => c.mobileNumber === n);
        const otherContact = other?.contacts.find((c) => c.mobileNumber === n);
        const contactChanged = other && otherContact?.status !== contact?.status;
        return (
          <div key={n} className="matrix-number" data-testid={`matrix-${n}`}>
            <div className="matrix-caption">
              <span className="mono number">{n}</span>
              <span className={`contact${contactChanged ? ' changed' : ''}`} data-testid="contact-status">
                Contact: {contact?.status ?? 'none'}
                {contact?.undeliverable ? ' · undeliverable' : ''}
                {contactChanged && <span className="was"> ({otherLabel}: {otherContact?.status ?? 'none'})</span>}
              </span>
            </div>
            {codes.map((c) => {
              const v = state.verdicts.find((x) => x.mobileNumber === n && x.code === c.code);
              const ov = other?.verdicts.find((x) => x.mobileNumber === n && x.code === c.code);
              const vChanged = other !== undefined && other !== null && ov?.verdict !== v?.verdict;
              return (
                <div key={c.code} className="matrix-code" role="group" aria-label={`Code ${c.code}`}>
                  <div className={`code-head${vChanged ? ' changed' : ''}`} data-testid={`verdict-${n}-${c.code}`} title={v?.reason}>
                    <span className="mono code-name">{c.code}</span>
                    <span className="muted small">{c.type} code · {c.country}</span>
                    {v ? <VerdictBadge verdict={v.verdict} /> : <span className="muted small">no activity</span>}
                    {vChanged && <span className="was">{otherLabel}: {ov ? verdictLabel(ov.verdict) : 'none'}</span>}
                  </div>
                  <ul className="cells" aria-label={`Keywords on ${c.code}`}>
                    {c.keywords.map((k) => {
                      const st = subStatus(state, n, c.code, k.keyword);
                      const was = other ? subStatus(other, n, c.code, k.keyword) : st;
                      const isPinned = pinned?.mobileNumber === n && pinned.code === c.code && pinned.keyword === k.keyword;
                      return (
                        <li key={k.keyword} className={`matrix-cell${was !== st ? ' changed' : ''}${isPinned ? ' pinned' : ''}`} data-testid={`cell-${n}-${c.code}-${k.keyword}`} data-status={st}>
                          <span className="kw">{k.keyword}<span className="kind">{k.kind === 'opt-in' ? `${k.optIn} opt-in` : k.kind}</span></span>
                          <StatusChip status={st} />
                          {was !== st && <span className="was">{otherLabel}: {was}</span>}
                          {onPin && (
                            <button type="button" className="icon-btn pin" aria-pressed={isPinned} title={isPinned ? 'Unpin' : 'Pin: follow this subscription along the timeline'}
                              aria-label={`${isPinned ? 'Unpin' : 'Pin'} ${k.keyword} on ${c.code}`} onClick={() => onPin(isPinned ? null : { mobileNumber: n, code: c.code, keyword: k.keyword })}>
                              {isPinned ? '★' : '☆'}
                            </button>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
