/** A CSV file written in large pieces with backpressure (the benchmark generators' output). */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

export interface CsvStream {
  /** Writes `lines` with a CRLF after each. */
  lines(lines: readonly string[]): Promise<void>;
  /** Ends the file; resolves to the bytes written. */
  end(): Promise<number>;
}

export function csvStream(path: string): CsvStream {
  const out = createWriteStream(path);
  let bytes = 0;
  return {
    async lines(lines) {
      const s = `${lines.join('\r\n')}\r\n`;
      bytes += Buffer.byteLength(s);
      if (!out.write(s)) await once(out, 'drain');
    },
    async end() {
      out.end();
      await once(out, 'finish');
      return bytes;
    },
  };
}
