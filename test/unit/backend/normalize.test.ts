import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCstUs, isoOf, normalizeNumber, parseExportDate, parseExportDateMs, parseFlag } from '../../../electron/backend/import/normalize';
import { msToIso } from '../../../shared/rules/iso-time';

describe('CST dates (fixed UTC−6, no DST)', () => {
  it('reads M/D/YYYY h:mm:ss AM as CST', () => {
    expect(parseExportDate('4/23/2025 9:05:00 AM')).toBe('2025-04-23T15:05:00.000Z');
  });
  it('stays at −6 in July (no daylight saving)', () => {
    expect(parseExportDate('7/4/2025 9:05:00 AM')).toBe('2025-07-04T15:05:00.000Z');
  });
  it('reads PM, 12 AM and 12 PM', () => {
    expect(parseExportDate('4/23/2025 9:05:00 PM')).toBe('2025-04-24T03:05:00.000Z');
    expect(parseExportDate('4/23/2025 12:00:00 AM')).toBe('2025-04-23T06:00:00.000Z');
    expect(parseExportDate('4/23/2025 12:00:00 PM')).toBe('2025-04-23T18:00:00.000Z');
  });
  it('reads M/D/YYYY H:mm (24-hour, no seconds)', () => {
    expect(parseExportDate('4/23/2025 21:05')).toBe('2025-04-24T03:05:00.000Z');
  });
  it('reads SQL-style YYYY-MM-DD HH:mm:ss(.fff)', () => {
    expect(parseExportDate('2025-04-23 09:05:00.000')).toBe('2025-04-23T15:05:00.000Z');
    expect(parseExportDate('2025-04-23 09:05:00.25')).toBe('2025-04-23T15:05:00.250Z');
    expect(parseExportDate('2025-04-23 09:05:00')).toBe('2025-04-23T15:05:00.000Z');
  });
  it('honours an explicit ISO-8601 offset', () => {
    expect(parseExportDate('2025-04-23T09:05:00-05:00')).toBe('2025-04-23T14:05:00.000Z');
    expect(parseExportDate('2025-04-23T09:05:00Z')).toBe('2025-04-23T09:05:00.000Z');
    expect(parseExportDate('2025-04-23T09:05:00+05:30')).toBe('2025-04-23T03:35:00.000Z');
  });
  it('treats empty and NULL as no date, garbage as unreadable', () => {
    expect(parseExportDate('')).toBeNull();
    expect(parseExportDate('NULL')).toBeNull();
    for (const bad of ['31/31/2025 25:00', 'yesterday', '2/30/2025 1:00:00 AM', '2/29/2025 1:00:00 AM', '4/23/2025 13:00:00 PM', '2025-13-01']) {
      expect(parseExportDate(bad), bad).toBeUndefined();
    }
    expect(parseExportDate('2/29/2024 1:00:00 AM')).toBe('2024-02-29T07:00:00.000Z');
  });
  it('fast path and regex path agree (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
        const ms = Math.floor(d.getTime() / 1000) * 1000;
        const c = new Date(ms - 6 * 3600_000);
        const h = c.getUTCHours();
        const p = (n: number) => String(n).padStart(2, '0');
        const us = `${c.getUTCMonth() + 1}/${c.getUTCDate()}/${c.getUTCFullYear()} ${h % 12 || 12}:${p(c.getUTCMinutes())}:${p(c.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`;
        const sql = `${c.getUTCFullYear()}-${p(c.getUTCMonth() + 1)}-${p(c.getUTCDate())} ${p(h)}:${p(c.getUTCMinutes())}:${p(c.getUTCSeconds())}`;
        expect(parseExportDate(us)).toBe(new Date(ms).toISOString());
        expect(parseExportDate(sql)).toBe(new Date(ms).toISOString());
      }),
    );
  });
});

