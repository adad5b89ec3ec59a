/**
 * `_SMSMessageTracking`, `_MobileSubscription` and `_MobileAddress` through the byte path (their byte
 * plans) against the text path (papaparse + mapRow): every record, error, warning and count the same.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateExports } from '../../../electron/backend/demo/generate';
import { same } from '../../support/byte-path';

const dir = mkdtempSync(join(tmpdir(), 'byte-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files: ReturnType<typeof generateExports>;
beforeAll(() => {
  files = generateExports(join(dir, 'gen'), { numbers: 4_000, seed: 11 });
});

const linesOf = (path: string): string[] => readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l !== '');

/** The file with every 5th line from line 40 on edited by the next of `odd` (cells split on commas: no quoted cells). */
function edited(lines: readonly string[], odd: readonly ((c: string[]) => void)[]): string {
  let k = 0;
  return lines
    .map((l, i) => {
      if (i < 40 || i % 5 !== 0) return l;
      const c = l.split(',');
      odd[k++ % odd.length]!(c);
      return c.join(',');
    })
    .join('\n');
}

/** Date texts mapRow reads, rejects or keeps raw, for a date cell at `at`. */
const DATES = (at: number): ((c: string[]) => void)[] =>
  [
    '', '3/15/2025 2:42:36 AM', '03/15/2025 2:42:36 AM', '2025-03-15 02:42:36', '2025-03-15 02:42', '2025-03-15', '2025-03-15T02:42:36.5',
    '2025-03-15 02:42:36,1234567', '2025-03-15 02:42:36.12345678', '2025-03-15 02:42:36.', '2025-03-15 02:42:36Z', '2025-03-15 02:42:36 -05:00',
    '2025-02-29 01:00:00', '2024-02-29 01:00:00', '2025-13-01 00:00:00', '2025-04-31 00:00:00', '2025-03-15 24:00:00', '2025-03-15 23:60:00',
    '2025-03-15 23:59:60', '2025-3-15 02:42:36', ' 2025-03-15 02:42:36', '2025-03-15  02:42:36', '2025-03-15 02:42:36.000 ', 'NULL', 'soon',
    '0999-12-31 23:59:59.999', '2025-03-15 2:42:36', '2025-03-15 02:42:3',
  ].map((v) => (c: string[]) => void (c[at] = v));

/** Number texts: plain, warned, rejected. */
const NUMBERS = (at: number): ((c: string[]) => void)[] =>
  ['5551234567', '1555123456', '+1 (555) 301-0495', '', '1.5553E+10', '1234567', '1234567890123456', '12345678', '123456789012345'].map(
    (v) => (c: string[]) => void (c[at] = v),
  );

const FIELD_COUNT = [(c: string[]) => void c.pop(), (c: string[]) => void c.push('extra')];

describe('byte plans of other formats', () => {
  it('_SMSMessageTracking: a clean file is read as bytes, record for record as mapRow reads it', async () => {
    const lines = linesOf(files.tracking);
    // The generator's last row is malformed ("yesterday"): that one goes to mapRow.
    const r = await same(dir, 'tracking.csv', lines.join('\r\n') + '\r\n');
    expect(r.textBatches).toBe(1); // the header's batch only
    expect(r.byteBatches).toBeGreaterThan(3);
    expect(r.loaded).toBe(lines.length - 2);
  });

  it('_SMSMessageTracking: every irregular value goes to mapRow, with the same errors, warnings and raw texts', async () => {
    const lines = linesOf(files.tracking);
    const odd: ((c: string[]) => void)[] = [
      ...DATES(12),
      ...NUMBERS(1),
      ...['True', 'false', 'Y', '', '2', '10', ' 1', 'NULL', '0'].map((v) => (c: string[]) => void (c[7] = v)),
      (c) => (c[6] = ''), // no message text: NULL
      (c) => (c[6] = '"Reply STOP, or HELP for help"'), // quoted, a delimiter inside
      (c) => (c[6] = 'Café ✓ 😀'),
      (c) => (c[3] = ''),
      (c) => (c[13] = ''),
      ...FIELD_COUNT,
    ];
    const r = await same(dir, 'tracking-odd.csv', edited(lines, odd));
    expect(r.byteBatches).toBeGreaterThan(3);
    expect(r.warnings).toBeGreaterThan(5);
    expect(r.loaded).toBeLessThan(lines.length - 1);
  });

  it('_SMSMessageTracking: the columns of another account (ModifiedDateTime, ActionDateTime, Description…) and none optional', async () => {
    const lines = linesOf(files.tracking);
    const more = lines.map((l, i) => (i === 0 ? l + ',ModifiedDateTime,ActionDateTime,Description,ConversationID' : `${l},${i % 4 ? '2025-03-16 01:00:00.000' : ''},${i % 3 ? '4/1/2025 1:00:00 PM' : ''},Delivered ${i % 5},`));
    expect((await same(dir, 'tracking-more.csv', more.join('\n'))).byteBatches).toBeGreaterThan(3);
    const least = lines.map((l) => {
      const c = l.split(',');
      return [c[1], c[6], c[7], c[8], c[12]].join(',');
    });
    const r = await same(dir, 'tracking-least.csv', least.join('\n'));
    expect(r.byteBatches).toBeGreaterThan(2);
    expect(r.loaded).toBe(lines.length - 2);
  });

  it('_MobileSubscription: constants, codes and dates as mapRow writes them', async () => {
    const lines = linesOf(files.subscriptions);
    expect((await same(dir, 'subs.csv', lines.join('\n'))).textBatches).toBe(1);
    const odd: ((c: string[]) => void)[] = [
      ...DATES(4),
      ...NUMBERS(1),
      (c) => (c[0] = ''), // no GUID: rejected
      ...['01', '7', '300', 'NULL', ' 1', 'x', ''].map((v) => (c: string[]) => void (c[2] = v)),
      ...['999', '12', ''].map((v) => (c: string[]) => void (c[6] = v)),
      (c) => (c[10] = ''),
      ...FIELD_COUNT,
    ];
    const r = await same(dir, 'subs-odd.csv', edited(lines, odd));
    expect(r.byteBatches).toBeGreaterThan(2);
    expect(r.warnings).toBeGreaterThan(5);
  });

  it('_MobileAddress: status codes, names in UTF-8 and query-extract dates', async () => {
    const lines = linesOf(files.address);
    expect((await same(dir, 'address.csv', lines.join('\n'))).textBatches).toBe(1);
    const odd: ((c: string[]) => void)[] = [
      ...DATES(6),
      ...NUMBERS(2),
      ...['9', '', '02', 'x'].map((v) => (c: string[]) => void (c[3] = v)),
      (c) => (c[8] = 'Zoë'),
      (c) => (c[8] = ''),
      ...FIELD_COUNT,
    ];
    const r = await same(dir, 'address-odd.csv', edited(lines, odd));
    expect(r.byteBatches).toBeGreaterThan(2);
    expect(r.warnings).toBeGreaterThan(5);
  });
});
