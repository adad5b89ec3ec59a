/**
 * `_SMSSubscriptionLog` through the byte path (CsvReader ByteBatches + ByteRows) against the text path
 * (papaparse + mapRow): the same files must give exactly the same chunk records, in order, and counts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSubscriptionLog } from '../../../electron/backend/demo/big-log';
import { load, same } from '../../support/byte-path';

const dir = mkdtempSync(join(tmpdir(), 'byte-rows-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Lines of a generated log (header first), to be edited. */
async function logLines(rows: number, seed: number): Promise<string[]> {
  const path = join(dir, `gen-${rows}-${seed}.csv`);
  await generateSubscriptionLog(path, rows, seed);
  return readFileSync(path, 'latin1').split('\r\n').filter((l) => l !== '');
}

/** Every irregularity mapRow handles, one per line from line 40 on (so the byte path starts before them). */
const ODD: ((cells: string[]) => void)[] = [
  // Dates parsed one after another (opt-in, opt-out, log, created, modified) one byte apart, at
  // different places: the last-date cache must not take one for the other.
  (c) => {
    [c[10], c[7], c[0], c[12], c[13]] = ['1/1/2024 1:00:00 AM', '1/1/2124 1:00:00 AM', '1/1/2134 1:00:00 AM', '1/1/2134 1:00:00 PM', '2/1/2134 1:00:00 PM'];
  },
  (c) => (c[4] = '5551234567'), // 10 digits: warned
  (c) => (c[4] = '1555123456'), // 10 digits starting 1: plain
  (c) => (c[4] = '+1 (555) 301-0495'),
  (c) => (c[4] = ''),
  (c) => (c[4] = '1.5553E+10'),
  (c) => (c[4] = '1234567'),
  (c) => (c[4] = '1234567890123456'),
  (c) => (c[4] = '12345678'),
  (c) => (c[4] = '123456789012345'),
  (c) => (c[3] = ''), // no GUID
  (c) => (c[0] = '04/11/2024 7:43:24 PM'),
  (c) => (c[0] = '4/11/2024 07:43:24 PM'),
  (c) => (c[0] = '2024-04-11 19:43:24'),
  (c) => (c[0] = '2024-04-11T19:43:24Z'),
  (c) => (c[0] = '4/11/2024 19:43'),
  (c) => (c[0] = '2/29/2023 1:00:00 AM'),
  (c) => (c[0] = '2/29/2024 1:00:00 AM'),
  (c) => (c[0] = '13/1/2024 1:00:00 AM'),
  (c) => (c[0] = '4/31/2024 1:00:00 AM'),
  (c) => (c[0] = '4/11/2024 0:43:24 AM'),
  (c) => (c[0] = '4/11/2024 13:43:24 PM'),
  (c) => (c[0] = '4/11/2024 12:00:00 AM'),
  (c) => (c[0] = '4/11/2024 12:00:00 PM'),
  (c) => (c[0] = '4/11/2024 7:60:24 PM'),
  (c) => (c[0] = '4/11/2024 7:43:24 pm'),
  (c) => (c[0] = '4/11/2024 7:43:24 PM '),
  (c) => (c[0] = 'NULL'),
  (c) => (c[0] = 'yesterday'),
  (c) => (c[0] = '4/11/999 7:43:24 PM'),
  (c) => (c[7] = ''),
  (c) => (c[13] = '1/1/1970 6:00:00 AM'),
  (c) => (c[5] = '01'),
  (c) => (c[5] = '7'),
  (c) => (c[5] = '300'),
  (c) => (c[5] = 'NULL'),
  (c) => (c[5] = ' 1'),
  (c) => (c[6] = 'x'),
  (c) => (c[9] = '12'),
  (c) => (c[9] = '999'),
  (c) => (c[8] = ''),
  (c) => (c[1] = ''),
  (c) => (c[11] = ''),
  (c) => c.pop(), // a field short
  (c) => c.push('extra'), // a field more
];

