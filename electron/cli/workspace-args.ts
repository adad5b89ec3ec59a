/** Options of the workspace commands (load, explain): pulls `--save X` / `--workspace X`, the rest is common. */
import { readFile } from 'node:fs/promises';
import { Workspace } from '../backend/db/workspace';
import { loadFiles, type FileLoadSummary } from '../backend/import/load';
import { WorkspaceOpenError } from '../backend/db/workspace';
import { parseCommonArgs, type CommonArgs } from './args';
import { UsageError } from './command';

export function takeOption(args: readonly string[], name: string): { value?: string; rest: string[] } {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === name || arg.startsWith(`${name}=`)) {
      const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[++i];
      if (v === undefined || v === '' || v.startsWith('--')) throw new UsageError(`${name} needs a file path`);
      value = v;
    } else rest.push(arg);
  }
  return value === undefined ? { rest } : { value, rest };
}

export const parseWith = (args: readonly string[], name: string): CommonArgs & { option?: string } => {
  const { value, rest } = takeOption(args, name);
  return { ...parseCommonArgs(rest), ...(value !== undefined ? { option: value } : {}) };
};

/** Loads CSV exports into a fresh workspace; a file that fails as a whole is a usage-level error. */
export async function loadInto(files: readonly string[]): Promise<{ ws: Workspace; files: readonly FileLoadSummary[]; ok: boolean }> {
  const ws = await Workspace.create({ name: 'cli' });
  const result = await loadFiles(ws, files.map((path) => ({ path })));
  return { ws, files: result.files, ok: result.ok };
}

export async function openWorkspaceFile(path: string): Promise<Workspace> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new UsageError(`cannot read workspace ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return await Workspace.open(bytes, { name: path });
  } catch (error) {
    if (error instanceof WorkspaceOpenError) throw new UsageError(`${path}: ${error.message}`);
    throw error;
  }
}

export const fileLine = (f: FileLoadSummary): string =>
  `${f.fileName}  ${f.format ?? 'unknown format'}  ${f.status}  ${f.rowsLoaded} loaded, ${f.rowsRejected} rejected, ${f.warnings} warning${f.warnings === 1 ? '' : 's'}  sha256 ${f.sha256.slice(0, 16)}…${f.message ? `\n    ${f.message}` : ''}`;
