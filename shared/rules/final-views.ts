/**
 * The state views of a replay: subscriptions, contacts and verdicts, each in world order (the order
 * numbers first appear). Built number by number (`FinalViews.add`) so a grouped replay can hand each
 * number over the moment its events are done, while its state is still in the CPU cache.
 */
import type { Gap } from '../model';
import type { Assumptions } from './assumptions';
import type { ContactView, StateView, SubscriptionView, VerdictView } from './replay-types';
import { effectiveContact, newNumberState, type NumberState, type World } from './state';
import { verdictFor } from './verdicts';

const addSubscriptionViews = (n: NumberState, out: SubscriptionView[]): void => {
  for (const c of n.codes.values()) {
    for (const s of c.subs.values()) {
      out.push(s.eventId === undefined
        ? { mobileNumber: n.mobileNumber, code: c.code, keyword: s.keyword, status: s.status, ruleId: s.ruleId }
        : { mobileNumber: n.mobileNumber, code: c.code, keyword: s.keyword, status: s.status, eventId: s.eventId, ruleId: s.ruleId });
    }
  }
};

const addContactView = (n: NumberState, out: ContactView[]): void => {
  const status = effectiveContact(n);
  if (status === undefined) return;
  // Plain literals, not conditional spreads: no temporary objects per number, same key order.
  const { mobileNumber, contactRuleId: ruleId, contactEventId: eventId } = n;
  if (n.undeliverable) out.push(eventId === undefined ? { mobileNumber, status, ruleId, undeliverable: true } : { mobileNumber, status, ruleId, undeliverable: true, eventId });
  else out.push(eventId === undefined ? { mobileNumber, status, ruleId } : { mobileNumber, status, ruleId, eventId });
};

export const subscriptionViews = (world: World): SubscriptionView[] => {
  const out: SubscriptionView[] = [];
  for (const n of world.values()) addSubscriptionViews(n, out);
  return out;
};

export const contactViews = (world: World): ContactView[] => {
  const out: ContactView[] = [];
  for (const n of world.values()) addContactView(n, out);
  return out;
};

const gapsByNumber = (gaps: readonly Gap[]): Map<string, Gap[]> => {
  const byNumber = new Map<string, Gap[]>();
  for (const g of gaps) {
    const list = byNumber.get(g.mobileNumber);
    if (list) list.push(g);
    else byNumber.set(g.mobileNumber, [g]);
  }
  return byNumber;
};

const gapCodes = (g: readonly Gap[]): Set<string> => new Set(g.map((x) => x.code).filter((x): x is string => x !== undefined));

/**
 * Subscriptions, contacts and verdicts (`texts`: verdict sentences too; false for replays without
 * records, see verdictFor), a number at a time: one visit per number for all three lists, since a
 * number's state objects are scattered in memory and a pass per list missed the cache on each of them
 * three times (~1 µs per number at 100k numbers).
 */
export class FinalViews {
  private readonly subscriptions: SubscriptionView[] = [];
  private readonly contacts: ContactView[] = [];
  private readonly verdicts: VerdictView[] = [];
  /** Gaps per number; a number's entry is removed once the number has been added. */
  private readonly gaps: Map<string, Gap[]>;

  constructor(private readonly a: Assumptions, gaps: readonly Gap[], private readonly texts: boolean) {
    this.gaps = gapsByNumber(gaps);
  }

  /** A number's views; each number once, in world order. */
  add(n: NumberState): void {
    addSubscriptionViews(n, this.subscriptions);
    addContactView(n, this.contacts);
    // Most histories have no gaps: then skip hashing every number for nothing.
    let g: Gap[] | undefined;
    if (this.gaps.size > 0) {
      g = this.gaps.get(n.mobileNumber);
      if (g !== undefined) this.gaps.delete(n.mobileNumber);
    }
    const { a, texts, verdicts } = this;
    const codes = n.codes.values();
    for (let i = 0; i < codes.length; i++) verdicts.push(verdictFor(a, n, codes[i]!.code, g, texts));
    if (g === undefined) return;
    // Then the codes only its gaps name.
    for (const code of gapCodes(g)) if (!n.codes.has(code)) verdicts.push(verdictFor(a, n, code, g, texts));
  }

  /** The views, with an `unknown` verdict for gaps about numbers the history never mentions. */
  finish(): StateView {
    for (const [num, g] of this.gaps) {
      const n = newNumberState(num);
      for (const code of gapCodes(g)) this.verdicts.push(verdictFor(this.a, n, code, g, this.texts));
    }
    this.gaps.clear();
    return { subscriptions: this.subscriptions, contacts: this.contacts, verdicts: this.verdicts };
  }
}

/** The views of a whole world (see FinalViews). */
export const finalViews = (a: Assumptions, world: World, gaps: readonly Gap[], texts = true): StateView => {
  const views = new FinalViews(a, gaps, texts);
  for (const n of world.values()) views.add(n);
  return views.finish();
};
