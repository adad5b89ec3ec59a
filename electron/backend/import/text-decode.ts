/**
 * Bytes → text for CSV exports: UTF-8 (with or without BOM) and UTF-16 LE/BE (by BOM). Anything that
 * is not text (NUL bytes, invalid UTF-8) is refused with one clear, specific error.
 */
import { TextDecoder } from 'node:util';

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

  decode(bytes: Uint8Array, offset: number, last = false): string {
    if (this.encoding === 'utf-8') {
      const nul = bytes.indexOf(0);
      if (nul !== -1) {
        throw new CsvFileError(
          'binary',
          `This is not a text CSV file: it contains a NUL byte at byte ${offset + nul + 1} (a binary file, or UTF-16 text without a byte-order mark — re-save it as UTF-8 CSV).`,
        );
      }
    }
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
