/**
 * Picking and loading export files. The renderer only ever sees a token and file ids; paths stay here.
 * Loading is the loader's `loadFiles` (one transaction, rolled back on cancel or failure); this
 * module turns its result into the honest summary the Workspace view shows.
 */
import { randomUUID } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import Papa from 'papaparse';
import type { ExportFormat, LoadOutcome, LoadProgress, LoadRequest, PickedFile, PickResult } from '../../../shared/ipc/desk-types';
import type { Workspace } from '../db/workspace';
import { UserError } from '../errors';
import type { FileDialogs } from '../host';
import { detectFormat } from '../import/detect';
import { loadFiles, prewarmFor } from '../import/load';

export const CSV_FILTERS = [{ name: 'CSV exports', extensions: ['csv', 'txt'] }, { name: 'All files', extensions: ['*'] }];
const PREVIEW_BYTES = 64 * 1024;

export interface Picked { readonly id: string; readonly path: string; readonly fileName: string; readonly sizeBytes: number }

async function preview(path: string): Promise<{ header: string[]; rows: string[][] }> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(PREVIEW_BYTES);
    const { bytesRead } = await handle.read(buf, 0, PREVIEW_BYTES, 0);
    const text = buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
    const complete = bytesRead < PREVIEW_BYTES ? text : text.slice(0, text.lastIndexOf('\n') + 1);
    const parsed = Papa.parse<string[]>(complete, { header: false, skipEmptyLines: true, preview: 6 });
    const [header = [], ...rows] = parsed.data;
    return { header: header.map((h) => h.trim()), rows };
  } finally {
    await handle.close();
  }
}

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
      const { header, rows } = await preview(path).catch(() => ({ header: [] as string[], rows: [] as string[][] }));
      const detection = detectFormat(header);
      out.push({ id, fileName: basename(path), sizeBytes: info.size, detected: detection.ok ? detection.format.id : null, header, preview: rows.slice(0, 5) });
    }
    // The analyst now reads the preview: a parse worker can start meanwhile.
    prewarmFor(paths);
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

export async function loadPicked(
  ws: Workspace, files: readonly Picked[], req: LoadRequest, hooks: { signal: AbortSignal; onProgress: (p: LoadProgress) => void },
): Promise<LoadOutcome> {
  const t0 = performance.now();
  const format = (id: string): ExportFormat | undefined => req.files.find((f) => f.id === id)?.format;
  const result = await loadFiles(ws, files.map((f) => ({ path: f.path, ...(format(f.id) ? { format: format(f.id) } : {}) })), {
    signal: hooks.signal,
    onProgress: (p) => hooks.onProgress({ fileName: p.file, rows: p.rows, bytes: p.bytes, totalBytes: p.totalBytes, rowsPerSecond: p.rowsPerSecond, etaSeconds: p.etaSeconds }),
  });
  const seconds = (performance.now() - t0) / 1000;
  const out = result.files.map((f) => ({
    fileName: f.fileName, format: f.format, status: f.status, rowsLoaded: f.rowsLoaded, rowsRejected: f.rowsRejected, warnings: f.warnings, sha256: f.sha256,
    ...(f.message ? { message: f.message } : {}),
  }));
  const rowsLoaded = out.reduce((n, f) => n + f.rowsLoaded, 0);
  const rowsRejected = out.reduce((n, f) => n + f.rowsRejected, 0);
  const base = { files: out, rowsLoaded, rowsRejected, seconds };
  if (result.cancelled) return { ...base, status: 'cancelled', message: 'Loading was cancelled; the workspace is exactly as it was.', rowsLoaded: 0 };
  const failed = out.filter((f) => f.status === 'failed');
  if (rowsLoaded === 0) {
    return { ...base, status: failed.length === out.length ? 'failed' : 'nothing-loaded', message: `Nothing was loaded. ${out.map((f) => f.message).filter(Boolean).join(' ')}`.trim() };
  }
  const count = (x: number, one: string, many: string) => `${x.toLocaleString('en-US')} ${x === 1 ? one : many}`;
  const fromFiles = out.length === 1 ? '' : ` from ${out.length - failed.length} of ${out.length} files`;
  return {
    ...base,
    status: 'loaded',
    message: `Loaded ${count(rowsLoaded, 'row', 'rows')}${fromFiles}${rowsRejected ? `; ${count(rowsRejected, 'row', 'rows')} rejected` : ''}.${failed.length ? ` ${failed.map((f) => f.message).join(' ')}` : ''}`,
  };
}
