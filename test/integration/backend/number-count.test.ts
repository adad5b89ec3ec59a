/**
 * The summary's number count (db/number-count.ts): counted in slices with a pause between them, equal to
 * the one UNION statement; a count the workspace changes under is not kept.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countNumbers, hasNumbers, NUMBERS_SQL } from '../../../electron/backend/db/number-count';
import { generateExports } from '../../../electron/backend/demo/generate';
import { loadFiles } from '../../../electron/backend/import/load';
import { makeBackend } from '../services/helpers';
import { DEMO_SMALL, newWorkspace } from '../../support/backend';

let files: ReturnType<typeof generateExports>;
beforeAll(() => {
  files = generateExports(mkdtempSync(join(tmpdir(), 'ot-count-')), { numbers: 40_000, seed: 5 });
});

describe('number count', () => {
  it('walks the four number indexes in slices to the UNION statement’s count', async () => {
    const ws = await newWorkspace();
    expect(hasNumbers(ws)).toBe(false);
    expect(await countNumbers(ws, async () => undefined)).toBe(0);
    await loadFiles(ws, [{ path: DEMO_SMALL('mobile_address.csv') }]);
    expect(hasNumbers(ws)).toBe(true);
    await loadFiles(ws, [{ path: files.log }, { path: files.tracking }, { path: files.subscriptions }]);
    const expected = Number(ws.scalar(NUMBERS_SQL));
    expect(expected).toBeGreaterThan(2 * 16_384);
    let pauses = 0;
    expect(await countNumbers(ws, async () => void pauses++)).toBe(expected);
    expect(pauses).toBe(Math.floor(expected / 16_384));
    expect(ws.summary().counts.numbers).toBe(expected);
  });

  it('a summary asked for while the workspace is replaced describes the new one', async () => {
    const { backend, call, dialogs } = await makeBackend();
    dialogs.opens.push([files.log]);
    const pick = await call('workspace.pickFiles', {});
    const { token, files: picked } = pick.ok ? (pick.value as { token: string; files: { id: string }[] }) : { token: '', files: [] };
    expect(await call('workspace.load', { token, files: picked.map(({ id }) => ({ id })) })).toMatchObject({ ok: true });
    // Counting the loaded workspace takes several slices; the new workspace replaces it after the first.
    const counting = backend.summary();
    const fresh = await backend.newWorkspace();
    expect(fresh.counts.numbers).toBe(0);
    expect((await counting).counts.numbers).toBe(0);
    expect((await backend.summary()).counts.numbers).toBe(0);
  });
});
