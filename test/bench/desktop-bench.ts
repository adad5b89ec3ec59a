/**
 * Desktop benchmark on a big workspace (default 1M `_SMSSubscriptionLog` rows, `OPTTRACE_BENCH_ROWS`
 * to change, with a keyword dictionary for most of its GUIDs): load, verdict table build (with its
 * worker, then in-thread), search first page (number formats, filters, sorts), explain p95, save.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchContacts } from '../../electron/backend/db/desk-search';
import { Workspace } from '../../electron/backend/db/workspace';
import { generateKeywordDictionary, generateSubscriptionLog } from '../../electron/backend/demo/big-log';
import { KeywordResolver } from '../../electron/backend/history/keywords';
import { loadFiles } from '../../electron/backend/import/load';
import { explainNumber } from '../../electron/backend/services/explain';
import { rebuildVerdicts } from '../../electron/backend/services/verdict-index';
import { writeWorkspace } from '../../electron/backend/services/workspace-file';
import { defaultRulebook } from '../../shared/rules';

const p95 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? NaN;

export async function benchDesktop(rows = Number(process.env.OPTTRACE_BENCH_ROWS ?? 1_000_000)): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'opttrace-desk-bench-'));
  try {
    const file = join(dir, 'sms_subscription_log.csv');
    await generateSubscriptionLog(file, rows);
    const dictionary = join(dir, 'keyword_dictionary.csv');
    await generateKeywordDictionary(dictionary);
    const ws = await Workspace.create();
    let t = performance.now();
    await loadFiles(ws, [{ path: dictionary }, { path: file }]);
    const loadSeconds = (performance.now() - t) / 1000;
    const built = await rebuildVerdicts(ws, defaultRulebook());
    const firstPage = (q: Parameters<typeof searchContacts>[1]) => {
      const t0 = performance.now();
      const page = searchContacts(ws, q);
      return { ms: performance.now() - t0, page };
    };
    const any = firstPage({ limit: 100 });
    const sample = any.page.rows[50]?.mobileNumber ?? '15550000001';
    const typed = `+1 (${sample.slice(1, 4)}) ${sample.slice(4, 7)}-${sample.slice(7)}`;
    const byNumber = firstPage({ query: typed, limit: 100 });
    const byPrefix = firstPage({ query: sample.slice(1, 7), limit: 100 });
    const byVerdict = firstPage({ verdict: 'blocked-explicit', limit: 100 });
    const byStatusSorted = firstPage({ status: 'OptedOut', sort: 'verdict', descending: true, limit: 100 });
    const deep = firstPage({ limit: 100, offset: Math.max(0, built.rows - 200) });
    // A filter most rows match, sorted by another column, deep, after a typed prefix, and paged on.
    const byCommonVerdict = firstPage({ verdict: 'allowed', limit: 100 });
    const byCommonVerdictSorted = firstPage({ verdict: 'allowed', sort: 'status', descending: true, limit: 100 });
    const byCommonVerdictDeep = firstPage({ verdict: 'allowed', limit: 100, offset: Math.floor(byCommonVerdict.page.total! / 2) }); // the middle: the farthest an offset walks
    const byWidePrefixSorted = firstPage({ query: sample.slice(1, 4), sort: 'verdict', limit: 100 });
    const byWidePrefixCommonVerdict = firstPage({ query: sample.slice(1, 4), verdict: 'allowed', limit: 100 });
    const nextSortedPage = firstPage({ verdict: 'allowed', sort: 'status', descending: true, limit: 100, after: byCommonVerdictSorted.page.next ?? undefined, withTotal: false });
    const resolver = new KeywordResolver(ws);
    const rb = defaultRulebook();
    const times: number[] = [];
    const pages = searchContacts(ws, { limit: 200, offset: Math.floor(built.rows / 3) }).rows;
    for (const r of pages) {
      t = performance.now();
      explainNumber(ws, resolver, rb, r.mobileNumber);
      times.push(performance.now() - t);
    }
    // workspace.save: sql.js export + atomic write (temp file, fsync, rename).
    t = performance.now();
    await writeWorkspace(ws, join(dir, 'bench.sqlite'));
    const saveSeconds = (performance.now() - t) / 1000;
    // The same table built in this thread alone (no verdict worker), for the comparison in the same run;
    // after the save, whose file a second build would grow by the first table's freed pages.
    const inThread = await rebuildVerdicts(ws, defaultRulebook(), undefined, { worker: false });
    // Saved again: the file now also holds the first table's freed pages.
    t = performance.now();
    await writeWorkspace(ws, join(dir, 'bench.sqlite'));
    const saveAfterRebuildSeconds = (performance.now() - t) / 1000;
    const fileMB = statSync(join(dir, 'bench.sqlite')).size / 1e6;
    ws.close();
    return {
      saveSeconds, saveAfterRebuildSeconds, savedFileMBAfterRebuild: fileMB,
      rows, loadSeconds, numbers: built.numbers, verdictRows: built.rows, verdictBuildSeconds: built.ms / 1000, verdictBuildInThreadSeconds: inThread.ms / 1000,
      searchFirstPageMs: any.ms, searchByFormattedNumberMs: byNumber.ms, searchByPrefixMs: byPrefix.ms, searchByVerdictMs: byVerdict.ms,
      searchByStatusSortedMs: byStatusSorted.ms, searchDeepOffsetMs: deep.ms,
      searchByCommonVerdictMs: byCommonVerdict.ms, searchByCommonVerdictSortedMs: byCommonVerdictSorted.ms, searchByCommonVerdictDeepMs: byCommonVerdictDeep.ms,
      searchByWidePrefixSortedMs: byWidePrefixSorted.ms, searchByWidePrefixCommonVerdictMs: byWidePrefixCommonVerdict.ms, searchNextSortedPageMs: nextSortedPage.ms, explainP95Ms: p95(times), explainMaxMs: Math.max(...times),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
