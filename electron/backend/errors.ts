/** An error meant for the analyst: thrown inside the backend, turned into `{ok:false,error}` at the boundary. */
import type { ErrorCode } from '../../shared/ipc/result';

export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
