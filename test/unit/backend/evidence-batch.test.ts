import { describe, expect, it } from 'vitest';
import { evidenceBatch, packTexts, unpackTexts, unpackValues, ValuePacker } from '../../../electron/backend/db/evidence-batch';

describe('evidence batches packed for the verdict worker', () => {
  it('texts come back exactly: empty, ASCII, accents, emoji, and enough of them to grow the buffers', () => {
    const texts = ['', 'JOIN', 'Désinscription', 'STOP 🛑', 'ß'.repeat(40_000), ...Array.from({ length: 5_000 }, (_, i) => `SK${i}`)];
    expect(unpackTexts(packTexts(texts))).toEqual(texts);
  });

  it('values keep their kind and order: NULL, integers, doubles, texts, blobs', () => {
    const values = [null, 0, -1, 1732579200000, 0.5, '', 'OptIn', null, new Uint8Array([1, 2, 3]), 'é', 2 ** 53 - 1];
    const p = new ValuePacker();
    for (const v of values) p.push(v);
    expect(unpackValues(p.pack())).toEqual(values);
  });

  it('rows are grouped by number, cite their file, and a number’s rows are put in evidence order', () => {
    const cols = ['number', 'source_id', 'line', 'log_at', 'opt_in_at', 'opt_out_at'];
    const p = new ValuePacker();
    for (const v of ['15550000001', 1, 9, 2000, null, null, '15550000001', 1, 3, 1000, null, null, '15550000002', 2, 5, null, null, 500]) p.push(v);
    const sources = new Map([[1, { file_name: 'a.csv', sha256: 'aa' }], [2, { file_name: 'b.csv', sha256: 'bb' }]]);
    const batch = evidenceBatch({ numbers: packTexts(['15550000001', '15550000002']), tables: [{ table: 'subscription_log', cols, counts: Uint32Array.from([2, 1]), values: p.pack() }] }, sources);
    const log = batch.get('subscription_log')!;
    expect(log.get('15550000001')!.map((r) => r.line)).toEqual([3, 9]);
    expect(log.get('15550000002')).toEqual([{ number: '15550000002', source_id: 2, line: 5, log_at: null, opt_in_at: null, opt_out_at: 500, file_name: 'b.csv', sha256: 'bb' }]);
  });
});
