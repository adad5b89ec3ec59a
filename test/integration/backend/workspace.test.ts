import { describe, expect, it } from 'vitest';
import { Workspace, WorkspaceOpenError } from '../../../electron/backend/db/workspace';
import { SCHEMA_VERSION } from '../../../electron/backend/db/migrations';
import { openSqlJs } from '../../../electron/backend/db/sqljs';
import { loadFiles } from '../../../electron/backend/import/load';
import { DEMO_SMALL, fingerprint, newWorkspace } from '../../support/backend';

describe('workspace', () => {
  it('starts empty at the current schema version with recorded migrations', async () => {
    const ws = await newWorkspace();
    expect(ws.scalar('SELECT MAX(version) FROM schema_migrations')).toBe(SCHEMA_VERSION);
    expect(ws.summary()).toMatchObject({ name: 'test', dirty: false, schemaVersion: SCHEMA_VERSION, sources: [], counts: { numbers: 0 } });
  });

  it('save/open round trip keeps every row, and statements work after export', async () => {
    const ws = await newWorkspace();
    await loadFiles(ws, [{ path: DEMO_SMALL('sms_subscription_log.csv') }, { path: DEMO_SMALL('mobile_address.csv') }]);
    expect(ws.dirty).toBe(true);
    const { counts, bytes } = fingerprint(ws);
    ws.exportBytes();
    expect(ws.dirty).toBe(true); // only a completed write (writeWorkspace) marks it saved
    expect(ws.scalar('PRAGMA journal_mode')).toBe('memory');
    // Prepared statements were rebuilt after export(): queries still run.
    expect(ws.summary().counts.contacts).toBe(counts.contacts);
    const reopened = await Workspace.open(bytes, { name: 'reopened' });
    expect(reopened.tableCounts()).toEqual(counts);
    expect(reopened.summary().sources.map((s) => s.fileName)).toEqual(['sms_subscription_log.csv', 'mobile_address.csv']);
    // A reopened workspace can keep loading.
    const r = await loadFiles(reopened, [{ path: DEMO_SMALL('keyword_dictionary.csv') }]);
    expect(r.ok).toBe(true);
  });

  it('refuses foreign and corrupt files, leaving the current workspace untouched', async () => {
    const ws = await newWorkspace();
    await loadFiles(ws, [{ path: DEMO_SMALL('keyword_dictionary.csv') }]);
    const before = fingerprint(ws);
    const SQL = await openSqlJs();
    const foreign = new SQL.Database();
    foreign.run('CREATE TABLE notes (t TEXT)');
    const attempts: [Uint8Array, string][] = [
      [new TextEncoder().encode('hello, not a database'), 'not-sqlite'],
      [foreign.export(), 'not-opttrace'],
      [before.bytes.subarray(0, 3000), 'corrupt'],
    ];
    for (const [bytes, reason] of attempts) {
      let err: unknown;
      try {
        ws.replaceWith(bytes);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(WorkspaceOpenError);
      expect((err as WorkspaceOpenError).reason).toBe(reason);
      expect(fingerprint(ws).counts).toEqual(before.counts);
    }
    await expect(Workspace.open(new Uint8Array(10))).rejects.toThrow(/not an OptTrace workspace/);
  });
});
