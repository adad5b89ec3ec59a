/**
 * Picking and loading export files. The renderer only ever sees a token and file ids; paths stay here.
 * Loading runs in slices (yielding between them) so progress can be pushed and a cancel honoured; the
 * whole load is one transaction, rolled back on cancel or failure.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ExportFormat, LoadedFile, LoadOutcome, LoadProgress, LoadRequest, PickedFile, PickResult } from '../../../shared/ipc/desk-types';
import type { DeskStore, NewEvent } from '../db/desk-store';
import { UserError } from '../errors';
import type { FileDialogs } from '../host';
import { detectFormat, formatTitle, mapRow, columnReader, missingColumns, type RowError } from './csv-formats';
import { headerOf, parseRows, slices, stripBom } from './csv-slices';

export const CSV_FILTERS = [{ name: 'CSV exports', extensions: ['csv', 'txt'] }, { name: 'All files', extensions: ['*'] }];
const PREVIEW_BYTES = 64 * 1024;

interface Picked { readonly id: string; readonly path: string; readonly fileName: string; readonly sizeBytes: number }

export class Picks {
  private readonly byToken = new Map<string, readonly Picked[]>();

  async fromPaths(paths: readonly string[]): Promise<PickResult> {
    const files: Picked[] = [];
    const out: PickedFile[] = [];
    for (const path of paths) {
      const info = await stat(path).catch(() => null);
      if (!info?.isFile()) throw new UserError('not-found', `${basename(path)} is not a readable file.`);
      const id = `f${files.length + 1}`;
      files.push({ id, path, fileName: basename(path), sizeBytes: info.size });
      const buf = await readFile(path).then((b) => b.subarray(0, PREVIEW_BYTES));
      const text = stripBom(buf.toString('utf8'));
      const { header, bodyStart } = headerOf(text);
      const body = text.slice(bodyStart);
      const preview = parseRows(body.slice(0, body.split('\n', 6).join('\n').length)).filter((r) => !(r.length === 1 && r[0] === '')).slice(0, 5);
      out.push({ id, fileName: basename(path), sizeBytes: info.size, detected: detectFormat(header), header, preview });
    }
    const token = randomUUID();
    this.byToken.set(token, files);
    return { token, files: out };
  }

  async pick(dialogs: FileDialogs): Promise<PickResult> {
    const paths = await dialogs.openFiles({ title: 'Open MobileConnect exports', filters: CSV_FILTERS, multiple: true });
    if (!paths || paths.length === 0) return { token: null, files: [] };
    return this.fromPaths(paths);
  }

  take(token: string): readonly Picked[] {
    const files = this.byToken.get(token);
    if (!files) throw new UserError('not-found', 'Those files are no longer picked; open them again.');
    this.byToken.delete(token);
    return files;
  }
}

export interface LoadHooks {
  readonly signal: AbortSignal;
  readonly onProgress: (p: LoadProgress) => void;
  readonly afterRows: () => void;
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function loadPicked(store: DeskStore, files: readonly Picked[], req: LoadRequest, hooks: LoadHooks): Promise<LoadOutcome> {
  const t0 = performance.now();
  const totalBytes = files.reduce((n, f) => n + f.sizeBytes, 0);
  let doneBytes = 0;
  let rows = 0;
  const loaded: LoadedFile[] = [];
  store.begin();
  try {
    for (const file of files) {
      const override = req.files.find((f) => f.id === file.id)?.format;
      const buf = await readFile(file.path);
      const sha256 = createHash('sha256').update(buf).digest('hex');
      const text = stripBom(buf.toString('utf8'));
      const { header, bodyStart } = headerOf(text);
      const format: ExportFormat | null = override ?? detectFormat(header);
      const sourceId = store.addSource({ fileName: file.fileName, format: format ?? 'unrecognised', sizeBytes: file.sizeBytes, sha256, loadedAt: new Date().toISOString() });
      if (!format || missingColumns(format, header).length > 0) {
        const missing = format ? missingColumns(format, header).join(', ') : '';
        store.insertErrors(sourceId, [{ line: 1, column: '(header)', value: header.join(',').slice(0, 200), reason: format ? `the header lacks ${missing} required by ${formatTitle(format)}` : 'the header matches no known MobileConnect export; choose the format by hand' }]);
        loaded.push({ fileName: file.fileName, format: format ?? 'sms-message-tracking', rowsLoaded: 0, rowsRejected: 1, sha256 });
        store.finishSource(sourceId, 0, 1);
        doneBytes += file.sizeBytes;
        continue;
      }
      const read = columnReader(header);
      let ok = 0;
      let bad = 0;
      for (const slice of slices(text, bodyStart, 2)) {
        if (hooks.signal.aborted) throw new UserError('cancelled', 'Loading was cancelled; nothing was changed.');
        const events: NewEvent[] = [];
        const current: Parameters<DeskStore['insertCurrent']>[1][number][] = [];
        const errors: RowError[] = [];
        parseRows(text.slice(slice.start, slice.end)).forEach((row, i) => {
          if (row.length === 1 && row[0]!.trim() === '') return;
          const m = mapRow(format, read, row, slice.firstLine + i);
          if (m.kind === 'event') events.push(m.event);
          else if (m.kind === 'current') current.push(m.current);
          else errors.push(m.error);
        });
        store.insertEvents(sourceId, events);
        store.insertCurrent(sourceId, current);
        store.insertErrors(sourceId, errors);
        ok += events.length + current.length;
        bad += errors.length;
        rows += events.length + current.length + errors.length;
        const bytes = doneBytes + Math.round((slice.end / text.length) * file.sizeBytes);
        const secs = (performance.now() - t0) / 1000;
        hooks.onProgress({ fileName: file.fileName, rows, bytes, totalBytes, rowsPerSecond: secs > 0 ? Math.round(rows / secs) : 0, etaSeconds: bytes > 0 ? Math.max(0, (secs * (totalBytes - bytes)) / bytes) : 0 });
        await tick();
      }
      store.finishSource(sourceId, ok, bad);
      loaded.push({ fileName: file.fileName, format, rowsLoaded: ok, rowsRejected: bad, sha256 });
      doneBytes += file.sizeBytes;
    }
    if (hooks.signal.aborted) throw new UserError('cancelled', 'Loading was cancelled; nothing was changed.');
    hooks.afterRows();
    store.commit();
  } catch (error) {
    store.rollback();
    const cancelled = error instanceof UserError && error.code === 'cancelled';
    return { status: cancelled ? 'cancelled' : 'failed', message: cancelled ? 'Loading was cancelled; the workspace is unchanged.' : `Loading failed and was rolled back: ${error instanceof Error ? error.message : String(error)}`, files: [], rowsLoaded: 0, rowsRejected: 0, seconds: (performance.now() - t0) / 1000 };
  }
  const rowsLoaded = loaded.reduce((n, f) => n + f.rowsLoaded, 0);
  const rowsRejected = loaded.reduce((n, f) => n + f.rowsRejected, 0);
  const seconds = (performance.now() - t0) / 1000;
  return rowsLoaded === 0
    ? { status: 'nothing-loaded', message: `Nothing was loaded: all ${rowsRejected} row(s) were rejected. See the rejected rows below.`, files: loaded, rowsLoaded, rowsRejected, seconds }
    : { status: 'loaded', message: `Loaded ${rowsLoaded.toLocaleString('en-US')} row(s) from ${loaded.length} file(s)${rowsRejected ? `; ${rowsRejected.toLocaleString('en-US')} rejected` : ''}.`, files: loaded, rowsLoaded, rowsRejected, seconds };
}
