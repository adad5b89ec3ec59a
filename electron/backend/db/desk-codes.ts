/**
 * The verdict table stores status and verdict as small integers: one byte each in the row and in its
 * index, where the labels took 4–16 (1M-row log: the table and its indexes went from 119 MB to ~70 MB,
 * which is most of what a save writes). The codes are fixed here, not taken from the label arrays'
 * positions, so a label added to those arrays cannot silently change what a saved file's codes mean;
 * they ascend in the labels' text order, so sorting by code sorts as the labels did
 * (test/unit/backend/desk-codes.test.ts checks both).
 */
import type { SubscriptionStatus, Verdict } from '../../../shared/model';

export const STATUS_CODES: Readonly<Record<SubscriptionStatus, number>> = { None: 0, NotOptedIn: 1, OptInPending: 2, OptedIn: 3, OptedOut: 4 };
export const VERDICT_CODES: Readonly<Record<Verdict, number>> = { allowed: 0, 'blocked-explicit': 1, 'blocked-implicit': 2, unknown: 3 };

const invert = <L extends string>(codes: Readonly<Record<L, number>>): L[] => {
  const labels: L[] = [];
  for (const [label, code] of Object.entries(codes) as [L, number][]) labels[code] = label;
  return labels;
};
const STATUS_LABELS = invert(STATUS_CODES);
const VERDICT_LABELS = invert(VERDICT_CODES);

/** A label's code (a Map: the verdict build looks up two per row); a label without one is a bug upstream, and fails the build rather than store a guess. */
const coder = (codes: Readonly<Record<string, number>>, what: string): ((label: string) => number) => {
  const map = new Map(Object.entries(codes));
  return (label) => {
    const c = map.get(label);
    if (c === undefined) throw new Error(`verdict table: no code for ${what} '${label}'`);
    return c;
  };
};
export const statusCode = coder(STATUS_CODES, 'status');
export const verdictCode = coder(VERDICT_CODES, 'verdict');
/** Codes run 0..n-1: a status and a verdict code make one index into n × m counters. */
export const VERDICT_CODE_COUNT = Object.keys(VERDICT_CODES).length;
export const STATUS_CODE_COUNT = Object.keys(STATUS_CODES).length;

const labelOf = <L extends string>(labels: readonly L[], what: string, code: unknown): L => {
  const l = typeof code === 'number' ? labels[code] : undefined;
  if (l === undefined) throw new Error(`verdict table: unknown ${what} code ${String(code)}`);
  return l;
};
export const statusLabel = (code: unknown): SubscriptionStatus => labelOf(STATUS_LABELS, 'status', code);
export const verdictLabel = (code: unknown): Verdict => labelOf(VERDICT_LABELS, 'verdict', code);
