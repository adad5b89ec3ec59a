/** The bundled CLI as users run it: esbuild bundle + bin shim, spawned with node. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'electron', 'cli', 'bin.cjs');

beforeAll(async () => {
  // Built here, so this test cannot silently skip when dist/ is stale or missing.
  await build({ entryPoints: [join(ROOT, 'electron/cli/index.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: join(ROOT, 'dist/cli/opttrace.cjs'), logLevel: 'warning' });
}, 60_000);

const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });

describe('opttrace bundle', () => {
  it('replays a library scenario, exit 0', () => {
    const r = run('replay', 'assets/scenarios/ka-000381673-stop-then-imports.opttrace.json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('9/9 expectations hold');
  });
  it('replays the whole library as JSON, exit 0', () => {
    const files = ['double-opt-in-expired', 'late-optout-honoured', 'evidence-gap'].map((f) => `assets/scenarios/${f}.opttrace.json`);
    const r = run('replay', '--json', ...files);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).format)).toEqual(['opttrace-replay@1', 'opttrace-replay@1', 'opttrace-replay@1']);
  });
  it('reports a missing file with exit 2 and no stack trace', () => {
    const r = run('replay', 'nope.opttrace.json');
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('opttrace replay: nope.opttrace.json: cannot read the file (no such file)\n');
  });
  it('diff exits 1 when the runs differ', () => {
    const r = run('diff', 'assets/scenarios/journey-create-only.opttrace.json', '--assume', 'journeyResubscribes=true');
    expect(r.status).toBe(1);
  });
});
