/** The only module that touches the bridge the preload (or the test harness) installed. */
import { BRIDGE_GLOBAL, type Bridge, type Method, type RequestOf, type ResultOf, type PushEvent, type PushEvents } from '../../shared/ipc/contract';
import type { ApiError } from '../../shared/ipc/result';

const bridge = (): Bridge => {
  const b = (window as unknown as Record<string, Bridge | undefined>)[BRIDGE_GLOBAL];
  if (!b) throw new Error('The OptTrace bridge is missing: the page must be opened by the app.');
  return b;
};

export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

/** Calls a contract method; resolves to the value or rejects with the API's error value. */
export async function call<M extends Method>(method: M, request: RequestOf<M>): Promise<ResultOf<M>> {
  const fn = bridge()[method] as (r: RequestOf<M>) => ReturnType<Bridge[M]>;
  const result = await fn(request);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value as ResultOf<M>;
}

export const subscribe = <E extends PushEvent>(event: E, listener: (payload: PushEvents[E]) => void): (() => void) =>
  bridge().on(event, listener);
