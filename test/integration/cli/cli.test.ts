/** The `opttrace` command line, run in-process through runCli. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCapture } from '../../support/run-cli';

const LIB = join(__dirname, '..', '..', '..', 'assets', 'scenarios');
const lib = (name: string): string => join(LIB, `${name}.opttrace.json`);

const MEM: Record<string, string> = {
  'bad.json': '{ "format": "opttrace-scenario@1", ',
  'v2.json': JSON.stringify({ format: 'opttrace-scenario@2' }),
  'wrong-code.json': JSON.stringify({
    format: 'opttrace-scenario@1', title: 't',
    codes: [{ code: '12345', type: 'short', country: 'US', keywords: [{ keyword: 'JOIN', kind: 'opt-in', optIn: 'single' }] }],
    events: [{ at: '2025-04-23T10:00:00Z', type: 'mo', mobileNumber: '1555', code: '1234', text: 'JOIN' }],
  }),
  'failing.json': JSON.stringify({
    format: 'opttrace-scenario@1', title: 'Failing on purpose',
    codes: [{ code: '12345', type: 'short', country: 'US', keywords: [{ keyword: 'JOIN', kind: 'opt-in', optIn: 'single' }] }],
    events: [{ at: '2025-04-23T10:00:00Z', type: 'mo', mobileNumber: '1555', code: '12345', text: 'STOP' }],
    expect: [{ mobileNumber: '1555', code: '12345', keyword: 'JOIN', status: 'OptedIn' }],
  }),
};

const cli = (...argv: string[]) => runCapture(argv, MEM);

describe('opttrace (usage)', () => {
  it('no arguments: usage on stderr, exit 2', async () => {
    const r = await cli();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: opttrace COMMAND');
  });
  it('help: usage with commands, presets and assumptions, exit 0', async () => {
    const r = await cli('help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('opttrace replay FILE... [--json] [--assume NAME=VALUE ...] [--preset NAME]');
    expect(r.stdout).toContain('opttrace diff FILE');
    expect(r.stdout).toContain('mobileconnect-legacy-stop-words');
    expect(r.stdout).toContain('journeyResubscribes = true or false (default false)');
  });
  it('unknown command: exit 2', async () => {
    expect(await cli('audit')).toMatchObject({ code: 2, stderr: 'opttrace: unknown command "audit" (known: replay, diff, load, explain, help); run "opttrace help"\n' });
  });
});

describe('opttrace replay', () => {
  it('prints steps, decisions, final state, verdicts and PASS lines; exit 0', async () => {
    const r = await cli('replay', lib('ka-000381673-stop-then-imports'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('STOP-CODE-WIDE  JOIN  OptedIn -> OptedOut  Opted out of JOIN on 12345: the subscriber texted "STOP"');
    expect(r.stdout).toMatch(/Verdicts\n {4}12345678900 {2}12345 {2}allowed {2}Sendable on 12345/);
    expect(r.stdout).toContain('PASS  at the end: flag REOPTIN-AFTER-STOP for 12345678900 raised is true');
    expect(r.stdout).toContain('9/9 expectations hold');
  });
  it('exit 1 when an expectation fails', async () => {
    const r = await cli('replay', 'failing.json');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('FAIL  at the end: 1555 JOIN on 12345 is None (expected OptedIn)');
  });
  it('--json prints one opttrace-replay@1 document per file', async () => {
    const r = await cli('replay', '--json', lib('help-keyword'), lib('double-opt-in-confirmed'));
    expect(r.code).toBe(0);
    const docs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(docs).toHaveLength(2);
    expect(Object.keys(docs[0])).toEqual(['format', 'file', 'title', 'steps', 'final', 'flags', 'expectations', 'rulebook']);
    expect(docs[0].format).toBe('opttrace-replay@1');
    expect(Object.keys(docs[0].final)).toEqual(['subscriptions', 'contacts', 'verdicts']);
    expect(docs[1].rulebook).toMatchObject({ id: 'mobileconnect-2025', preset: 'mobileconnect-2025', hash: expect.stringMatching(/^fnv1a64:/) });
  });
  it('--assume switches an assumption (and can make expectations fail)', async () => {
    const r = await cli('replay', lib('journey-resubscribes'), '--assume', 'journeyResubscribes=false');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('rulebook: mobileconnect-2025 (');
  });
  it('--preset replaces the file\'s preset', async () => {
    const r = await cli('replay', lib('legacy-stop-words-terminate'), '--preset=mobileconnect-2025');
    expect(r.code).toBe(1);
  });
  it.each([
    [['replay'], 'opttrace replay: replay needs at least one scenario file\n'],
    [['replay', 'bad.json'], 'bad.json: not valid JSON ('],
    [['replay', 'v2.json'], 'v2.json: format: unsupported format "opttrace-scenario@2": this version of OptTrace reads "opttrace-scenario@1"\n'],
    [['replay', 'wrong-code.json'], 'wrong-code.json: events[0].code: unknown code "1234" (known: 12345)\n'],
    [['replay', 'missing.json'], 'missing.json: cannot read the file (no such file)\n'],
    [['replay', lib('help-keyword'), '--assume', 'nope=1'], 'opttrace replay: unknown assumption "nope" (known: '],
    [['replay', lib('help-keyword'), '--assume', 'journeyResubscribes=maybe'], 'opttrace replay: journeyResubscribes: expected true or false, got "maybe"\n'],
    [['replay', lib('help-keyword'), '--assume'], 'opttrace replay: --assume needs a value\n'],
    [['replay', lib('help-keyword'), '--preset', 'x'], '--preset: unknown preset "x" (known: mobileconnect-2025, mobileconnect-legacy-stop-words)\n'],
    [['replay', lib('help-keyword'), '--verbose'], 'opttrace replay: unknown option --verbose\n'],
  ])('%j: exit 2 with a message and no stack trace', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
  it('keeps replaying the other files when one is invalid, exit 2', async () => {
    const r = await cli('replay', 'bad.json', lib('help-keyword'));
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('HELP keyword changes nothing');
  });
});

describe('opttrace diff', () => {
  it('shows only the subscriptions and verdicts that differ and the first divergence; exit 1', async () => {
    const r = await cli('diff', lib('journey-create-only'), '--assume', 'journeyResubscribes=true');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('A: mobileconnect-2025\n  B: mobileconnect-2025+journeyResubscribes=true');
    expect(r.stdout).toContain('First divergence: step #1 (j1, journey.sms at 2025-05-01 10:00 UTC)');
    expect(r.stdout).toMatch(/Subscriptions that differ\n {2}15551230001 {2}12345 {2}JOIN {2}A OptedOut {2}B OptedIn\n/);
    expect(r.stdout).toContain('A blocked-explicit  B allowed');
    expect(r.stdout).not.toContain('15551230002');
  });
  it('exit 0 when nothing differs', async () => {
    const r = await cli('diff', lib('help-keyword'), '--assume', 'journeyResubscribes=true');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No differences.');
  });
  it('--json', async () => {
    const r = await cli('diff', lib('legacy-stop-words-terminate'), '--preset', 'mobileconnect-2025', '--json');
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ format: 'opttrace-diff@1', same: false, a: { preset: 'mobileconnect-legacy-stop-words' }, b: { preset: 'mobileconnect-2025' } });
    // TERMINATE is only a legacy STOP word; REVOKE only a current one.
    expect(doc.subscriptions).toEqual([
      { mobileNumber: '15551230001', code: '12345', keyword: 'JOIN', a: 'OptedOut', b: 'OptedIn' },
      { mobileNumber: '15551230001', code: '67890', keyword: 'ALERTS', a: 'OptedIn', b: 'OptedOut' },
    ]);
  });
  it.each([
    [['diff', lib('help-keyword')], 'diff needs an alternative rulebook: --assume NAME=VALUE or --preset NAME'],
    [['diff', '--preset', 'mobileconnect-2025'], 'diff needs exactly one scenario file (got 0)'],
    [['diff', 'wrong-code.json', '--preset', 'mobileconnect-2025'], 'events[0].code: unknown code "1234"'],
  ])('%j: exit 2', async (argv, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
