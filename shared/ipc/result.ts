/** Errors are values at the IPC boundary: every call resolves to one of these. */
export type ErrorCode =
  | 'invalid-request'
  | 'forbidden-sender'
  | 'not-found'
  | 'bad-input'
  | 'cancelled'
  | 'busy'
  | 'too-large'
  | 'internal';

export interface ApiError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly details?: unknown;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, details?: unknown): Result<never> => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
