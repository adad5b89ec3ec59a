/**
 * Run-time validators for untrusted payloads (IPC requests, scenario files). Each failure names the
 * JSON path, the offending value and what was expected, so messages can be shown as they are.
 */
export interface Issue {
  readonly path: string;
  readonly message: string;
}

export type Check<T> = (value: unknown, path: string, issues: Issue[]) => value is T;

export const describe = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? `an array of ${value.length}` : 'an object';
};

const fail = (issues: Issue[], path: string, expected: string, value: unknown): false => {
  issues.push({ path, message: `expected ${expected}, got ${describe(value)}` });
  return false;
};

export const str =
  (opts: { min?: number; max?: number; pattern?: RegExp; what?: string } = {}): Check<string> =>
  (v, p, issues): v is string => {
    const what = opts.what ?? 'a string';
    if (typeof v !== 'string') return fail(issues, p, what, v);
    if (opts.min !== undefined && v.length < opts.min) return fail(issues, p, `${what} of at least ${opts.min} characters`, v);
    if (opts.max !== undefined && v.length > opts.max) return fail(issues, p, `${what} of at most ${opts.max} characters`, v);
    if (opts.pattern && !opts.pattern.test(v)) return fail(issues, p, what, v);
    return true;
  };

export const int =
  (min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Check<number> =>
  (v, p, issues): v is number =>
    (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) || fail(issues, p, `an integer from ${min} to ${max}`, v);

export const num =
  (min = -Infinity, max = Infinity): Check<number> =>
  (v, p, issues): v is number =>
    (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) || fail(issues, p, `a number from ${min} to ${max}`, v);

export const bool: Check<boolean> = (v, p, issues): v is boolean => typeof v === 'boolean' || fail(issues, p, 'true or false', v);

export const oneOf =
  <const T extends string>(values: readonly T[]): Check<T> =>
  (v, p, issues): v is T =>
    (typeof v === 'string' && (values as readonly string[]).includes(v)) || fail(issues, p, `one of ${values.join(', ')}`, v);

export const arrayOf =
  <T>(item: Check<T>, max = 1_000_000): Check<T[]> =>
  (v, p, issues): v is T[] => {
    if (!Array.isArray(v)) return fail(issues, p, 'an array', v);
    if (v.length > max) return fail(issues, p, `at most ${max} items`, v);
    let good = true;
    v.forEach((x, i) => {
      good = item(x, `${p}[${i}]`, issues) && good;
    });
    return good;
  };

type Shape = Record<string, Check<unknown>>;
type Out<S extends Shape, O extends keyof S> = { [K in Exclude<keyof S, O>]: S[K] extends Check<infer T> ? T : never } & {
  [K in O]?: S[K] extends Check<infer T> ? T : never;
};

/** An object with exactly these keys (unknown keys are refused: payloads carry nothing unexpected). */
export const obj =
  <S extends Shape, O extends keyof S = never>(shape: S, optional: readonly O[] = []): Check<Out<S, O>> =>
  (v, p, issues): v is Out<S, O> => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return fail(issues, p, 'an object', v);
    const rec = v as Record<string, unknown>;
    let good = true;
    for (const key of Object.keys(rec)) {
      // Own keys only: "toString" or "__proto__" in a payload must not pass as known fields.
      if (!Object.prototype.hasOwnProperty.call(shape, key)) {
        issues.push({ path: join(p, key), message: `unexpected field (allowed: ${Object.keys(shape).join(', ') || 'none'})` });
        good = false;
      }
    }
    for (const [key, check] of Object.entries(shape)) {
      if (rec[key] === undefined) {
        if (!(optional as readonly string[]).includes(key)) {
          issues.push({ path: join(p, key), message: 'is required' });
          good = false;
        }
        continue;
      }
      good = check(rec[key], join(p, key), issues) && good;
    }
    return good;
  };

export const empty = obj({});

const join = (p: string, key: string): string => (p === '' ? key : `${p}.${key}`);

/** Runs a check; returns the typed value or the list of issues. */
export const validate = <T>(check: Check<T>, value: unknown, root = ''): { ok: true; value: T } | { ok: false; issues: Issue[] } => {
  const issues: Issue[] = [];
  return check(value, root, issues) ? { ok: true, value } : { ok: false, issues };
};

export const formatIssues = (issues: readonly Issue[]): string =>
  issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
