import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../electron/backend/import/load';
import { loadErrorsCsv } from '../../../electron/backend/import/load-errors-csv';
import { DEMO_SMALL, fixture, fingerprint, newWorkspace } from '../../support/backend';

/** Loads the demo log first so "nothing changed" is checked against a non-empty workspace. */
async function seeded() {
  const ws = await newWorkspace();
  await loadFiles(ws, [{ path: DEMO_SMALL('sms_subscription_log.csv') }]);
  ws.dirty = false;
  return ws;
}

describe('a whole-file failure gives ONE clear message and changes nothing', () => {
  const cases: [string, string, RegExp][] = [
    ['empty.csv', 'empty', /empty \(0 bytes\): nothing to load/],
    ['binary.bin', 'binary', /not a text CSV file: it contains a NUL byte at byte \d+/],
    ['invalid-utf8.csv', 'encoding', /not valid UTF-8 text \(invalid byte sequence between bytes 1 and \d+\)/],
    ['unknown-format.csv', 'unknown-format', /^unknown-format\.csv: Unrecognised export: the header \(Name, Email, Favourite colour\)/],
    ['missing-columns.csv', 'missing-columns', /looks like _SMSSubscriptionLog but is missing required columns: OptOutMethodID, OptInDate\./],
  ];
  for (const [file, code, message] of cases) {
    it(`${file} → ${code}`, async () => {
      const ws = await seeded();
      const before = fingerprint(ws);
      const r = await loadFiles(ws, [{ path: fixture(file) }]);
      expect(r.ok).toBe(false);
      expect(r.files).toHaveLength(1);
      expect(r.files[0]).toMatchObject({ status: 'failed', errorCode: code, rowsLoaded: 0 });
      expect(r.files[0]!.message).toMatch(message);
      const after = fingerprint(ws);
      expect(after.counts).toEqual(before.counts);
      expect(after.bytes.equals(before.bytes)).toBe(true);
      expect(ws.dirty).toBe(false);
    });
  }

  it('a missing file is one clear failure', async () => {
    const ws = await newWorkspace();
    const r = await loadFiles(ws, [{ path: fixture('does-not-exist.csv') }]);
    expect(r.files[0]).toMatchObject({ status: 'failed', errorCode: 'internal', message: expect.stringContaining('no such file') });
  });

  it('a second load while one is running is refused (busy), the first completes', async () => {
    const ws = await newWorkspace();
    const first = loadFiles(ws, [{ path: DEMO_SMALL('sms_message_tracking.csv') }]);
    const second = await loadFiles(ws, [{ path: fixture('semicolon.csv') }]);
    expect(second.files[0]).toMatchObject({ status: 'failed', errorCode: 'busy' });
    expect((await first).ok).toBe(true);
    expect(ws.summary().sources).toHaveLength(1);
  });

  it('a header-only file is never reported as success', async () => {
    const ws = await newWorkspace();
    const r = await loadFiles(ws, [{ path: fixture('header-only.csv') }]);
    expect(r.ok).toBe(false);
    expect(r.files[0]).toMatchObject({ status: 'nothing-loaded', rowsLoaded: 0, message: expect.stringContaining('no data rows: nothing loaded') });
  });

  it('a bad file among good ones is skipped alone; the good ones load', async () => {
    const ws = await newWorkspace();
    const r = await loadFiles(ws, [{ path: fixture('semicolon.csv') }, { path: fixture('binary.bin') }, { path: fixture('utf8-bom.csv') }]);
    expect(r.files.map((f) => f.status)).toEqual(['loaded', 'failed', 'loaded']);
    expect(ws.scalar('SELECT COUNT(*) FROM sources')).toBe(2);
    expect(ws.scalar('SELECT COUNT(*) FROM subscription_log')).toBe(4);
  });
});

