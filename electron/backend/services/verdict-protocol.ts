/** Messages between the verdict table build (verdict-index.ts) and its worker (verdict-worker.ts). */
import type { Rulebook } from '../../../shared/rules';
import type { RawEvidence, SourceNames } from '../db/evidence-batch';
import type { KeywordRows } from '../history/keywords';
import type { VerdictRow } from './verdict-rows';

/** `workerData`: everything a batch needs besides its own rows (all plain data). */
export interface VerdictJob {
  readonly rulebook: Rulebook;
  readonly keywords: KeywordRows;
  readonly sources: SourceNames;
}

/** Build → worker: one batch of numbers and their evidence rows, as read (db/evidence-batch.ts). */
export interface VerdictBatchMessage {
  readonly id: number;
  readonly raw: RawEvidence;
}

/**
 * Worker → build, one answer per batch, in order: the batch's table rows flattened (five strings per
 * row: number, code, keyword, status, verdict; cloning one array of strings is cheaper than objects),
 * or `failed` with the error the batch raised (it would raise the same in-thread).
 */
export type FromVerdictWorker =
  | { readonly type: 'rows'; readonly id: number; readonly flat: readonly string[] }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };

const FLAT_WIDTH = 5;

export const flatten = (rows: readonly VerdictRow[]): string[] => {
  const flat: string[] = new Array<string>(rows.length * FLAT_WIDTH);
  let i = 0;
  for (const r of rows) {
    flat[i++] = r.mobileNumber;
    flat[i++] = r.code;
    flat[i++] = r.keyword;
    flat[i++] = r.status;
    flat[i++] = r.verdict;
  }
  return flat;
};

export const unflatten = (flat: readonly string[]): VerdictRow[] => {
  const rows: VerdictRow[] = new Array<VerdictRow>(flat.length / FLAT_WIDTH);
  for (let i = 0, r = 0; i < flat.length; i += FLAT_WIDTH, r++) {
    rows[r] = { mobileNumber: flat[i]!, code: flat[i + 1]!, keyword: flat[i + 2]!, status: flat[i + 3] as VerdictRow['status'], verdict: flat[i + 4] as VerdictRow['verdict'] };
  }
  return rows;
};
