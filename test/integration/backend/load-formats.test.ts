import { describe, expect, it } from 'vitest';
import { generateExports, DEMO_FILES } from '../../../electron/backend/demo/generate';
import { loadFiles } from '../../../electron/backend/import/load';
import { rawDateText, rawNumberText } from '../../../electron/backend/import/normalize';
import { DEMO_SMALL, fixture, newWorkspace } from '../../support/backend';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');

describe('each export format loads from a real-looking file', () => {
  const cases: [keyof typeof DEMO_FILES, string, string][] = [
    ['log', 'sms-subscription-log', 'subscription_log'],
    ['subscriptions', 'mobile-subscription', 'subscriptions'],
    ['address', 'mobile-address', 'contacts'],
    ['tracking', 'sms-message-tracking', 'messages'],
    ['undeliverable', 'undeliverable-sms', 'undeliverable'],
    ['dictionary', 'keyword-dictionary', 'keywords'],
    ['importFile', 'mobileconnect-import-file', 'import_rows'],
    ['contactBuilder', 'contact-builder-subscriptions', 'subscriptions'],
  ];
  for (const [key, format, table] of cases) {
    it(`${format} → ${table}`, async () => {
      const ws = await newWorkspace();
      const path = DEMO_SMALL(DEMO_FILES[key]);
      const dataRows = readFileSync(path, 'utf8').trim().split('\r\n').length - 1;
      const r = await loadFiles(ws, [{ path }]);
      const f = r.files[0]!;
      expect(f.format).toBe(format);
      expect(f.sha256).toBe(sha(path));
      expect(f.rowsLoaded + f.rowsRejected).toBe(dataRows);
      expect(ws.scalar(`SELECT COUNT(*) FROM ${table}`)).toBe(f.rowsLoaded);
      expect(f.status).toBe('loaded');
      expect(ws.dirty).toBe(true);
      const src = ws.all('SELECT * FROM sources')[0]!;
      expect(src).toMatchObject({ file_name: DEMO_FILES[key], sha256: sha(path), rows_loaded: f.rowsLoaded, rows_rejected: f.rowsRejected });
    });
  }

  it('the demo log has exactly its three malformed rows rejected or warned, by line', async () => {
    const ws = await newWorkspace();
    const r = await loadFiles(ws, [{ path: DEMO_SMALL(DEMO_FILES.log) }]);
    const f = r.files[0]!;
    expect(f.rowsRejected).toBe(2); // bad date, letters in number
    const issues = ws.all(`SELECT line, column_name, raw_value, severity, code FROM load_errors ORDER BY line`);
    expect(issues.map((i) => [i.column_name, i.raw_value, i.severity])).toEqual(
      expect.arrayContaining([
        ['LogDate', '31/31/2025 25:00', 'error'],
        ['MobileNumber', '5559990002', 'warning'],
        ['MobileNumber', '1555CALLME1', 'error'],
      ]),
    );
  });

  it('keeps raw values and leading zeros as text; extra columns as JSON', async () => {
    const ws = await newWorkspace();
    await loadFiles(ws, [{ path: fixture('mobileconnect-import-extra.csv') }]);
    const row = ws.all('SELECT * FROM import_rows ORDER BY line')[0]!;
    expect(row).toMatchObject({ line: 2, number: '15551230001', status: 'Active', keyword: 'ALERTS', extras: '{"FavouriteStore":"Austin"}' });
    expect(ws.all(`SELECT raw_value, message FROM load_errors`)).toEqual([{ raw_value: 'Maybe', message: '_Status must be Active or Unsubscribe, got "Maybe"' }]);
  });

  it('normalizes numbers and CST dates while keeping the raw text (compactly, losslessly)', async () => {
    const ws = await newWorkspace();
    await loadFiles(ws, [{ path: fixture('semicolon.csv') }, { path: fixture('garbage-dates.csv') }]);
    const rows = ws.all('SELECT number, number_raw, opt_in_at, opt_in_date_raw, log_at, log_date_raw FROM subscription_log ORDER BY source_id, line');
    expect(rows[0]).toEqual({ number: '15551230001', number_raw: null, opt_in_at: Date.parse('2025-04-23T15:05:00.000Z'), opt_in_date_raw: null, log_at: Date.parse('2025-04-23T15:05:00.000Z'), log_date_raw: null });
    expect(rows[1]).toMatchObject({ number: '15551230002', number_raw: '+1 (555) 123-0002' });
    // Canonical texts are restored exactly; anything else is stored as written.
    expect(rawNumberText(String(rows[0]!.number), null)).toBe('15551230001');
    expect(rawDateText(rows[0]!.opt_in_at as number, null)).toBe('4/23/2025 9:05:00 AM');
    expect(rows.at(-1)).toMatchObject({ log_at: Date.parse('2025-04-23T14:05:00.000Z'), log_date_raw: '2025-04-23T09:05:00-05:00' });
  });

  it('reads UTF-8 with BOM, UTF-16 LE/BE with BOM, semicolons and tabs', async () => {
    for (const [name, encoding] of [['utf8-bom.csv', 'utf-8 (BOM)'], ['utf16le-bom.csv', 'utf-16le (BOM)'], ['utf16be-bom-tab.csv', 'utf-16be (BOM)']]) {
      const ws = await newWorkspace();
      const r = await loadFiles(ws, [{ path: fixture(name!) }]);
      expect(r.files[0], name).toMatchObject({ status: 'loaded', rowsLoaded: 2, rowsRejected: 0 });
      expect(ws.scalar('SELECT encoding FROM sources')).toBe(encoding);
    }
    const ws = await newWorkspace();
    await loadFiles(ws, [{ path: fixture('utf16le-bom.csv') }]);
    expect(ws.scalar(`SELECT subscriber_key FROM subscription_log WHERE line = 3`)).toBe('SKé');
  });

  it('cites the physical line of records that follow quoted fields with embedded newlines', async () => {
    const ws = await newWorkspace();
    const r = await loadFiles(ws, [{ path: fixture('multiline.csv') }]);
    expect(r.files[0]).toMatchObject({ rowsLoaded: 3, rowsRejected: 0 });
    expect(ws.all('SELECT line, message_text FROM messages ORDER BY line')).toEqual([
      { line: 2, message_text: 'JOIN' },
      { line: 3, message_text: 'Thanks!\r\nReply STOP to end,\r\nHELP for help' },
      { line: 6, message_text: 'stop "please"' },
    ]);
  });

  it('fast and plain sql.js binding store identical rows (non-ASCII, NULLs, integers)', async () => {
    const dump = async () => {
      const ws = await newWorkspace();
      await loadFiles(ws, [{ path: fixture('utf16le-bom.csv') }, { path: fixture('multiline.csv') }]);
      return JSON.stringify([ws.all('SELECT * FROM subscription_log'), ws.all('SELECT * FROM messages')]);
    };
    const fast = await dump();
    process.env.OPTTRACE_PLAIN_BIND = '1';
    try {
      expect(await dump()).toBe(fast);
    } finally {
      delete process.env.OPTTRACE_PLAIN_BIND;
    }
    expect(fast).toContain('SKé');
  });

  it('matches lowercase headers with a leading underscore', async () => {
    const ws = await newWorkspace();
    const r = await loadFiles(ws, [{ path: fixture('lowercase-headers.csv') }]);
    expect(r.files[0]).toMatchObject({ format: 'sms-subscription-log', rowsLoaded: 1 });
  });

  it('accepts LastBounceDate in place of HoldDate', async () => {
    const ws = await newWorkspace();
    await loadFiles(ws, [{ path: fixture('undeliverable-lastbounce.csv') }]);
    expect(ws.all('SELECT hold_at, hold_column FROM undeliverable')).toEqual([{ hold_at: Date.parse('2025-04-20T15:00:00.000Z'), hold_column: 'LastBounceDate' }]);
  });

  it('loads a freshly generated export set together, deterministically', async () => {
    const a = generateExports(mkdtempSync(join(tmpdir(), 'ot-a-')), { numbers: 50, seed: 9 });
    const b = generateExports(mkdtempSync(join(tmpdir(), 'ot-b-')), { numbers: 50, seed: 9 });
    expect(readFileSync(a.log)).toEqual(readFileSync(b.log));
    const ws = await newWorkspace();
    const r = await loadFiles(ws, Object.values(a).map((path) => ({ path })));
    expect(r.files.map((f) => f.status)).toEqual(Array(8).fill('loaded'));
    expect(ws.summary().sources).toHaveLength(8);
    expect(Number(ws.scalar('SELECT COUNT(*) FROM codes'))).toBe(2);
  });

  it('merges codes from what they held, the dictionary and each tracking file’s combinations (parse worker and in-thread)', async () => {
    const files = generateExports(mkdtempSync(join(tmpdir(), 'ot-codes-')), { numbers: 10_000, seed: 3 });
    const ws = await newWorkspace();
    await loadFiles(ws, [{ path: files.tracking }]);
    await loadFiles(ws, [{ path: files.dictionary }, { path: DEMO_SMALL('sms_message_tracking.csv') }]);
    const codes = (): unknown[] => ws.all('SELECT code, code_id, type, country, source_id, line FROM codes ORDER BY code');
    // What one statement over every message computes (the previous way, which blocked ~1 s per million).
    const full = ws.all(`SELECT code, MIN(code_id) AS code_id, CASE WHEN LENGTH(code) <= 8 THEN 'short' ELSE 'long' END AS type,
        MIN(country) AS country, MIN(source_id) AS source_id, MIN(line) AS line
      FROM (SELECT code, code_id, country, source_id, line FROM keywords
            UNION ALL SELECT short_code, code_id, NULL, source_id, line FROM messages WHERE short_code IS NOT NULL)
      GROUP BY code ORDER BY code`);
    expect(full.length).toBeGreaterThanOrEqual(2);
    expect(codes()).toEqual(full);
    expect(Number(ws.scalar('SELECT COUNT(*) FROM messages'))).toBeGreaterThan(16_384);
  });
});
