/** DDL for schema version 1, generated from the table lists so columns are written down once. */
import { BULK_TABLES, type BulkTable } from './tables';

const INTEGER_COLUMNS = new Set(['source_id', 'line']);

const bulkTableSql = (name: BulkTable): string => {
  const cols = BULK_TABLES[name].map((c) =>
    c === 'source_id' ? 'source_id INTEGER NOT NULL REFERENCES sources(id)' : `${c} ${INTEGER_COLUMNS.has(c) ? 'INTEGER' : 'TEXT'}`,
  );
  return `CREATE TABLE ${name} (${cols.join(', ')})`;
};

/** Tables whose rows belong to one mobile number: indexed by the normalized number for lookups. */
export const NUMBER_TABLES = ['subscription_log', 'subscriptions', 'contacts', 'messages', 'undeliverable', 'import_rows'] as const;

export const SCHEMA_V1: readonly string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
  `CREATE TABLE sources (
     id INTEGER PRIMARY KEY, file_name TEXT NOT NULL, size_bytes INTEGER NOT NULL, sha256 TEXT NOT NULL,
     format TEXT NOT NULL, encoding TEXT NOT NULL, delimiter TEXT NOT NULL, header_json TEXT NOT NULL,
     loaded_at TEXT NOT NULL, rows_loaded INTEGER NOT NULL, rows_rejected INTEGER NOT NULL, warnings INTEGER NOT NULL)`,
  ...(Object.keys(BULK_TABLES) as BulkTable[]).map(bulkTableSql),
  // Codes seen in any export (dictionary or message tracking); `code_id` is MobileConnect's GUID.
  `CREATE TABLE codes (code TEXT, code_id TEXT, type TEXT, country TEXT, source_id INTEGER, line INTEGER)`,
  // Events derived from the exports for a number (history/reconstruct.ts), each citing its row.
  `CREATE TABLE events (id TEXT PRIMARY KEY, number TEXT NOT NULL, at TEXT NOT NULL, type TEXT NOT NULL,
     code TEXT, keyword TEXT, payload_json TEXT NOT NULL, source_id INTEGER NOT NULL, line INTEGER NOT NULL)`,
  ...NUMBER_TABLES.map((t) => `CREATE INDEX ${t}_number ON ${t}(number)`),
  `CREATE INDEX events_number ON events(number, at)`,
  `CREATE INDEX keywords_id ON keywords(keyword_id)`,
  `CREATE INDEX messages_keyword ON messages(keyword_id)`,
  `CREATE INDEX load_errors_source ON load_errors(source_id, line)`,
];
