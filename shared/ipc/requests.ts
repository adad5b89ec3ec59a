/** One run-time validator per contract method: main checks every payload before any handler runs. */
import type { Method, RequestOf } from './contract';
import { empty, type Check } from './validate';
import { DESK_CHECKS } from './desk-requests';

export const REQUEST_CHECKS: { readonly [M in Method]: Check<RequestOf<M>> } = {
  'app.info': empty as Check<RequestOf<'app.info'>>,
  'workspace.summary': empty as Check<RequestOf<'workspace.summary'>>,
  ...DESK_CHECKS,
};
