import { describe, expect, it } from 'vitest';
import { RecordBytes } from '../../../electron/backend/import/record-bytes';

const enc = new TextEncoder();
function hashes(text: string, newline: '\r\n' | '\n' | '\r', lines: number[], ends: number[], final = true, split = 7): Int32Array | false {
  const rb = new RecordBytes(newline);
  const bytes = enc.encode(text);
  for (let i = 0; i < bytes.length; i += split) rb.append(bytes.subarray(i, i + split));
  const out = new Int32Array(lines.length * 2);
  return rb.hash(lines, ends, final, out) && out;
}
const pair = (h: Int32Array, i: number): string => `${h[i * 2]},${h[i * 2 + 1]}`;

describe('RecordBytes', () => {
  it('hashes each record over its own bytes: identical lines alike, anything else apart', () => {
    const text = 'h1,h2\na,b\nab,\na,b\n\nq,"x\ny"\na,b';
    const h = hashes(text, '\n', [2, 3, 4, 6, 8], [3, 4, 5, 8, 9]);
    expect(h).not.toBe(false);
    const hs = h as Int32Array;
    expect(pair(hs, 0)).toBe(pair(hs, 2));
    expect(pair(hs, 0)).toBe(pair(hs, 4)); // the last line has no line break
    expect(pair(hs, 0)).not.toBe(pair(hs, 1));
    expect(new Set([0, 1, 3].map((i) => pair(hs, i))).size).toBe(3);
  });

  it('ignores the line break itself (CRLF, CR) and works across chunk boundaries', () => {
    const crlf = hashes('h\r\nsame row\r\nsame row\r\n', '\r\n', [2, 3], [3, 4], true, 3) as Int32Array;
    const lf = hashes('h\nsame row\nsame row', '\n', [2, 3], [3, 4]) as Int32Array;
    const cr = hashes('h\rsame row\rsame row\r', '\r', [2, 3], [3, 4], true, 1) as Int32Array;
    expect(pair(crlf, 0)).toBe(pair(crlf, 1));
    expect(pair(crlf, 0)).toBe(pair(lf, 0));
    expect(pair(cr, 1)).toBe(pair(lf, 1));
  });

  it('says so when the line numbers do not match the bytes', () => {
    expect(hashes('h\na\n', '\n', [2, 5], [3, 6])).toBe(false);
    expect(hashes('h\na', '\n', [2], [3], false)).toBe(false); // not final: the record is incomplete
  });
});
