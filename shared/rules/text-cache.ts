/**
 * Reason parts built once per key ('full' mode): headlines and reason tails take few values (keyword ×
 * code × rule branch), so decisions share one string each instead of building their own. Keys are
 * stable strings (keywords, codes, constants) whose hash V8 keeps, so a lookup is cheap; a cached
 * part also makes the lookups in reasonText (explain-text.ts) cheap. Bounded; past the bound a
 * value is built each time (the same text).
 */
import { flat } from './explain-text';

const LIMIT = 1024;

/** `build(a)`, kept per `a`. */
export const memo1 = <A, V>(build: (a: A) => V): ((a: A) => V) => {
  const m = new Map<A, V>();
  return (a) => {
    let v = m.get(a);
    if (v === undefined) {
      v = build(a);
      if (m.size < LIMIT) m.set(a, v);
    }
    return v;
  };
};

/** `build(a, b)`, kept per `a` then `b`. */
export const memo2 = <A, B, V>(build: (a: A, b: B) => V): ((a: A, b: B) => V) => {
  const m = new Map<A, Map<B, V>>();
  let size = 0;
  return (a, b) => {
    let byB = m.get(a);
    if (byB === undefined) {
      if (size >= LIMIT) return build(a, b);
      m.set(a, (byB = new Map()));
    }
    let v = byB.get(b);
    if (v === undefined) {
      v = build(a, b);
      if (size < LIMIT) {
        size++;
        byB.set(b, v);
      }
    }
    return v;
  };
};

/** A cached text per `a`, kept flat (see flat() in explain-text.ts). */
export const text1 = <A>(build: (a: A) => string): ((a: A) => string) => memo1((a: A) => flat(build(a)));
export const text2 = <A, B>(build: (a: A, b: B) => string): ((a: A, b: B) => string) => memo2((a: A, b: B) => flat(build(a, b)));

/** "; why" and ", and why" for a shared `why`. */
export const afterSemicolon = text1((why: string) => `; ${why}`);
export const afterAnd = text1((why: string) => `, and ${why}`);