describe('compact raw storage', () => {
  it('flags canonical M/D/YYYY h:mm:ss AM text, and formatCstUs restores it exactly', () => {
    const out = { canonical: false };
    for (const [text, canonical] of [['4/23/2025 9:05:00 AM', true], ['12/1/2025 12:00:00 PM', true], ['04/23/2025 9:05:00 AM', false], ['4/23/2025 09:05:00 AM', false], [' 4/23/2025 9:05:00 AM', false], ['2025-04-23 09:05:00', false]] as const) {
      const iso = parseExportDate(text, out)!;
      expect(out.canonical, text).toBe(canonical);
      if (canonical) expect(formatCstUs(iso)).toBe(text);
    }
  });
  it('round-trips every instant (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2040, 0, 1) / 1000 }), (s) => {
        const iso = new Date(s * 1000).toISOString();
        const out = { canonical: false };
        expect(parseExportDate(formatCstUs(iso), out)).toBe(iso);
        expect(out.canonical).toBe(true);
      }),
    );
  });
});

describe('mobile numbers', () => {
  it('keeps digits with country code', () => {
    expect(normalizeNumber('15551230001')).toEqual({ ok: true, number: '15551230001' });
  });
  it('strips + ( ) - . and spaces', () => {
    expect(normalizeNumber('+1 (555) 123-0001')).toEqual({ ok: true, number: '15551230001' });
    expect(normalizeNumber(' 1.555.123.0001 ')).toEqual({ ok: true, number: '15551230001' });
  });
  it('keeps a 10-digit US-looking number as given, with the ambiguity warning', () => {
    const r = normalizeNumber('5551230001');
    expect(r.ok && r.number).toBe('5551230001');
    expect(r.ok && r.warning?.message).toBe('ambiguous: 10 digits without country code (kept as given; US numbers need the leading 1)');
  });
  it('rejects letters, scientific notation, empty and wrong lengths', () => {
    expect(normalizeNumber('555-CALL-NOW')).toMatchObject({ ok: false, code: 'number-not-digits' });
    expect(normalizeNumber('1.55512E+10')).toMatchObject({ ok: false, message: expect.stringContaining('scientific notation') });
    expect(normalizeNumber('')).toMatchObject({ ok: false, code: 'number-missing' });
    expect(normalizeNumber('12345')).toMatchObject({ ok: false, code: 'number-length' });
  });
});

describe('flags', () => {
  it('reads 1/0, True/False, Y/N', () => {
    expect([parseFlag('1'), parseFlag('True'), parseFlag('N'), parseFlag(''), parseFlag('maybe')]).toEqual([true, true, false, null, undefined]);
  });
});

describe('stored dates (epoch ms, schema 2)', () => {
  it('msToIso is Date.prototype.toISOString for any instant, including outside years 1000-9999', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -62_198_755_200_000, max: 253_402_300_799_999 }), fc.integer({ min: 946_684_800_000, max: 2_209_075_200_000 }), fc.double({ min: -1e14, max: 1e14, noNaN: true })), (ms) => {
        expect(msToIso(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 3000 },
    );
    // The same day over and over (the cache), then a new day.
    for (const iso of ['2025-04-23T00:00:00.000Z', '2025-04-23T23:59:59.999Z', '2025-04-23T09:05:07.010Z', '2025-04-24T00:00:00.000Z', '1969-12-31T23:59:59.999Z']) {
      expect(msToIso(Date.parse(iso))).toBe(iso);
    }
  });
  it('parseExportDateMs gives the epoch ms the ISO form names; isoOf reads both kinds of stored value', () => {
    expect(parseExportDateMs('4/23/2025 9:05:00 AM')).toBe(Date.parse('2025-04-23T15:05:00.000Z'));
    expect(parseExportDateMs('')).toBeNull();
    expect(parseExportDateMs('31/31/2025')).toBeUndefined();
    expect(isoOf(Date.parse('2025-04-23T15:05:00.000Z'))).toBe('2025-04-23T15:05:00.000Z');
    expect(isoOf('2025-04-23T15:05:00.000Z')).toBe('2025-04-23T15:05:00.000Z');
    expect(isoOf(null)).toBeNull();
    expect(isoOf('')).toBeNull();
  });
});
