/**
 * Bulk tables as data: the column order here IS the positional bind order used by the importers, so
 * one list drives CREATE TABLE, the INSERT statement and the row arrays (no name→index maps per row).
 * Every bulk row cites its evidence: `source_id` + 1-based physical `line` in that file.
 * Dates (`*_at`) are UTC epoch milliseconds (INTEGER, schema 2; `isoOf` in import/normalize.ts turns
 * them into ISO-8601 text).
 * Raw values are kept next to normalized ones (`*_raw`), losslessly but compactly: `number_raw` is NULL
 * when the file's text equals the normalized digits, and a date `*_raw` is NULL when the file wrote it
 * exactly in the canonical `M/D/YYYY h:mm:ss AM` CST form — read them back with `rawNumberText` /
 * `rawDateText` (import/normalize.ts). Columns a format does not know are kept as JSON text in
 * `extras` (NULL when the file has none).
 */
export const BULK_TABLES = {
  subscription_log: [
    'source_id', 'line', 'number', 'number_raw', 'definition_id', 'subscriber_key', 'mobile_subscription_id',
    'opt_in_status_id', 'opt_in_method_id', 'opt_in_at', 'opt_in_date_raw',
    'opt_out_status_id', 'opt_out_method_id', 'opt_out_at', 'opt_out_date_raw',
    'log_at', 'log_date_raw', 'source', 'created_at', 'created_date_raw', 'modified_at', 'modified_date_raw', 'extras',
  ],
  /** Current state: `_MobileSubscription` (origin 'data-view') and Contact Builder exports (origin 'contact-builder'). */
  subscriptions: [
    'source_id', 'line', 'origin', 'number', 'number_raw', 'definition_id', 'keyword',
    'opt_in_status_id', 'opt_in_method_id', 'opt_in_at', 'opt_in_date_raw',
    'opt_out_status_id', 'opt_out_method_id', 'opt_out_at', 'opt_out_date_raw',
    'source', 'created_at', 'created_date_raw', 'created_by', 'modified_at', 'modified_date_raw', 'modified_by', 'extras',
  ],
  contacts: [
    'source_id', 'line', 'number', 'number_raw', 'mobile_id', 'contact_id', 'status_id', 'source', 'priority', 'channel',
    'carrier_id', 'country_code', 'created_at', 'created_date_raw', 'modified_at', 'modified_date_raw',
    'city', 'state', 'zip_code', 'first_name', 'last_name', 'utc_offset', 'is_honor_dst', 'extras',
  ],
  messages: [
    'source_id', 'line', 'number', 'number_raw', 'tracking_id', 'keyword_id', 'code_id', 'shared_keyword', 'short_code',
    'message_text', 'inbound', 'outbound', 'sent', 'delivered', 'undelivered',
    'created_at', 'create_date_raw', 'modified_at', 'modified_date_raw', 'action_at', 'action_date_raw',
    'subscriber_key', 'status_code_id', 'description', 'name', 'jb_definition_id', 'jb_activity_id', 'conversation_id', 'extras',
  ],
  undeliverable: [
    'source_id', 'line', 'number', 'number_raw', 'undeliverable', 'bounce_count',
    'first_bounce_at', 'first_bounce_date_raw', 'hold_at', 'hold_date_raw', 'hold_column', 'extras',
  ],
  /** Rows of a MobileConnect import file (what the analyst imported). */
  import_rows: ['source_id', 'line', 'number', 'number_raw', 'locale', 'contact_key', 'status', 'keyword', 'extras'],
  /** Keyword GUID dictionary rows provided by the analyst. */
  keywords: [
    'source_id', 'line', 'keyword_id', 'keyword', 'code', 'code_id', 'kind', 'opt_in', 'valid_responses', 'window_hours',
    'country', 'extras',
  ],
  load_errors: ['source_id', 'line', 'column_name', 'raw_value', 'severity', 'code', 'message'],
} as const;

export type BulkTable = keyof typeof BULK_TABLES;
export type BulkRow = (string | number | null)[];

/** Index of a column in a bulk table's bind order (resolved once per format, not per row). */
export const col = <T extends BulkTable>(table: T, name: (typeof BULK_TABLES)[T][number]): number =>
  (BULK_TABLES[table] as readonly string[]).indexOf(name);
