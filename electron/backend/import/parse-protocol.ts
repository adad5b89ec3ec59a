/** Messages between the loader and its parse worker (import/parse-worker.ts), one file per worker. */
import type { CsvInfo } from './csv';
import type { FormatId } from './format';
import type { RowChunk } from './row-chunk';
import type { MessageKey } from './message-keys';
import type { LoadIssue } from './row-sink';

/** What a parse worker is to read: its first message (a worker may be started before the file is known). */
export interface ParseJob {
  readonly path: string;
  readonly formatOverride?: FormatId;
  /** Bytes of chunks posted but not yet acknowledged before the worker waits (bounds the memory in flight). */
  readonly maxInFlightBytes: number;
}

/**
 * Loader → worker: the `job`, `start` once the source row exists, then one `ack` per chunk inserted,
 * returning its buffers.
 */
export type ToWorker =
  | { readonly type: 'job'; readonly job: ParseJob }
  | { readonly type: 'start'; readonly sourceId: number }
  | { readonly type: 'ack'; readonly bytes: ArrayBuffer; readonly cells: ArrayBuffer };

export interface ParseTotals {
  readonly sha256: string;
  readonly bytesRead: number;
  readonly loaded: number;
  readonly rejected: number;
  readonly warnings: number;
  readonly sample: readonly LoadIssue[];
  readonly messageKeys?: readonly MessageKey[];
}

/**
 * Worker → loader: `info` (header read, format detected), then `chunk`s of the format's rows and
 * load_errors in the order they are to be inserted, a `progress` after each CSV batch (as the in-thread
 * loader reports it), then `done` (its chunk holds what finish() hands on last).
 * `failed` can come at any point: `code` is set for a CsvFileError, whose message is for the user;
 * `crashed` is set by the loader's side when the worker itself died (or never started).
 */
export type FromWorker =
  | { readonly type: 'info'; readonly info: CsvInfo; readonly format: FormatId }
  | { readonly type: 'chunk'; readonly chunk: RowChunk }
  | { readonly type: 'progress'; readonly rowsSeen: number; readonly bytesRead: number }
  | { readonly type: 'done'; readonly chunk: RowChunk; readonly totals: ParseTotals }
  | { readonly type: 'failed'; readonly code?: string; readonly message: string; readonly crashed?: boolean };
