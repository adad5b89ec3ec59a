/** MessageKeys: distinct combinations with their first line, whichever path (bytes or text) saw them. */
import { describe, expect, it } from 'vitest';
import { MessageKeys } from '../../../electron/backend/import/message-keys';
import { col } from '../../../electron/backend/db/tables';

const enc = new TextEncoder();
/** The spans below are the four values in order. */
const CELLS = Int32Array.of(0, 1, 2, 3);
/** The four values as one buffer with their spans (null: from -1), as ByteRows leaves them. */
function spans(values: readonly (string | null)[]): { buf: Uint8Array; view: DataView; from: Int32Array; to: Int32Array } {
  const buf = enc.encode(values.map((v) => v ?? '').join(''));
  const from = new Int32Array(4);
  const to = new Int32Array(4);
  let at = 0;
  values.forEach((v, k) => {
    const n = v === null ? 0 : enc.encode(v).length;
    from[k] = v === null ? -1 : at;
    to[k] = at + n;
    at += n;
  });
  return { buf, view: new DataView(buf.buffer), from, to };
}
const row = (values: readonly (string | null)[]): (string | null)[] => {
  const r: (string | null)[] = new Array(29).fill('x');
  (['keyword_id', 'shared_keyword', 'code_id', 'short_code'] as const).forEach((name, k) => (r[col('messages', name)] = values[k] ?? null));
  return r;
};

describe('MessageKeys', () => {
  it('keeps 200,000 distinct combinations apart (32-bit hashes collide at this count) and each one’s first line', () => {
    const m = new MessageKeys();
    const value = (i: number): (string | null)[] => [`K${i}`, i % 3 ? `KW${i % 1000}` : null, 'C', `${10_000 + (i % 50)}`];
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < 200_000; i++) {
        const s = spans(value(i));
        m.addBytes(s.buf, s.view, s.from, s.to, CELLS, 2 + pass * 200_000 + i);
      }
    }
    const list = m.list();
    expect(list).toHaveLength(200_000);
    list.forEach((k, i) => expect(k).toEqual([...value(i), 2 + i]));
  });

  it('merges what bytes and text rows saw, keeping the earlier line; NULL, empty and multibyte values stay apart', () => {
    const m = new MessageKeys();
    const a = ['K1', 'JOIN', 'C1', '12345'];
    const b = ['K1', null, 'C1', '12345'];
    const c = ['K1', 'ÉTÉ', 'C1', '12345'];
    m.addRow(row(a), 40);
    let s = spans(a);
    m.addBytes(s.buf, s.view, s.from, s.to, CELLS, 7);
    s = spans(b);
    m.addBytes(s.buf, s.view, s.from, s.to, CELLS, 9);
    m.addRow(row(b), 3);
    m.addRow(row(['K1', '', 'C1', '12345']), 11);
    s = spans(c);
    m.addBytes(s.buf, s.view, s.from, s.to, CELLS, 12);
    expect(m.list()).toEqual([[...b, 3], [...a, 7], ['K1', '', 'C1', '12345', 11], [...c, 12]]);
  });
});
