/** Small display helpers shared by the desktop views. */
export const fmtInt = (n: number): string => n.toLocaleString('en-US');

/** `45 ms` below a second, `2.3 s` from there. */
export const fmtSeconds = (s: number): string => (s < 1 ? `${Math.max(1, Math.round(s * 1000))} ms` : `${s.toFixed(1)} s`);

/** `1 warning`, `2,000 warnings`. */
export const fmtCount = (n: number, one: string, many = `${one}s`): string => `${fmtInt(n)} ${n === 1 ? one : many}`;

export const fmtBytes = (n: number): string =>
  n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : n < 1024 ** 3 ? `${(n / 1024 ** 2).toFixed(1)} MB` : `${(n / 1024 ** 3).toFixed(2)} GB`;

/** `15551230003` → `+1 (555) 123-0003`; other countries as `+<digits>`; a number without country code as exported. */
export const fmtNumber = (digits: string): string =>
  /^1\d{10}$/.test(digits) ? `+1 (${digits.slice(1, 4)}) ${digits.slice(4, 7)}-${digits.slice(7)}` : digits.length >= 11 ? `+${digits}` : digits;

export const STATUS_LABELS: Readonly<Record<string, string>> = {
  None: 'No subscription', NotOptedIn: 'Not opted in', OptInPending: 'Opt-in pending', OptedIn: 'Opted in', OptedOut: 'Opted out',
};
