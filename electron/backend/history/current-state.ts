/**
 * The exported CURRENT state per (number, keyword) from `_MobileSubscription` / Contact Builder, so the
 * replay's final state can be compared with it (discrepancies), plus contact and undeliverable status.
 */
import type { Citation } from '../../../shared/model/event';
import type { ContactStatus, SubscriptionStatus } from '../../../shared/model/status';
import { combinedStatus, CONTACT_STATUS } from '../import/code-tables';
import type { RowsOf } from '../db/queries';
import { isoOf } from '../import/normalize';
import { cite } from './evidence';
import type { KeywordResolver } from './keywords';

export interface CurrentSubscription {
  readonly mobileNumber: string;
  readonly definitionId: string | null;
  /** Undefined when the keyword GUID is unmapped. */
  readonly code?: string;
  readonly keyword?: string;
  /** Undefined when the exported status ids are not in the code tables. */
  readonly status?: SubscriptionStatus;
  readonly optInMethodId: string | null;
  readonly optOutMethodId: string | null;
  readonly optInAt: string | null;
  readonly optOutAt: string | null;
  readonly origin: 'data-view' | 'contact-builder';
  readonly evidence: readonly Citation[];
}

export interface CurrentState {
  readonly mobileNumber: string;
  readonly subscriptions: readonly CurrentSubscription[];
  readonly contact?: { readonly status?: ContactStatus; readonly statusId: string | null; readonly evidence: readonly Citation[] };
  readonly undeliverable?: { readonly held: boolean; readonly holdAt: string | null; readonly evidence: readonly Citation[] };
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export function currentState(rowsOf: RowsOf, number: string, kw: KeywordResolver): CurrentState {
  const subscriptions = rowsOf('subscriptions', number).map((r): CurrentSubscription => {
    const k = kw.keyword(str(r.definition_id));
    const keyword = k?.keyword ?? (r.keyword ? String(r.keyword).toUpperCase() : undefined);
    const status = combinedStatus(str(r.opt_in_status_id), str(r.opt_out_status_id));
    return {
      mobileNumber: number,
      definitionId: str(r.definition_id),
      ...(k ? { code: k.code } : {}),
      ...(keyword ? { keyword } : {}),
      ...(status ? { status } : {}),
      optInMethodId: str(r.opt_in_method_id),
      optOutMethodId: str(r.opt_out_method_id),
      optInAt: isoOf(r.opt_in_at),
      optOutAt: isoOf(r.opt_out_at),
      origin: r.origin === 'contact-builder' ? 'contact-builder' : 'data-view',
      evidence: [cite(r)],
    };
  });
  const contactRow = rowsOf('contacts', number).at(-1);
  const heldRow = rowsOf('undeliverable', number).at(-1);
  const contactStatus = contactRow ? CONTACT_STATUS[String(contactRow.status_id)] : undefined;
  return {
    mobileNumber: number,
    subscriptions,
    ...(contactRow ? { contact: { ...(contactStatus ? { status: contactStatus } : {}), statusId: str(contactRow.status_id), evidence: [cite(contactRow)] } } : {}),
    ...(heldRow ? { undeliverable: { held: heldRow.undeliverable !== '0', holdAt: isoOf(heldRow.hold_at), evidence: [cite(heldRow)] } } : {}),
  };
}
