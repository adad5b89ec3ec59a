/**
 * The verdict build's evidence stream: a batch packed for the worker (each column read from the wasm
 * heap as stored: db/column-bytes.ts) unpacks to exactly the values `Statement.get` gives the in-thread
 * build — numbers, ids, dates in ms, NULLs, ASCII and non-ASCII texts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { columnReader } from '../../../electron/backend/db/column-bytes';
import { unpackTexts, unpackValues, type PackedTexts, type PackedValues } from '../../../electron/backend/db/evidence-batch';
import { EvidenceStream } from '../../../electron/backend/db/evidence-stream';
import { loadFiles } from '../../../electron/backend/import/load';
import { DEMO_SMALL, newWorkspace } from '../../support/backend';

const dir = mkdtempSync(join(tmpdir(), 'evidence-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('evidence stream', () => {
  it('packs for the worker exactly the values it reads for itself', async () => {
    const ws = await newWorkspace();
    const files = ['keyword_dictionary.csv', 'sms_subscription_log.csv', 'mobile_subscription.csv', 'sms_message_tracking.csv', 'undeliverable_sms.csv', 'mobile_address.csv', 'mobileconnect_import.csv'];
    for (const f of files) await loadFiles(ws, [{ path: DEMO_SMALL(f) }]);
    const odd = join(dir, 'odd.csv');
    writeFileSync(odd, [
      'MobileMessageTrackingID,Mobile,KeywordID,CodeID,SharedKeyword,ShortCode,MessageText,Inbound,Outbound,CreateDateTime',
      '1,15550100000,,C1,,12345,"Café ✓ 😀, ok",1,0,2025-03-15 02:42:36.250',
      '2,15550100001,K,C1,JOIN,12345,,0,1,3/15/2025 2:42:36 AM',
      `3,15550100002,K,C1,JOIN,12345,${'long text '.repeat(40)},1,0,2025-03-15 02:42:36`,
    ].join('\n'));
    await loadFiles(ws, [{ path: odd }]);
    expect(columnReader(ws), 'the patched glue gives the heap').toBeDefined();
    const plain = new EvidenceStream(ws);
    const packed = new EvidenceStream(ws);
    let batches = 0;
    for (;;) {
      const a = plain.next(4, false);
      const b = packed.next(4, true);
      expect(b.count).toBe(a.count);
      if (a.count === 0) break;
      batches++;
      expect(unpackTexts(b.raw.numbers as PackedTexts)).toEqual(a.raw.numbers);
      expect(b.raw.tables.map((t) => ({ ...t, values: unpackValues(t.values as PackedValues) }))).toEqual(a.raw.tables);
    }
    expect(batches).toBeGreaterThan(5);
    expect(packed.rowsRead).toBe(plain.rowsRead);
    plain.close();
    packed.close();
  });
});
