/** With a parse worker, this thread never reads or parses the CSV: its own reader is broken here on purpose. */
import { describe, expect, it, vi } from 'vitest';
import { loadFiles } from '../../../electron/backend/import/load';
import { DEMO_SMALL, newWorkspace } from '../../support/backend';

vi.mock('../../../electron/backend/import/csv', () => ({
  CsvReader: { open: () => Promise.reject(new Error('the CSV was read on the main thread')) },
}));

describe('parse worker', () => {
  it('reads, parses and normalizes off the main thread (the bundled worker has its own reader)', async () => {
    const ws = await newWorkspace();
    const r = await loadFiles(ws, [{ path: DEMO_SMALL('sms_subscription_log.csv') }], { parseWorker: process.env.OPTTRACE_PARSE_WORKER! });
    expect(r.files[0]).toMatchObject({ status: 'loaded', format: 'sms-subscription-log' });
    expect(ws.scalar('SELECT COUNT(*) FROM subscription_log')).toBe(r.files[0]!.rowsLoaded);
  });

  it('(control) the in-thread path does use the broken reader', async () => {
    const ws = await newWorkspace();
    const r = await loadFiles(ws, [{ path: DEMO_SMALL('sms_subscription_log.csv') }], { parseWorker: false });
    expect(r.files[0]!.message).toMatch(/read on the main thread/);
  });
});
