/**
 * Opening a saved workspace reads the file straight into sql.js's file growth reservation, which the
 * database keeps as its file (no copy after the read); bytes anybody else may hold are still copied.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RESERVE_BYTES } from '../../../electron/backend/db/sqljs-glue';
import { Workspace } from '../../../electron/backend/db/workspace';
import { loadFiles } from '../../../electron/backend/import/load';
import { readWorkspace, writeWorkspace } from '../../../electron/backend/services/workspace-file';
import { DEMO_SMALL, newWorkspace } from '../../support/backend';

const dir = mkdtempSync(join(tmpdir(), 'opttrace-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const dump = (ws: Workspace): unknown => ws.all('SELECT * FROM subscription_log ORDER BY rowid');

describe('workspace open', () => {
  it('keeps the bytes it read as the database file, which then grows in place', async () => {
    const ws = await newWorkspace();
    await loadFiles(ws, [{ path: DEMO_SMALL('sms_subscription_log.csv') }]);
    const path = join(dir, 'a.sqlite');
    await writeWorkspace(ws, path);
    const opened = await readWorkspace(path);
    expect(dump(opened)).toEqual(dump(ws));
    const file = opened.liveFile()!.bytes;
    expect(file.buffer.byteLength).toBe(RESERVE_BYTES);
    // Rows appended after the open land in the same buffer: nothing was moved.
    await loadFiles(opened, [{ path: DEMO_SMALL('mobile_address.csv') }]);
    expect(opened.liveFile()!.bytes.buffer).toBe(file.buffer);
  });

  it('adopts a reservation-sized buffer only when told the bytes are its own', async () => {
    const ws = await newWorkspace();
    await loadFiles(ws, [{ path: DEMO_SMALL('sms_subscription_log.csv') }]);
    const saved = ws.exportBytes();
    const space = new ArrayBuffer(RESERVE_BYTES);
    const bytes = Buffer.from(space, 0, saved.length);
    bytes.set(saved);
    const owned = await Workspace.open(bytes, { ownsBytes: true });
    expect(owned.liveFile()!.bytes.buffer).toBe(space);
    const shared = await Workspace.open(bytes);
    expect(shared.liveFile()!.bytes.buffer).not.toBe(space);
    expect(dump(shared)).toEqual(dump(ws));
    expect(dump(owned)).toEqual(dump(ws));
  });
});
