/**
 * Loads a CSV file through the byte path (CsvReader ByteBatches + ByteRows) or the text path (papaparse +
 * mapRow) and compares them: the same files must give exactly the same chunk records, in the same
 * order, and the same counts (byte-rows.test.ts, byte-formats.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { CsvReader, isByteBatch } from '../../electron/backend/import/csv';
import { detectFormat } from '../../electron/backend/import/detect';
import { DOUBLE_CELL, INT_CELL, NULL_CELL, recordStarts, RowChunkEncoder, type RowChunk } from '../../electron/backend/import/row-chunk';
import { RowSink } from '../../electron/backend/import/row-sink';
import { tableRowWriter } from '../../electron/backend/import/run-order';

const utf8 = new TextDecoder();
function recordsOf(c: RowChunk): unknown[][] {
  const out: unknown[][] = [];
  const starts = recordStarts(c);
  for (let r = 0; r < c.records; r++) {
    const at = starts[r]!;
    const rec: unknown[] = [c.cells[at]];
    const n = c.cells[at + 1]!;
    for (let v = 0; v < n; v++) {
      const a = c.cells[at + 2 + v * 2]!;
      const b = c.cells[at + 3 + v * 2]!;
      rec.push(b === NULL_CELL ? null : b === INT_CELL ? a : b === DOUBLE_CELL ? c.doubles[a] : utf8.decode(c.bytes.subarray(a, a + b)));
    }
    out.push(rec);
  }
  return out;
}

export async function load(path: string, bytes: boolean) {
  const reader = await CsvReader.open(path);
  try {
    const det = detectFormat(reader.info.header);
    if (!det.ok) throw det.error;
    const enc = new RowChunkEncoder();
    const sink = new RowSink(3, det.format, det.index, tableRowWriter(enc, det.format.table, reader.info.totalBytes), enc.writer(1), reader.info.totalBytes);
    const records: unknown[][] = [];
    let byteBatches = 0;
    let textBatches = 0;
    for await (const b of reader.batches(bytes && sink.wantsBytes)) {
      if (isByteBatch(b)) byteBatches++;
      else textBatches++;
      sink.addBatch(b);
      for (const p of enc.takeAll()) records.push(...recordsOf(p.chunk));
    }
    sink.finish();
    for (const p of enc.takeAll(true)) records.push(...recordsOf(p.chunk));
    const { loaded, rejected, warnings, rowsSeen, sample } = sink;
    return { records, byteBatches, textBatches, counts: { loaded, rejected, warnings, rowsSeen, sample, sha: reader.sha256(), bytesRead: reader.bytesRead } };
  } finally {
    await reader.close();
  }
}

/** Loads `text` both ways and expects identical results; returns the byte path's batch count. */
export async function same(dir: string, name: string, text: string | Buffer): Promise<{ byteBatches: number; textBatches: number; loaded: number; records: number; warnings: number }> {
  const path = join(dir, name);
  writeFileSync(path, text);
  const asText = await load(path, false);
  const asBytes = await load(path, true);
  expect(asText.byteBatches).toBe(0);
  expect(asBytes.counts).toEqual(asText.counts);
  expect(asBytes.records.length).toBe(asText.records.length);
  for (let i = 0; i < asText.records.length; i++) if (JSON.stringify(asBytes.records[i]) !== JSON.stringify(asText.records[i])) expect([i, asBytes.records[i]]).toEqual([i, asText.records[i]]);
  return { byteBatches: asBytes.byteBatches, textBatches: asBytes.textBatches, loaded: asText.counts.loaded, records: asText.records.length, warnings: asText.counts.warnings };
}