describe('malformed rows go to load errors; the rest loads', () => {
  it('truncated file: the cut row is rejected with its line and field count', async () => {
    const ws = await newWorkspace();
    const r = await loadFiles(ws, [{ path: fixture('truncated.csv') }]);
    expect(r.files[0]).toMatchObject({ status: 'loaded', rowsLoaded: 2, rowsRejected: 1 });
    expect(ws.all('SELECT line, code, message FROM load_errors')).toEqual([
      { line: 4, code: 'field-count', message: 'row has 4 fields; the header has 14 (truncated row?)' },
    ]);
  });

  it('unclosed quote: the damaged record is rejected, earlier rows kept', async () => {
    const ws = await newWorkspace();
    const r = await loadFiles(ws, [{ path: fixture('unclosed-quote.csv') }]);
    expect(r.files[0]).toMatchObject({ rowsLoaded: 1, rowsRejected: 1 });
    expect(ws.all('SELECT line, code FROM load_errors')).toEqual([{ line: 3, code: 'csv-malformed' }]);
  });

  it('garbage dates: row errors naming column and value; offsets honoured', async () => {
    const ws = await newWorkspace();
    const r = await loadFiles(ws, [{ path: fixture('garbage-dates.csv') }]);
    expect(r.files[0]).toMatchObject({ rowsLoaded: 2, rowsRejected: 2 });
    const errs = ws.all(`SELECT line, column_name, raw_value, message FROM load_errors WHERE column_name = 'LogDate' ORDER BY line`);
    expect(errs.map((e) => [e.line, e.raw_value])).toEqual([[3, '31/31/2025 25:00'], [4, 'not a date']]);
    expect(String(errs[0]!.message)).toContain('unreadable date "31/31/2025 25:00"');
    expect(ws.scalar('SELECT log_at FROM subscription_log WHERE line = 5')).toBe(Date.parse('2025-04-23T14:05:00.000Z'));
  });

  it('10-digit numbers load with a visible warning; letters are rejected', async () => {
    const ws = await newWorkspace();
    const r = await loadFiles(ws, [{ path: fixture('ten-digit.csv') }]);
    expect(r.files[0]).toMatchObject({ rowsLoaded: 2, rowsRejected: 2, warnings: 1 });
    expect(r.files[0]!.errors[0]).toMatchObject({ line: 2, column: 'MobileNumber', value: '5551230001', severity: 'warning', message: 'ambiguous: 10 digits without country code (kept as given; US numbers need the leading 1)' });
    expect(ws.all(`SELECT line, severity, code FROM load_errors ORDER BY line`)).toEqual([
      { line: 2, severity: 'warning', code: 'number-ambiguous' },
      { line: 4, severity: 'error', code: 'number-not-digits' },
      { line: 5, severity: 'error', code: 'number-not-digits' },
    ]);
  });

  it('duplicate rows are kept (evidence) and flagged with the line they repeat', async () => {
    const ws = await newWorkspace();
    const r = await loadFiles(ws, [{ path: fixture('duplicates.csv') }]);
    expect(r.files[0]).toMatchObject({ rowsLoaded: 4, rowsRejected: 0, warnings: 2 });
    expect(ws.all(`SELECT line, message FROM load_errors ORDER BY line`)).toEqual([
      { line: 3, message: 'identical to line 2 (kept: both rows are evidence; history merges them)' },
      { line: 5, message: 'identical to line 2 (kept: both rows are evidence; history merges them)' },
    ]);
  });

  it('a duplicate is a byte-identical record (any line break); UTF-16 files compare fields', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ot-dup-'));
    const rows = readFileSync(fixture('duplicates.csv'), 'utf8').trimEnd().split(/\r?\n/);
    const [header, row] = [rows[0]!, rows[1]!];
    const quoted = row.replace(',SK1,', ',"SK1",');
    const utf8 = join(dir, 'crlf.csv');
    writeFileSync(utf8, [header, row, quoted, row].join('\r\n')); // the last row has no line break
    const utf16 = join(dir, 'utf16.csv');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from([header, row, quoted].join('\n'), 'utf16le')]));
    const ws = await newWorkspace();
    await loadFiles(ws, [{ path: utf8 }, { path: utf16 }]);
    expect(ws.all(`SELECT s.file_name AS file, e.line, e.message FROM load_errors e JOIN sources s ON s.id = e.source_id ORDER BY s.id, e.line`)).toEqual([
      { file: 'crlf.csv', line: 4, message: 'identical to line 2 (kept: both rows are evidence; history merges them)' },
      { file: 'utf16.csv', line: 3, message: 'identical to line 2 (kept: both rows are evidence; history merges them)' },
    ]);
  });

  it('exports load errors as CSV with file, line, column, value', async () => {
    const ws = await newWorkspace();
    await loadFiles(ws, [{ path: fixture('ten-digit.csv') }]);
    const csv = loadErrorsCsv(ws).split('\r\n');
    expect(csv[0]).toBe('file,line,column,value,severity,code,message');
    expect(csv[1]).toBe('ten-digit.csv,2,MobileNumber,5551230001,warning,number-ambiguous,ambiguous: 10 digits without country code (kept as given; US numbers need the leading 1)');
    expect(csv).toHaveLength(4);
  });
});
