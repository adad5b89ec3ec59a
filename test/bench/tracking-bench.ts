/**
 * `_SMSMessageTracking`, the other export as large as the log: a 1M-row Query Studio extract loaded in
 * fresh processes (best of two: the VM's speed varies), with the parse worker and the inserts timed apart.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateMessageTracking } from '../../electron/backend/demo/big-tracking';
import { coldLoadInChild, round } from './load-bench';
import { loadStagesInChild } from './load-stages';

export async function benchTrackingLoad(opts: { rows: number }): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'opttrace-bench-'));
  const path = join(dir, 'sms_message_tracking.csv');
  try {
    const bytes = await generateMessageTracking(path, opts.rows);
    const runs = [coldLoadInChild(path, opts.rows), coldLoadInChild(path, opts.rows)];
    const best = runs[0]!.seconds <= runs[1]!.seconds ? runs[0]! : runs[1]!;
    const stages = loadStagesInChild(path, opts.rows);
    return {
      rows: opts.rows,
      fileMB: round(bytes / 1024 ** 2, 1),
      loadSeconds: round(best.seconds),
      loadSecondsOtherRun: round(best === runs[0] ? runs[1]!.seconds : runs[0]!.seconds),
      rowsPerSecond: Math.round(opts.rows / best.seconds),
      stageParseOnlySeconds: round(stages.parseSeconds),
      stageInsertOnlySeconds: round(stages.insertSeconds),
      longestStallMs: Math.round(Math.max(...runs.map((r) => r.stallMs))),
      peakRssMB: Math.round(Math.max(...runs.map((r) => r.peakRssMB))),
      databaseMB: round(best.databaseMB, 1),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
