import { describe, expect, it } from 'vitest';
import { RowHashes } from '../../../electron/backend/import/row-hashes';

describe('RowHashes', () => {
  it('finds the first line of an identical record, across table growth', () => {
    const h = new RowHashes(4);
    for (let i = 0; i < 5000; i++) expect(h.firstLine(['a', String(i), 'c'], i + 2, true)).toBeUndefined();
    expect(h.size).toBe(5000);
    for (let i = 0; i < 5000; i += 499) expect(h.firstLine(['a', String(i), 'c'], 99_999, true)).toBe(i + 2);
    expect(h.size).toBe(5000);
  });

  it('tells field boundaries apart and does not remember when told not to', () => {
    const h = new RowHashes();
    expect(h.firstLine(['a', 'bc'], 2, true)).toBeUndefined();
    expect(h.firstLine(['ab', 'c'], 3, true)).toBeUndefined();
    expect(h.firstLine(['x'], 4, false)).toBeUndefined();
    expect(h.firstLine(['x'], 5, true)).toBeUndefined();
    expect(h.firstLine(['x'], 6, true)).toBe(5);
  });
});
