/**
 * Bytes → text for CSV exports: UTF-8 (with or without BOM) and UTF-16 LE/BE (by BOM). Anything that
 * is not text (NUL bytes, invalid UTF-8) is refused with one clear, specific error.
 */
import * as nodeBuffer from 'node:buffer';
import { TextDecoder } from 'node:util';

/** Node's SIMD ASCII check (Node ≥ 18.15); undefined elsewhere, and then every chunk is decoded. */
const isAscii = (nodeBuffer as { isAscii?: (b: Uint8Array) => boolean }).isAscii;
const isUtf8 = (nodeBuffer as { isUtf8?: (b: Uint8Array) => boolean }).isUtf8;
/**
 * Whether `b` is complete, valid UTF-8 (ASCII first: the common case, and cheaper); false where Node
 * lacks the checks (then nothing is read as bytes: CsvReader.batches).
 */
export const isUtf8Bytes = (b: Uint8Array): boolean => (isAscii && isUtf8 ? isAscii(b) || isUtf8(b) : false);

export class CsvFileError extends Error {
  constructor(
    readonly code: 'empty' | 'binary' | 'encoding' | 'no-header' | 'unknown-format' | 'missing-columns' | 'unterminated-quote' | 'too-large',
    message: string,
  ) {
    super(message);
    this.name = 'CsvFileError';
  }
}

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

export function sniffEncoding(first: Uint8Array): { encoding: TextEncodingName; bom: boolean } {
  if (first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (first[0] === 0xff && first[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (first[0] === 0xfe && first[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  return { encoding: 'utf-8', bom: false };
}

/** Streaming decoder that validates as it goes; `offset` is the file byte offset of `bytes`. */
export class TextDecoderStream {
  private readonly decoder: TextDecoder;
  constructor(readonly encoding: TextEncodingName) {
    this.decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: false });
  }

  /**
   * True while the TextDecoder has seen nothing, so it holds no partial character: an all-ASCII chunk
   * (nearly every export) is then read as Latin-1, its exact text, without the validating decode,
   * which cost ~0.3 s of a 157 MB file. From the first other chunk on, everything goes through it.
   */
  private clean = true;
  private first = true;

  decode(bytes: Uint8Array, offset: number, last = false): string {
    if (this.encoding === 'utf-8') {
      const nul = bytes.indexOf(0);
      if (nul !== -1) {
        throw new CsvFileError(
          'binary',
          `This is not a text CSV file: it contains a NUL byte at byte ${offset + nul + 1} (a binary file, or UTF-16 text without a byte-order mark — re-save it as UTF-8 CSV).`,
        );
      }
      if (this.clean && isAscii) {
        const bom = this.first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
        const body = bytes.subarray(bom);
        if (isAscii(body)) {
          this.first = false;
          return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1');
        }
      }
    }
    this.clean = false;
    this.first = false;
    try {
      return this.decoder.decode(bytes, { stream: !last });
    } catch {
      throw new CsvFileError(
        'encoding',
        `This file is not valid ${this.encoding.toUpperCase()} text (invalid byte sequence between bytes ${offset + 1} and ${offset + bytes.length}). Re-save it as UTF-8 CSV.`,
      );
    }
  }
}
