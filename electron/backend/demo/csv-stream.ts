/** The benchmark generators' output: a big CSV written in pieces of 10,000 lines, with backpressure. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const PIECE = 10_000;

/** `header`, then line(j) for j = 0 … rows − 1 (called in order), each ending in CRLF; resolves to the bytes written. */
export async function writeRows(path: string, header: string, rows: number, line: (j: number) => string): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  const write = async (lines: readonly string[]): Promise<void> => {
    const s = `${lines.join('\r\n')}\r\n`;
    bytes += Buffer.byteLength(s);
    if (!out.write(s)) await once(out, 'drain');
  };
  await write([header]);
  for (let i = 0; i < rows; i += PIECE) {
    const lines: string[] = [];
    for (let j = i; j < Math.min(rows, i + PIECE); j++) lines.push(line(j));
    await write(lines);
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
