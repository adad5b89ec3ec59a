/** Deterministic helpers for the demo data: a seeded PRNG (mulberry32), GUIDs and CST date text. */

export type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

export function guid(rng: Rng): string {
  const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(rng() * 16).toString(16)).join('').toUpperCase();
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(rng, ['8', '9', 'A', 'B'])}${hex(3)}-${hex(12)}`;
}

const CST_MS = 6 * 3600_000;
const p2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `M/D/YYYY h:mm:ss AM` in CST (UTC−6, no DST), as Data Extension exports write it. */
export function cstUs(utcMs: number): string {
  const d = new Date(utcMs - CST_MS);
  const h = d.getUTCHours();
  return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()} ${h % 12 === 0 ? 12 : h % 12}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
}

/** `YYYY-MM-DD HH:mm:ss.fff` in CST, as Query Studio exports write it. */
export function cstSql(utcMs: number): string {
  const d = new Date(utcMs - CST_MS);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds()).padStart(3, '0')}`;
}

/** CSV cell: quoted only when needed. */
export const cell = (v: string | number | null | undefined): string => {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
export const csvLine = (vals: readonly (string | number | null | undefined)[]): string => vals.map(cell).join(',');