describe('byte path of _SMSSubscriptionLog', () => {
  it('gives exactly the text path’s rows for a clean file, reading every batch as bytes', async () => {
    const lines = await logLines(30_000, 3);
    const r = await same(dir, 'clean.csv', lines.join('\n') + '\n');
    expect(r.loaded).toBe(30_000);
    expect(r.byteBatches).toBeGreaterThan(50);
  });

  it('leaves every irregular row to mapRow, with the same errors, warnings and raw texts', async () => {
    const lines = await logLines(6_000, 5);
    const edited = lines.map((l, i) => {
      if (i < 40 || i % 7 !== 0) return l;
      const cells = l.split(',');
      ODD[(i / 7) % ODD.length]!(cells);
      return cells.join(',');
    });
    // Duplicates, blank lines and a last line without a break.
    edited.splice(2000, 0, edited[1500]!, '', edited[1501]!);
    const r = await same(dir, 'odd.csv', edited.join('\n'));
    expect(r.byteBatches).toBeGreaterThan(5);
    expect(r.loaded).toBeLessThan(6_000);
    const crlf = await same(dir, 'odd-crlf.csv', edited.join('\r\n') + '\r\n');
    expect(crlf.byteBatches).toBeGreaterThan(5);
    // A \r before \n in an LF file stays in the last field (papaparse's split does the same).
    await same(dir, 'cr-in-lf.csv', edited.slice(0, 3000).map((l, i) => (i % 11 === 5 ? l + '\r' : l)).join('\n'));
  });

  it('reads simply quoted fields as bytes, and goes on as text from anything else', async () => {
    const base = await logLines(8_000, 9);
    /** The file with cell `col` of line `i` replaced, one edit per line. */
    const edit = (edits: [number, number, string][], lines = base): string[] =>
      lines.map((l, i) => {
        const e = edits.find(([at]) => at === i);
        if (!e) return l;
        const c = l.split(',');
        c[e[1]] = e[2];
        return c.join(',');
      });
    const dup = [...base];
    dup[6000] = dup[100]!; // a duplicate hashed as bytes first, then (after the switch below) as text: the same hash
    dup[6001] = dup[7000]!; // and one hashed as text both times
    // Quoted fields papaparse reads as a plain split does (a delimiter inside, empty, every field): bytes all along.
    const guid = base[4002]!.split(',')[3]!;
    const plainQuotes = await same(dir, 'quotes.csv', edit([[4000, 1, '"SK, quoted"'], [4001, 11, '""'], [4002, 3, `"${guid}"`]]).join('\n'));
    expect(plainQuotes.textBatches).toBe(1); // the header's batch only
    const all = await same(dir, 'all-quoted.csv', base.map((l) => l.split(',').map((c) => `"${c}"`).join(',')).join('\r\n'));
    expect(all.textBatches).toBe(1);
    expect(all.loaded).toBe(8_000);
    // Anything else: text from that chunk on, with the same result.
    const cases: [string, string | Buffer][] = [
      ['doubled-quote.csv', edit([[4000, 1, '"SK ""x"""']], dup).join('\n')],
      ['quote-spans-lines.csv', edit([[4000, 1, '"SK\nsecond line"']], dup).join('\n')],
      ['quote-unclosed.csv', edit([[4000, 1, '"SK']], dup).join('\n')],
      ['quote-then-space.csv', edit([[4000, 1, '"SK" ']], dup).join('\n')],
      ['quote-inside.csv', edit([[4000, 1, 'S"K']], dup).join('\n')],
      ['bare-lf.csv', dup.slice(0, 4000).join('\r\n') + '\n' + dup.slice(4000).join('\r\n')],
    ];
    for (const [name, text] of cases) {
      const r = await same(dir, name, text);
      expect(r.byteBatches, name).toBeGreaterThan(5);
      expect(r.textBatches, name).toBeGreaterThan(1);
      // Both duplicates found, one of them hashed as bytes, then as text (the unclosed quote swallows the rest).
      if (name !== 'quote-unclosed.csv') expect(r.warnings, name).toBeGreaterThanOrEqual(2);
    }
    // A bare \n within the first chunk: the text path's line count and the bytes part ways, so no bytes.
    expect((await same(dir, 'bare-lf-early.csv', base.slice(0, 50).join('\r\n') + '\n' + base.slice(50).join('\r\n'))).byteBatches).toBe(0);
  });

  it('reads UTF-8 as bytes too, and refuses broken files exactly as the text path does', async () => {
    const base = await logLines(6_000, 17);
    const cells = (l: string): string[] => l.split(',');
    // A multibyte character in every row, so chunk ends cut characters; some in values mapRow must see.
    const accented = base.map((l, i) => {
      if (i === 0) return l;
      const c = cells(l);
      c[1] = `SK-é€😀-${i}`;
      if (i % 97 === 0) c[4] = `1555٠${c[4]!.slice(5)}`; // an Arabic-Indic digit: not a number
      if (i % 89 === 0) c[0] = `${c[0]!}\u00a0`; // a no-break space after the date
      return c.join(',');
    });
    const r = await same(dir, 'utf8.csv', Buffer.from(accented.join('\n'), 'utf8'));
    expect(r.textBatches).toBe(1);
    expect(r.loaded).toBeLessThan(6_000);
    const refused = async (name: string, bytes: Buffer, code: string): Promise<void> => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      await expect(load(path, false), name).rejects.toMatchObject({ code });
      await expect(load(path, true), name).rejects.toMatchObject({ code });
    };
    const text = Buffer.from(base.join('\n'), 'utf8');
    const at = text.indexOf('\n', 500_000) + 3;
    await refused('invalid-utf8.csv', Buffer.concat([text.subarray(0, at), Buffer.from([0xc3, 0x28]), text.subarray(at)]), 'encoding');
    await refused('cut-at-end.csv', Buffer.concat([text, Buffer.from([0xe2, 0x82])]), 'encoding');
    await refused('nul.csv', Buffer.concat([text.subarray(0, at), Buffer.from([0]), text.subarray(at)]), 'binary');
  });

  it('reads other layouts: semicolons, a BOM, reordered and missing optional columns; extra columns stay text', async () => {
    const lines = await logLines(5_000, 13);
    expect((await same(dir, 'semi.csv', lines.map((l) => l.replaceAll(',', ';')).join('\n'))).byteBatches).toBeGreaterThan(5);
    expect((await same(dir, 'bom.csv', '\uFEFF' + lines.join('\n'))).byteBatches).toBeGreaterThan(5);
    const order = [4, 3, 0, 5, 6, 7, 8, 9, 10, 1]; // no MobileSubscriptionID, Source, CreatedDate, ModifiedDate
    const reordered = lines.map((l) => {
      const c = l.split(',');
      return order.map((k) => c[k]).join(',');
    });
    const r = await same(dir, 'reordered.csv', reordered.join('\n'));
    expect(r.byteBatches).toBeGreaterThan(5);
    expect(r.loaded).toBe(5_000);
    expect((await same(dir, 'extras.csv', lines.map((l, i) => l + (i === 0 ? ',Note' : ',n' + (i % 3))).join('\n'))).byteBatches).toBe(0);
  });
});
