import { existsSync, readlinkSync } from 'node:fs';
import { getPriority } from 'node:os';
import { describe, expect, it } from 'vitest';
import { lowerThreadPriority } from '../../../electron/backend/thread-nice';

describe('lowerThreadPriority', () => {
  it('does nothing for a nice value of 0 or less', () => {
    expect(lowerThreadPriority(0)).toBe(false);
    expect(lowerThreadPriority(-3)).toBe(false);
  });

  it.runIf(existsSync('/proc/thread-self'))('sets the calling thread’s nice value (Linux), not the process’s', () => {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    const before = getPriority(tid);
    const target = Math.min(19, Math.max(1, before + 1));
    expect(lowerThreadPriority(target)).toBe(true);
    expect(getPriority(tid)).toBe(target);
    if (tid !== process.pid) expect(getPriority(process.pid)).not.toBe(target);
  });
});
