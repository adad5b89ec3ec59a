import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatUtcMinute, parseIsoMs } from '../../../shared/rules/iso-time';

describe('parseIsoMs', () => {
  it('agrees with Date.parse on every timestamp shape scenario files accept', () => {
    const two = (n: number): string => String(n).padStart(2, '0');
    fc.assert(fc.property(
      fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T23:59:59Z'), noInvalidDate: true }),
      fc.integer({ min: -14 * 60, max: 14 * 60 }), fc.boolean(), fc.constantFrom('', '.5', '.25', '.123'),
      (d, offset, zulu, frac) => {
        const iso = d.toISOString().slice(0, 19) + frac;
        const off = zulu ? 'Z' : `${offset < 0 ? '-' : '+'}${two(Math.floor(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
        expect(parseIsoMs(iso + off)).toBe(Date.parse(iso + off));
        expect(parseIsoMs(iso.slice(0, 16) + off)).toBe(Date.parse(iso.slice(0, 16) + off));
      }), { numRuns: 2000 });
  });
  it('agrees with Date.parse when any one character of a timestamp is replaced by a non-digit', () => {
    fc.assert(fc.property(
      fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T23:59:59Z'), noInvalidDate: true }),
      fc.constantFrom('Z', '+05:30', '-08:00'), fc.nat(), fc.constantFrom(' ', 'x', '-', ':', '/', '.', 'T', 'Z', '+', '\u0660'),
      (d, zone, at, c) => {
        const ok = d.toISOString().slice(0, 23) + zone;
        const i = at % ok.length;
        const bad = ok.slice(0, i) + c + ok.slice(i + 1);
        const want = Date.parse(bad);
        if (Number.isNaN(want)) expect(parseIsoMs(bad)).toBeNaN();
        else expect(parseIsoMs(bad)).toBe(want);
      }), { numRuns: 3000 });
  });
  it('falls back to Date.parse for other shapes', () => {
    expect(parseIsoMs('2025-04-23T10:00:00')).toBe(Date.parse('2025-04-23T10:00:00'));
    expect(parseIsoMs('nonsense')).toBeNaN();
  });
});

describe('formatUtcMinute', () => {
  it('matches toISOString for any instant', () => {
    fc.assert(fc.property(fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), (d) => {
      const iso = d.toISOString();
      const secs = iso.slice(17, 19);
      const ms = Math.floor(d.getTime() / 1000) * 1000;
      expect(formatUtcMinute(ms)).toBe(`${iso.slice(0, 10)} ${iso.slice(11, 16)}${secs === '00' ? '' : `:${secs}`} UTC`);
    }), { numRuns: 3000 });
  });
  it('matches toISOString for runs of instants on one day (the cached date part)', () => {
    fc.assert(fc.property(fc.integer({ min: -5000, max: 50_000 }), fc.array(fc.integer({ min: 0, max: 86_399 }), { minLength: 2, maxLength: 20 }), (day, secs) => {
      for (const s of secs) {
        const ms = day * 86_400_000 + s * 1000;
        const iso = new Date(ms).toISOString();
        const sec = iso.slice(17, 19);
        expect(formatUtcMinute(ms)).toBe(`${iso.slice(0, 10)} ${iso.slice(11, 16)}${sec === '00' ? '' : `:${sec}`} UTC`);
      }
    }), { numRuns: 300 });
  });
  it('drops milliseconds, and names an instant it cannot format', () => {
    const ms = Date.parse('2025-04-23T14:00:05.999Z');
    expect(formatUtcMinute(ms)).toBe('2025-04-23 14:00:05 UTC');
    expect(formatUtcMinute(ms - 5999)).toBe('2025-04-23 14:00 UTC');
    expect(formatUtcMinute(Date.parse('1969-12-31T23:59:59.500Z'))).toBe('1969-12-31 23:59:59 UTC');
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) expect(formatUtcMinute(bad)).toBe('an unknown time');
  });
});
