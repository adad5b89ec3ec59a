import { describe, expect, it } from 'vitest';
import { TextDecoderStream } from '../../../electron/backend/import/text-decode';

const bytes = (...parts: (string | number[])[]): Uint8Array[] => parts.map((p) => (typeof p === 'string' ? new TextEncoder().encode(p) : new Uint8Array(p)));
function decodeAll(chunks: Uint8Array[]): string {
  const d = new TextDecoderStream('utf-8');
  let offset = 0;
  let out = '';
  for (const c of chunks) {
    out += d.decode(c, offset);
    offset += c.length;
  }
  return out + d.decode(new Uint8Array(0), offset, true);
}

describe('TextDecoderStream (UTF-8)', () => {
  it('reads ASCII chunks directly, strips a BOM, and hands over to the decoder at the first other byte', () => {
    expect(decodeAll(bytes([0xef, 0xbb, 0xbf], 'a,b\n'))).toBe('a,b\n'); // a BOM alone in the first chunk is dropped
    expect(decodeAll(bytes([0xef, 0xbb, 0xbf, 0x61, 0x0a], 'b\n'))).toBe('a\nb\n');
    const cafe = new TextEncoder().encode('Café ☕');
    expect(decodeAll([...bytes('ab\n'), cafe.subarray(0, 4), cafe.subarray(4, 8), cafe.subarray(8), ...bytes('cd\n')])).toBe('ab\nCafé ☕cd\n');
  });

  it('still refuses invalid UTF-8 after ASCII chunks, and a character cut off at the end', () => {
    expect(() => decodeAll(bytes('ascii\n', [0x61, 0xff, 0x62]))).toThrow(/not valid UTF-8 text \(invalid byte sequence between bytes 7 and 9\)/);
    expect(() => decodeAll(bytes('ascii\n', [0x61, 0xc3]))).toThrow(/not valid UTF-8/);
  });
});
