/** Load errors and warnings as CSV (file, line, column, value, severity, code, message) for the analyst. */
import Papa from 'papaparse';
import { listLoadErrors } from '../db/bulk';
import type { Workspace } from '../db/workspace';

export function loadErrorsCsv(ws: Workspace, sourceId?: number): string {
  const rows = listLoadErrors(ws, sourceId).map((e) => [e.source, e.line ?? '', e.column ?? '', e.value ?? '', e.severity, e.code, e.message]);
  // Formula-looking values are prefixed so a spreadsheet does not execute them (CSV injection).
  return Papa.unparse({ fields: ['file', 'line', 'column', 'value', 'severity', 'code', 'message'], data: rows }, { escapeFormulae: true, newline: '\r\n' });
}
