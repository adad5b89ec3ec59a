/** `opttrace load` and `opttrace explain` over the real backend (sql.js, importers, engine). */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCapture } from '../../support/run-cli';

const ROOT = join(__dirname, '..', '..', '..');
const DEMO = join(ROOT, 'assets', 'demo');
const demoFiles = readdirSync(DEMO).filter((f) => f.endsWith('.csv')).map((f) => join(DEMO, f));
const dir = mkdtempSync(join(tmpdir(), 'opttrace-cli-ws-'));
const ws = join(dir, 'demo.sqlite');

const cli = (...argv: string[]) => runCapture(argv);

describe('opttrace load', () => {
  beforeAll(async () => {
    const r = await cli('load', ...demoFiles, '--save', ws);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 60_000);

  it('loads every demo export, names rejected rows with line and value, and saves the workspace', async () => {
    const r = await cli('load', join(DEMO, 'sms_subscription_log.csv'), '--save', join(dir, 'log.sqlite'), '--json');
    const doc = JSON.parse(r.stdout);
    expect(doc.format).toBe('opttrace-load@1');
    expect(doc.files[0]).toMatchObject({ format: 'sms-subscription-log', status: 'loaded' });
    expect(doc.files[0].rowsRejected).toBeGreaterThan(0);
    expect(doc.files[0].errors.some((e: { line: number; value: string }) => e.line > 1 && e.value)).toBe(true);
    expect(existsSync(join(dir, 'log.sqlite'))).toBe(true);
  });

  it('exits 1 and writes nothing when no file loads', async () => {
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const out = join(dir, 'never.sqlite');
    const r = await cli('load', empty, '--save', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Nothing was loaded');
    expect(existsSync(out)).toBe(false);
  });

  it('usage errors exit 2', async () => {
    expect((await cli('load', '--save', ws)).code).toBe(2);
    expect((await cli('load', demoFiles[0]!)).stderr).toContain('--save');
  });
});

describe('opttrace explain', () => {
  it('explains a demo number typed in any format, citing rule, article, file and line', async () => {
    const r = await cli('explain', '+1 (555) 010-0343', '--workspace', ws);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('15550100343');
    expect(r.stdout).toMatch(/Code 12345: (allowed|blocked-explicit|blocked-implicit|unknown)/);
    expect(r.stdout).toMatch(/evidence: \S+\.csv line \d+/);
    expect(r.stdout).toMatch(/Salesforce/);
  });

  it('an assumption flip changes the explanation (--assume)', async () => {
    const a = JSON.parse((await cli('explain', '15550100343', '--workspace', ws, '--json')).stdout);
    const b = JSON.parse((await cli('explain', '15550100343', '--workspace', ws, '--json', '--assume', 'customStopCodeWide=false')).stdout);
    expect(a.format).toBe('opttrace-explain@1');
    expect(a.codes[0].verdict).not.toBe(b.codes[0].verdict);
  });

  it('loads CSV files directly when no workspace is given', async () => {
    const r = await cli('explain', '5550100343', ...demoFiles);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Code 12345');
  }, 60_000);

  it('refuses a file that is not a workspace, and an unknown number, with exit 2', async () => {
    const bogus = join(dir, 'bogus.sqlite');
    writeFileSync(bogus, 'not a database');
    const r = await cli('explain', '15550100343', '--workspace', bogus);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not an OptTrace workspace');
    const u = await cli('explain', '19999999999', '--workspace', ws);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('No loaded export mentions 19999999999');
  });
});
