/** Row shapes the desk store returns (the same JSON the contract carries). */
export type { ContactQuery, ContactRow, LoadError } from '../../../shared/ipc/desk-types';

export interface SourceSummaryRow {
  readonly id: number;
  readonly fileName: string;
  readonly format: string;
  readonly sizeBytes: number;
  readonly sha256: string;
  readonly loadedAt: string;
  readonly rowsLoaded: number;
  readonly rowsRejected: number;
}
