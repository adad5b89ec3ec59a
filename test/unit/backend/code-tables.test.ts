import { describe, expect, it } from 'vitest';
import { CODE_TABLES, isKnownCode, type CodeTableName } from '../../../electron/backend/import/code-tables';

describe('isKnownCode', () => {
  it('answers exactly as the string-keyed table for every digit string up to four digits, leading zeros included', () => {
    const digitStrings: string[] = [];
    for (let n = 0; n < 10_000; n++) digitStrings.push(String(n));
    for (let n = 0; n < 1000; n++) digitStrings.push(String(n).padStart(2, '0'), String(n).padStart(3, '0'), String(n).padStart(4, '0'));
    let known = 0;
    for (const table of Object.keys(CODE_TABLES) as CodeTableName[]) {
      for (const d of digitStrings) {
        const expected = CODE_TABLES[table][d] !== undefined;
        if (isKnownCode(table, d) !== expected) expect.fail(`${table} ${d}: expected ${expected}`);
        if (expected) known++;
      }
    }
    expect(known).toBeGreaterThan(20); // the tables are not empty, so both answers were exercised
    expect(isKnownCode('optInMethod', '12')).toBe(true);
    expect(isKnownCode('optInMethod', '012')).toBe(false);
  });
});
