/**
 * The first `n` items of a scratch list as an exact-size array (a fresh, writable one). Replays keep
 * many of these, and a pushed-to empty array keeps 17 slots; literals for the usual few, since slice
 * is a builtin call.
 */
export const exact = <T>(xs: readonly T[], n: number): T[] => {
  switch (n) {
    case 0: return [];
    case 1: return [xs[0]!];
    case 2: return [xs[0]!, xs[1]!];
    case 3: return [xs[0]!, xs[1]!, xs[2]!];
    default: return xs.slice(0, n);
  }
};
