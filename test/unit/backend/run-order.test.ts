import { describe, expect, it } from 'vitest';
import { DOUBLE_CELL, INT_CELL, NULL_CELL, recordStarts, RowChunkEncoder, type RowChunk } from '../../../electron/backend/import/row-chunk';
import { FIRST_RUN_ROWS, MAX_RUN_BYTES, MAX_RUN_ROWS, numberSortKey, NumberRunWriter } from '../../../electron/backend/import/run-order';

/** Decodes chunks back to [table, number, line] per record, in insertion order. */
function records(chunks: readonly RowChunk[]): { table: number; number: string | null; line: number }[] {
  const out: { table: number; number: string | null; line: number }[] = [];
  const text = new TextDecoder();
  for (const ch of chunks) {
    const starts = recordStarts(ch);
    for (let r = 0; r < ch.records; r++) {
      const c = starts[r]!;
      const table = ch.cells[c]!;
      const cell = (i: number): string | number | null => {
        const a = ch.cells[c + 2 + i * 2]!;
        const b = ch.cells[c + 3 + i * 2]!;
        if (b === NULL_CELL) return null;
        if (b === INT_CELL) return a;
        if (b === DOUBLE_CELL) return ch.doubles[a]!;
        return text.decode(ch.bytes.subarray(a, a + b));
      };
      out.push({ table, line: cell(1) as number, number: cell(2) as string | null });
    }
  }
  return out;
}

describe('numberSortKey', () => {
  it('orders normalized numbers as the index (BINARY text) does', () => {
    const numbers = ['15551230002', '4412345678', '15551230001', '123456789012345', '33612345678', '1555123000'];
    const byKey = [...numbers].sort((a, b) => numberSortKey(a) - numberSortKey(b));
    expect(byKey).toEqual([...numbers].sort());
    expect(numberSortKey(null)).toBe(-1);
    expect(numberSortKey('12a')).toBe(-1);
    expect(numberSortKey('1234567890123456')).toBe(-1);
  });
});

describe('NumberRunWriter', () => {
  /** Writes `numbers` as rows (line = position + 2), with a load_errors row every `errorEvery` rows. */
  function write(numbers: readonly (string | null)[], totalBytes = 0, errorEvery = 0) {
    const out = new RowChunkEncoder();
    const runs = new NumberRunWriter(out, 0, 2, totalBytes);
    const chunks: RowChunk[] = [];
    numbers.forEach((n, i) => {
      runs.insert([1, i + 2, n, 'x']);
      if (errorEvery && i % errorEvery === 0) out.writer(1).insert([1, i + 2, 'col', 'v', 'warning', 'w', 'msg']);
      if (i % 1000 === 999) {
        runs.batchDone(((i + 1) / numbers.length) * totalBytes);
        for (const p of out.takeAll()) chunks.push(p.chunk);
      }
    });
    runs.flush();
    for (const p of out.takeAll(true)) chunks.push(p.chunk);
    return records(chunks);
  }

  it('hands on every row once; one number keeps its file order; every run is sorted by key', () => {
    let seed = 7;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const numbers = Array.from({ length: 140_000 }, () => (rnd() < 0.01 ? null : String(15550000000 + Math.floor(rnd() * 50_000))));
    const recs = write(numbers, 0, 97);
    const rows = recs.filter((r) => r.table === 0);
    expect(rows).toHaveLength(numbers.length);
    expect(new Set(rows.map((r) => r.line)).size).toBe(numbers.length);
    expect(recs.filter((r) => r.table === 1).map((r) => r.line)).toEqual(numbers.flatMap((_, i) => (i % 97 === 0 ? [i + 2] : [])));
    const lastLine = new Map<string | null, number>();
    for (const r of rows) {
      expect(r.line).toBeGreaterThan(lastLine.get(r.number) ?? 0);
      lastLine.set(r.number, r.line);
    }
    // Every run is sorted by key (ties in file order): the first (one bucket) and the sixth (32 × the
    // first, 64k rows, 8 key ranges) hold their own rows, ascending.
    const ascending = (rs: typeof rows): boolean => rs.every((r, i) => i === 0 || numberSortKey(rs[i - 1]!.number) <= numberSortKey(r.number));
    const first = rows.slice(0, FIRST_RUN_ROWS);
    expect(ascending(first)).toBe(true);
    expect(first.map((r) => r.line).sort((a, b) => a - b)).toEqual(Array.from({ length: FIRST_RUN_ROWS }, (_, i) => i + 2));
    const sixth = rows.slice(FIRST_RUN_ROWS * 31, FIRST_RUN_ROWS * 63);
    expect(ascending(sixth)).toBe(true);
    expect(Math.min(...sixth.map((r) => r.line))).toBe(FIRST_RUN_ROWS * 31 + 2);
    expect(Math.max(...sixth.map((r) => r.line))).toBe(FIRST_RUN_ROWS * 63 + 1);
    // ...and the run before it is not merged into it: the keys start over.
    expect(numberSortKey(rows[FIRST_RUN_ROWS * 31 - 1]!.number)).toBeGreaterThan(numberSortKey(sixth[0]!.number));
  });

  it('shrinks the runs near the end of the file, so few rows wait when parsing ends', () => {
    const numbers = Array.from({ length: 400_000 }, (_, i) => String(15550000000 + ((i * 7919) % 100_000)));
    const out = new RowChunkEncoder();
    const runs = new NumberRunWriter(out, 0, 2, 400_000);
    let waiting = 0;
    numbers.forEach((n, i) => {
      runs.insert([1, i + 2, n]);
      if (i % 1000 === 999) runs.batchDone(i + 1);
    });
    for (const p of out.takeAll()) waiting -= p.chunk.records;
    waiting += numbers.length;
    expect(waiting).toBeLessThan(MAX_RUN_ROWS / 4);
    runs.flush();
    expect(out.takeAll(true).reduce((n, p) => n + p.chunk.records, 0)).toBe(waiting);
  });

  it('ends a run early at MAX_RUN_BYTES, so wide rows do not pile up', () => {
    const out = new RowChunkEncoder();
    const runs = new NumberRunWriter(out, 0, 2, 0);
    const wide = 'x'.repeat(50_000);
    for (let i = 0; i < 1100; i++) runs.insert([1, i + 2, String(15550000000 + i), wide]);
    const handedOn = out.takeAll().reduce((n, p) => n + p.chunk.records, 0);
    expect(handedOn).toBe(1024); // checked every 1,024 rows: 51 MB ≥ MAX_RUN_BYTES, before FIRST_RUN_ROWS
    expect(1024 * 50_000).toBeGreaterThanOrEqual(MAX_RUN_BYTES);
    expect(1024).toBeLessThan(FIRST_RUN_ROWS);
  });
});
