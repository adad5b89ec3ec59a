import { describe, expect, it } from 'vitest';
import { PROGRESS_BYTES, ProgressGate } from '../../../electron/backend/import/load-steps';

describe('ProgressGate', () => {
  it('opens at the first batch, then once per PROGRESS_BYTES read, and at the end of the file', () => {
    const total = 3 * PROGRESS_BYTES + 100;
    const gate = new ProgressGate(total);
    const step = 64 * 1024;
    const opened: number[] = [];
    for (let read = step; read < total; read += step) if (gate.open(read)) opened.push(read);
    if (gate.open(total)) opened.push(total);
    expect(opened).toEqual([step, step + PROGRESS_BYTES, step + 2 * PROGRESS_BYTES, total]);
  });

  it('reports a file smaller than PROGRESS_BYTES at its first and last batch', () => {
    const gate = new ProgressGate(200_000);
    expect([65_536, 131_072, 196_608, 200_000].map((b) => gate.open(b))).toEqual([true, false, false, true]);
  });
});
