/**
 * The patched sql.js glue (electron/backend/db/sqljs-glue.ts): the installed sql.js still has the
 * constant the patch replaces — an upgrade that changes it fails here instead of silently losing
 * the faster file growth — and the patched module is the one the app runs and it works.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { openSqlJs, sqlJsGlue } from '../../../electron/backend/db/sqljs';
import { FILE_ANCHOR, FILE_METHOD, GROWTH_ORIGINAL, GROWTH_PATCHED, gluePath, patchFileAccess, patchGrowth } from '../../../electron/backend/db/sqljs-glue';

const localRequire = createRequire(__filename);

describe('sql.js glue patch', () => {
  it('finds the growth constant exactly once in the installed sql.js', () => {
    const path = gluePath(localRequire);
    expect(path).toBeDefined();
    const patched = patchGrowth(readFileSync(path!, 'utf8'));
    expect(patched).toBeDefined();
    expect(patched).toContain(GROWTH_PATCHED);
    expect(patched).not.toContain(GROWTH_ORIGINAL);
  });

  it('adds the live-file method to the installed sql.js, before its export method, and only there', () => {
    const source = readFileSync(gluePath(localRequire)!, 'utf8');
    const patched = patchFileAccess(source);
    expect(patched).toBeDefined();
    expect(patched!.indexOf(FILE_METHOD)).toBe(source.indexOf(FILE_ANCHOR));
    expect(patchFileAccess(source.replace('r.Wa=Math.max', 'r.Xx=Math.max'))).toBeUndefined();
    expect(patchFileAccess(`${FILE_ANCHOR}${FILE_ANCHOR}`)).toBeUndefined();
    expect(sqlJsGlue().fileAccess).toBe(true);
  });

  it('refuses text where the constant is missing or repeated', () => {
    expect(patchGrowth('var x = 1;')).toBeUndefined();
    expect(patchGrowth(`${GROWTH_ORIGINAL};${GROWTH_ORIGINAL}`)).toBeUndefined();
  });

  it('the app loads the patched glue, and a database grown past the 32 MB reservation point keeps every row through export and reopen', async () => {
    expect(sqlJsGlue().unpatched).toBeUndefined();
    const SQL = await openSqlJs();
    const db = new SQL.Database();
    db.run('CREATE TABLE t (a TEXT)');
    db.run("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 49999) INSERT INTO t SELECT printf('%08d-%s', i, hex(randomblob(400))) FROM n");
    const bytes = db.export();
    expect(bytes.length).toBeGreaterThan(40 * 1024 * 1024);
    const again = new SQL.Database(bytes);
    expect(again.exec('SELECT COUNT(*), MIN(a) FROM t')[0]!.values[0]).toEqual([50000, expect.stringMatching(/^00000000-/)]);
    db.close();
    again.close();
  });
});
