/** The demo's mix of histories (weights ≈ how often each situation shows up in a real account). */
import type { DemoCode, DemoKeyword } from './catalogue';
import { int, type Rng } from './prng';
import type { Story } from './story';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

type Plot = (s: Story, t: number, rng: Rng, kw: (name: string, code?: string) => DemoKeyword, code: (c: string) => DemoCode) => void;

const sends = (s: Story, k: DemoKeyword, t: number, rng: Rng, n: number): number => {
  for (let i = 0; i < n; i++) {
    t += int(rng, 2, 20) * DAY;
    s.send(k, t, rng() > 0.05, rng() < 0.3);
  }
  return t;
};

export const PLOTS: readonly (readonly [number, string, Plot])[] = [
  [30, 'single opt-in, then sends', (s, t, rng, kw) => { s.textKeyword(kw('JOIN'), t); sends(s, kw('JOIN'), t, rng, int(rng, 0, 2)); }],
  [12, 'single opt-in then STOP', (s, t, rng, kw, code) => {
    s.textKeyword(kw('JOIN'), t);
    t = sends(s, kw('JOIN'), t, rng, 1) + int(rng, 1, 9) * DAY;
    s.stop(code('12345'), t, rng() < 0.8 ? 'STOP' : 'Stop please');
    if (rng() < 0.15) s.send(kw('JOIN'), t + 3 * DAY, true); // a send after STOP: SENT-WHILE-BLOCKED
  }],
  [12, 'double opt-in confirmed', (s, t, rng, kw) => { s.textKeyword(kw('DEALS'), t); s.reply(kw('DEALS'), t + int(rng, 1, 30) * 60_000, 'Y', true); sends(s, kw('DEALS'), t, rng, 1); }],
  [6, 'double opt-in expired', (s, t, rng, kw) => { s.textKeyword(kw('NEWS', '67890'), t); if (rng() < 0.6) s.reply(kw('NEWS', '67890'), t + int(rng, 26, 60) * HOUR, 'YES', false); }],
  [10, 'import Active, then sends', (s, t, rng, kw) => { s.importRow(kw('ALERTS'), t, 'Active'); sends(s, kw('ALERTS'), t, rng, int(rng, 1, 2)); }],
  [6, 'STOP, then imported into another keyword', (s, t, rng, kw, code) => {
    s.textKeyword(kw('JOIN'), t);
    s.stop(code('12345'), t + int(rng, 2, 20) * DAY);
    t += 30 * DAY;
    s.importRow(kw('ALERTS'), t, 'Active');
    sends(s, kw('ALERTS'), t, rng, 1);
  }],
  [4, 'import Unsubscribe', (s, t, _rng, kw) => { s.textKeyword(kw('VIP', '67890'), t); s.importRow(kw('VIP', '67890'), t + 40 * DAY, 'Unsubscribe'); }],
  [5, 'manual opt-in / opt-out in the UI', (s, t, rng, kw) => { s.ui(kw('ALERTS'), t, 'optIn'); if (rng() < 0.5) s.ui(kw('ALERTS'), t + 20 * DAY, 'optOut'); }],
  [5, 'API messageContact subscribe', (s, t, _rng, kw) => { s.api(kw('VIP', '67890'), t); }],
  [3, 'legacy keyword GUID (unmapped)', (s, t, _rng, kw) => { s.importRow(kw('LEGACY'), t, 'Active'); }],
  [3, 'custom stop keyword', (s, t, rng, kw, code) => { s.textKeyword(kw('JOIN'), t); s.stop(code('12345'), t + int(rng, 1, 30) * DAY, 'HALT', kw('HALT')); }],
  [2, 'HELP only', (s, t, _rng, _kw, code) => { s.help(code('12345'), t); }],
  [2, 'STOP from a number with no subscription', (s, t, _rng, _kw, code) => { s.stop(code('67890'), t); }],
];
export const TOTAL_WEIGHT = PLOTS.reduce((n, [w]) => n + w, 0);
