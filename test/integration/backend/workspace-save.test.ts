/**
 * workspace.save writes the database file's live bytes (no export copy) and falls back to an export
 * when anything wrote to the database during the write: the file on disk is always one committed state.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { Workspace } from '../../../electron/backend/db/workspace';
import { loadFiles } from '../../../electron/backend/import/load';
import { writeWorkspace } from '../../../electron/backend/services/workspace-file';
import { DEMO_SMALL, newWorkspace } from '../../support/backend';

const dir = mkdtempSync(join(tmpdir(), 'opttrace-save-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const loaded = async (): Promise<Workspace> => {
  const ws = await newWorkspace();
  await loadFiles(ws, [{ path: DEMO_SMALL('sms_subscription_log.csv') }]);
  return ws;
};
const dump = (ws: Workspace): unknown => ws.all('SELECT * FROM subscription_log ORDER BY rowid');

describe('workspace save', () => {
  it('writes the live file: it reopens with every row, and the database is not copied first', async () => {
    const ws = await loaded();
    const live = ws.liveFile();
    expect(live, 'the patched sql.js glue gives the file').not.toBeNull();
    expect(Buffer.from(live!.bytes.subarray(0, 15)).toString()).toBe('SQLite format 3');
    expect(live!.untouched()).toBe(true);
    const path = join(dir, 'live.sqlite');
    const exported = vi.spyOn(ws, 'exportBytes');
    await writeWorkspace(ws, path);
    expect(exported).not.toHaveBeenCalled();
    expect(ws.dirty).toBe(false);
    const again = await Workspace.open(readFileSync(path));
    expect(again.tableCounts()).toEqual(ws.tableCounts());
    expect(dump(again)).toEqual(dump(ws));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a write during the save drops the live copy and saves an export with the write in it', async () => {
    const ws = await loaded();
    const live = ws.liveFile()!;
    ws.db.run("INSERT INTO meta (key, value) VALUES ('probe', 'x')");
    expect(live.untouched()).toBe(false);
    const path = join(dir, 'raced.sqlite');
    const exported = vi.spyOn(ws, 'exportBytes');
    const saving = writeWorkspace(ws, path);
    ws.db.run("INSERT INTO meta (key, value) VALUES ('written-during-save', 'yes')"); // before the write finished
    await saving;
    expect(exported).toHaveBeenCalledTimes(1);
    const again = await Workspace.open(readFileSync(path));
    expect(again.scalar("SELECT value FROM meta WHERE key = 'written-during-save'")).toBe('yes');
    expect(dump(again)).toEqual(dump(ws));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('gives no live file while a transaction is open (nothing half-committed is written)', async () => {
    const ws = await loaded();
    ws.db.run('BEGIN');
    ws.db.run("INSERT INTO meta (key, value) VALUES ('uncommitted', 'x')");
    expect(ws.liveFile()).toBeNull();
    ws.db.run('ROLLBACK');
    expect(ws.liveFile()).not.toBeNull();
    expect(ws.scalar("SELECT COUNT(*) FROM meta WHERE key = 'uncommitted'")).toBe(0);
  });

  it('opening takes the saved bytes into the file reservation: writes afterwards never touch the caller\'s buffer', async () => {
    const ws = await loaded();
    // A Node Buffer, as readWorkspace reads files: MEMFS's `slice` of a Buffer shares its memory.
    const bytes = Buffer.from(ws.exportBytes());
    const copy = Buffer.from(bytes);
    const opened = await Workspace.open(bytes);
    opened.db.run('CREATE TABLE grown (a TEXT)');
    opened.db.run("INSERT INTO meta (key, value) VALUES ('after-open', 'yes')");
    expect(Buffer.compare(Buffer.from(bytes), copy)).toBe(0);
    const again = await Workspace.open(bytes); // the same buffer opens again, as saved
    expect(again.scalar("SELECT COUNT(*) FROM meta WHERE key = 'after-open'")).toBe(0);
    expect(dump(again)).toEqual(dump(ws));
  });
});

