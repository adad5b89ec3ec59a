/**
 * The one entry point for every contract call, in Electron and in the renderer test harness alike:
 * unknown method or invalid payload → `invalid-request` (nothing runs); exceptions → error values.
 */
import type { Method, RequestOf, ResultOf } from '../../shared/ipc/contract';
import { METHOD_CHANNELS } from '../../shared/ipc/channels';
import { REQUEST_CHECKS } from '../../shared/ipc/requests';
import { fail, ok, type Result } from '../../shared/ipc/result';
import { formatIssues, validate, type Check } from '../../shared/ipc/validate';
import { UserError } from './errors';

export type Handlers = { readonly [M in Method]: (request: RequestOf<M>) => Promise<ResultOf<M>> | ResultOf<M> };

const isMethod = (name: string): name is Method => Object.prototype.hasOwnProperty.call(METHOD_CHANNELS, name);

export async function dispatch(handlers: Handlers, method: string, payload: unknown): Promise<Result<unknown>> {
  if (!isMethod(method)) return fail('invalid-request', `unknown method ${JSON.stringify(method)}`);
  const checked = validate(REQUEST_CHECKS[method] as Check<unknown>, payload ?? {});
  if (!checked.ok) {
    return fail('invalid-request', `${method}: ${formatIssues(checked.issues)}`, { issues: checked.issues });
  }
  try {
    const handler = handlers[method] as (request: unknown) => Promise<unknown> | unknown;
    return ok(await handler(checked.value));
  } catch (error) {
    if (error instanceof UserError) return fail(error.code, error.message, error.details);
    const message = error instanceof Error ? error.message : String(error);
    return fail('internal', `${method} failed: ${message}`);
  }
}
