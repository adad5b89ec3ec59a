import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../../shared/ipc/desk-types';
import { makeBackend, ROOT } from './helpers';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'tracking-with-bad-row.csv');
const tmp = () => mkdtempSync(join(tmpdir(), 'opttrace-ws-'));

describe('workspace service', () => {
  it('starts on the demo workspace with real counts, formats and SHA-256 per source', async () => {
    const { call } = await makeBackend();
    const r = await call('workspace.summary', {});
    expect(r.ok).toBe(true);
    const s = r.ok ? (r.value as { name: string; isDemo: boolean; dirty: boolean; sources: { format: string; sha256: string; rowsLoaded: number }[]; counts: { numbers: number } }) : null;
    expect(s?.isDemo).toBe(true);
    expect(s?.dirty).toBe(false);
    expect(s?.counts.numbers).toBe(2001);
    expect(s?.sources.map((x) => x.format).sort()).toEqual([...EXPORT_FORMATS].sort());
    for (const src of s?.sources ?? []) expect(src.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('picks files through the host dialog: token, detected format and preview, never a path', async () => {
    const { call, dialogs } = await makeBackend();
    dialogs.opens.push([FIXTURE]);
    const r = await call('workspace.pickFiles', {});
    expect(r).toMatchObject({ ok: true, value: { files: [{ id: 'f1', fileName: 'tracking-with-bad-row.csv', detected: 'sms-message-tracking' }] } });
    expect(JSON.stringify(r)).not.toContain(ROOT);
    const v = r.ok ? (r.value as { files: { preview: string[][] }[] }) : null;
    expect(v?.files[0]?.preview[0]?.[1]).toBe('15559870001');
    expect(await call('workspace.pickFiles', {})).toMatchObject({ ok: true, value: { token: null, files: [] } });
  });

  it('loads with progress, rejects bad rows with line, column, value and reason, and marks the workspace dirty', async () => {
    const { call, dialogs, events } = await makeBackend();
    dialogs.opens.push([FIXTURE]);
    const pick = await call('workspace.pickFiles', {});
    const token = pick.ok ? (pick.value as { token: string }).token : '';
    const r = await call('workspace.load', { token, files: [{ id: 'f1' }] });
    expect(r).toMatchObject({ ok: true, value: { status: 'loaded', rowsLoaded: 5, rowsRejected: 1, files: [{ warnings: 1 }] } });
    expect(events.some((e) => e.event === 'load.progress')).toBe(true);
    const errors = await call('workspace.loadErrors', { offset: 0, limit: 100 });
    const rows = errors.ok ? (errors.value as { rows: { fileName: string }[] }).rows.filter((x) => x.fileName === 'tracking-with-bad-row.csv') : [];
    expect(rows).toEqual([
      expect.objectContaining({ severity: 'error', line: 6, column: 'CreateDateTime', value: '5/32/2025 10:15:00 AM', reason: expect.stringContaining('unreadable date') }),
      expect.objectContaining({ severity: 'warning', line: 7, column: 'Mobile', value: '5559870004', reason: expect.stringContaining('10 digits') }),
    ]);
    expect(await call('workspace.summary', {})).toMatchObject({ ok: true, value: { dirty: true } });
    const out = join(tmp(), 'errors.csv');
    dialogs.saves.push(out);
    expect(await call('workspace.exportLoadErrors', {})).toMatchObject({ ok: true, value: { path: out } });
    // A used token cannot be replayed.
    expect(await call('workspace.load', { token, files: [] })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('says "nothing loaded" when every row is rejected, and honours a format override', async () => {
    const { call, dialogs } = await makeBackend();
    const file = join(tmp(), 'odd.csv');
    writeFileSync(file, 'Phone,When\n123,yesterday\n');
    dialogs.opens.push([file]);
    const pick = await call('workspace.pickFiles', {});
    const token = pick.ok ? (pick.value as { token: string; files: { detected: null }[] }).token : '';
    expect(pick).toMatchObject({ ok: true, value: { files: [{ detected: null }] } });
    const r = await call('workspace.load', { token, files: [{ id: 'f1', format: 'undeliverable-sms' }] });
    expect(r).toMatchObject({ ok: true, value: { status: 'failed', rowsLoaded: 0, files: [{ format: null, message: expect.stringContaining('missing') }] } });
  });

  it('cancelling a load rolls everything back', async () => {
    const { call, dialogs, backend } = await makeBackend();
    dialogs.opens.push([FIXTURE]);
    const pick = await call('workspace.pickFiles', {});
    const token = pick.ok ? (pick.value as { token: string }).token : '';
    const before = (await backend.summary()).counts;
    const loading = call('workspace.load', { token, files: [] });
    expect(await call('workspace.cancelLoad', {})).toMatchObject({ ok: true, value: { cancelled: true } });
    expect(await loading).toMatchObject({ ok: true, value: { status: 'cancelled' } });
    expect((await backend.summary()).counts).toEqual(before);
    expect((await backend.summary()).sources).toHaveLength(8);
  });

  it('saves atomically and reopens the same workspace; a corrupt or foreign file is refused and the current one stays', async () => {
    const { call, dialogs, backend } = await makeBackend();
    const dir = tmp();
    const file = join(dir, 'review.sqlite');
    dialogs.saves.push(file);
    expect(await call('workspace.saveAs', {})).toMatchObject({ ok: true, value: { path: file, name: 'review' } });
    const counts = (await backend.summary()).counts;
    expect(await call('workspace.new', {})).toMatchObject({ ok: true, value: { name: 'Untitled workspace', counts: { numbers: 0 } } });
    dialogs.opens.push([file]);
    expect(await call('workspace.open', {})).toMatchObject({ ok: true, value: { path: file } });
    expect(await backend.summary()).toMatchObject({ name: 'review', dirty: false, counts });

    const corrupt = join(dir, 'corrupt.sqlite');
    writeFileSync(corrupt, Buffer.from('SQLite format 3\u0000 this is not really a database'.repeat(40)));
    dialogs.opens.push([corrupt]);
    const bad = await call('workspace.open', {});
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    dialogs.opens.push([FIXTURE]);
    expect(await call('workspace.open', {})).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    expect(await backend.summary()).toMatchObject({ name: 'review', counts });
  });

  it('a save that cannot be written says so and keeps the workspace marked unsaved', async () => {
    const { call, dialogs, backend } = await makeBackend();
    dialogs.opens.push([FIXTURE]);
    const pick = await call('workspace.pickFiles', {});
    const token = pick.ok ? (pick.value as { token: string }).token : '';
    expect(await call('workspace.load', { token, files: [{ id: 'f1' }] })).toMatchObject({ ok: true, value: { status: 'loaded' } });
    expect((await backend.summary()).dirty).toBe(true);
    const missing = join(tmp(), 'no-such-folder', 'review.sqlite');
    dialogs.saves.push(missing);
    const r = await call('workspace.saveAs', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('still unsaved') } });
    expect(await backend.summary()).toMatchObject({ dirty: true });
    expect(backend.isDirty).toBe(true);
  });

  it('no change can land while a save is being written: it is refused as busy, and the saved workspace is clean', async () => {
    const { call, dialogs, backend } = await makeBackend();
    const file = join(tmp(), 'busy.sqlite');
    dialogs.saves.push(file);
    const saving = call('workspace.saveAs', {});
    // The dialog answers at once; the write is still in flight when this call arrives.
    await new Promise((resolve) => setImmediate(resolve));
    expect(await call('rulebook.setAssumption', { name: 'customStopCodeWide', value: false })).toMatchObject({ ok: false, error: { code: 'busy' } });
    expect(await saving).toMatchObject({ ok: true, value: { path: file } });
    expect(backend.isDirty).toBe(false);
    expect(await call('rulebook.setAssumption', { name: 'customStopCodeWide', value: false })).toMatchObject({ ok: true });
    expect(backend.isDirty).toBe(true);
  });

  it('refuses invalid payloads before anything runs', async () => {
    const { call } = await makeBackend();
    for (const [method, payload] of [
      ['workspace.load', { token: 'x' }],
      ['workspace.load', { token: 'x', files: [{ id: 'f1', format: 'excel' }] }],
      ['workspace.load', { token: 'x', files: [], path: '/etc/passwd' }],
      ['workspace.loadErrors', { offset: -1, limit: 10 }],
      ['workspace.loadErrors', { offset: 0, limit: 100000 }],
      ['workspace.save', { path: '/tmp/x' }],
      ['workspace.open', { path: '/tmp/x' }],
    ] as const) {
      expect(await call(method, payload), method).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
  });
});
