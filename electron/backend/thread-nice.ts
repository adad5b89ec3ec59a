/**
 * Lowers the calling thread's CPU priority (Linux: a thread is a task with its own nice value). The
 * parse and verdict workers call it: on a 2-core machine a worker, both isolates' GC helpers and the
 * main thread compete for the cores, and the main thread (SQLite) is the bottleneck of both jobs.
 * 1M-row load, two bench runs each way: 6.48 / 5.45 s at nice 5 against 7.22 / 6.03 s at nice 0.
 * Elsewhere (no /proc/thread-self) nothing changes. `OPTTRACE_WORKER_NICE=0` turns it off.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

export const WORKER_NICE = Number(process.env.OPTTRACE_WORKER_NICE ?? 5);

/** Sets this thread's nice value to `nice` (> 0); false where that is not possible. */
export function lowerThreadPriority(nice = WORKER_NICE): boolean {
  if (nice <= 0) return false;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
