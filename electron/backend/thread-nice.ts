/**
 * Lowers the calling thread's CPU priority (Linux: a thread is a task with its own nice value). The
 * parse worker calls it: on a 2-core machine the worker, both isolates' GC helpers and the inserting
 * main thread compete for the cores, and the main thread is the load's bottleneck, while the worker
 * may run two runs (up to 104 MB) ahead of it. 1M-row loads, alternating: 6.48, 5.45, 7.20, 5.15, 5.94 s at nice 5
 * against 7.22, 6.03, 6.14, 6.72, 5.24 s at nice 0 (means 6.04 / 6.27 s: within the VM's noise).
 * The verdict worker does not: the main thread waits for its batches (two in flight), and its builds
 * took 23.1, 20.1, 22.4 s at nice 5 against 20.5, 21.2, 20.7 s at nice 0.
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
