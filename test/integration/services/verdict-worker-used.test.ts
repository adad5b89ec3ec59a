/** With the verdict worker, this thread never reconstructs or replays: its own batch code is broken here on purpose. */
import { describe, expect, it, vi } from 'vitest';
import { loadFiles } from '../../../electron/backend/import/load';
import { rebuildVerdicts } from '../../../electron/backend/services/verdict-index';
import { defaultRulebook } from '../../../shared/rules';
import { DEMO_SMALL, newWorkspace } from '../../support/backend';

vi.mock('../../../electron/backend/services/verdict-rows', () => ({
  verdictRows: () => {
    throw new Error('a batch was computed on the main thread');
  },
}));

async function loaded() {
  const ws = await newWorkspace();
  const r = await loadFiles(ws, [{ path: DEMO_SMALL('sms_subscription_log.csv') }], { parseWorker: false });
  expect(r.files[0]).toMatchObject({ status: 'loaded' });
  return ws;
}

describe('verdict worker', () => {
  it('reconstructs and replays off the main thread (the bundled worker has its own copy)', async () => {
    const ws = await loaded();
    const built = await rebuildVerdicts(ws, defaultRulebook(), undefined, { worker: process.env.OPTTRACE_VERDICT_WORKER! });
    expect(built.rows).toBeGreaterThan(0);
    expect(ws.scalar('SELECT COUNT(*) FROM desk_contacts')).toBe(built.rows);
  });

  it('(control) the in-thread path does use the broken batch code', async () => {
    const ws = await loaded();
    await expect(rebuildVerdicts(ws, defaultRulebook(), undefined, { worker: false })).rejects.toThrow(/computed on the main thread/);
  });
});
