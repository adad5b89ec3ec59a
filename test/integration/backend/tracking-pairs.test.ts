/**
 * message_keyword_pairs (db/tracking-pairs.ts): kept up to date load by load over the new message rows
 * only, equal to what the messages themselves hold, read in order of first appearance, rolled back with
 * a failed load.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trackingKeywordPairs } from '../../../electron/backend/db/queries';
import { PAIR_ROWS } from '../../../electron/backend/db/tracking-pairs';
import type { Workspace } from '../../../electron/backend/db/workspace';
import { KeywordResolver } from '../../../electron/backend/history/keywords';
import { loadFiles } from '../../../electron/backend/import/load';
import { DEMO_SMALL, fingerprint, newWorkspace } from '../../support/backend';

const dir = mkdtempSync(join(tmpdir(), 'tracking-pairs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'MobileMessageTrackingID,Mobile,KeywordID,CodeID,SharedKeyword,ShortCode,MessageText,Inbound,Outbound,CreateDateTime';
const K1 = '11111111-1111-4111-8111-111111111111';
const C1 = 'CCCCCCCC-1111-4111-8111-111111111111';
const C2 = 'CCCCCCCC-2222-4222-8222-222222222222';
/** A tracking file of `rows` ([keyword GUID, code GUID, keyword, code]), one message each. */
function trackingFile(name: string, rows: readonly (readonly [string, string, string, string])[]): string {
  const path = join(dir, name);
  const lines = rows.map(([k, c, kw, code], i) => `${i + 1},1555010${String(i).padStart(4, '0')},${k},${c},${kw},${code},${kw},1,0,2025-03-15 02:42:36.000`);
  writeFileSync(path, [HEADER, ...lines].join('\n') + '\n');
  return path;
}

/** What the messages hold, straight off them, in the order they first appear in the files. */
const fromMessages = (ws: Workspace): string[] =>
  ws.all(`SELECT keyword_id, shared_keyword, code_id, short_code FROM messages WHERE ${PAIR_ROWS}
          GROUP BY 1, 2, 3, 4 ORDER BY MIN(source_id * 4294967296 + line)`).map((r) => JSON.stringify(r));
const kept = (ws: Workspace): string[] => trackingKeywordPairs(ws).map((r) => JSON.stringify(r));
/** What a full scan makes of `codes` (the dictionary's and every message's). */
const codesFromScratch = (ws: Workspace): unknown[] =>
  ws.all(`SELECT code, MIN(code_id) AS code_id, CASE WHEN LENGTH(code) <= 8 THEN 'short' ELSE 'long' END AS type,
      MIN(country) AS country, MIN(source_id) AS source_id, MIN(line) AS line
    FROM (SELECT code, code_id, country, source_id, line FROM keywords
          UNION ALL SELECT short_code, code_id, NULL, source_id, line FROM messages WHERE short_code IS NOT NULL)
    GROUP BY code ORDER BY code`);
const codes = (ws: Workspace): unknown[] => ws.all('SELECT code, code_id, type, country, source_id, line FROM codes ORDER BY code');

describe('keyword pairs from message tracking', () => {
  it('equal the messages’ own pairs after one load or the same rows in three loads', async () => {
    const lines = readFileSync(DEMO_SMALL('sms_message_tracking.csv'), 'utf8').split('\n').filter((l) => l !== '');
    const third = Math.ceil((lines.length - 1) / 3);
    const parts = [0, 1, 2].map((k) => {
      const path = join(dir, `part-${k}.csv`);
      writeFileSync(path, [lines[0], ...lines.slice(1 + k * third, 1 + (k + 1) * third)].join('\n') + '\n');
      return path;
    });
    const once = await newWorkspace();
    await loadFiles(once, [{ path: DEMO_SMALL('sms_message_tracking.csv') }]);
    const thrice = await newWorkspace();
    for (const path of parts) await loadFiles(thrice, [{ path }]);
    expect(kept(once).length).toBeGreaterThan(3);
    expect(kept(once)).toEqual(fromMessages(once));
    expect(kept(thrice)).toEqual(fromMessages(thrice));
    expect([...kept(thrice)].sort()).toEqual([...kept(once)].sort());
    expect(codes(thrice)).toEqual(codesFromScratch(thrice));
    expect(thrice.scalar(`SELECT COUNT(*) FROM sqlite_master WHERE name = 'messages_keyword'`)).toBe(0);
  });

  it('come the same from text rows, byte rows and the parse worker, NULLs included', async () => {
    const rows: string[] = [];
    for (let i = 0; i < 30_000; i++) {
      // The first batch (with the header) is parsed as text: combinations 7–13 first appear past it, as bytes.
      const k = (i % 7) + (i < 5_000 ? 0 : 7);
      // Every 97th row's date is not in a byte form (mapRow reads it), after some of them first appear as bytes.
      const date = i % 97 === 3 ? '3/15/2025 02:42:36 AM' : '2025-03-15 02:42:36.000';
      const kw = k % 7 === 5 ? '' : `KW${k}`;
      const code = k % 7 === 6 ? '' : k % 2 ? '67890' : '12345';
      rows.push(`${i},1555${String(1_000_000 + (i * 7919) % 9_000_000)},${k % 7 === 4 ? '' : `${K1.slice(0, -2)}${10 + k}`},${k % 7 === 3 ? '' : k % 2 ? C2 : C1},${kw},${code},"Hi, ${i}",${i % 2},${(i + 1) % 2},${date}`);
    }
    const path = join(dir, 'big.csv');
    writeFileSync(path, [HEADER, ...rows].join('\r\n') + '\r\n');
    const viaWorker = await newWorkspace();
    await loadFiles(viaWorker, [{ path }]);
    const inThread = await newWorkspace();
    await loadFiles(inThread, [{ path }], { parseWorker: false });
    expect(kept(viaWorker).length).toBeGreaterThan(12);
    expect(kept(viaWorker)).toEqual(fromMessages(viaWorker));
    expect(kept(inThread)).toEqual(kept(viaWorker));
    expect(codes(viaWorker)).toEqual(codesFromScratch(viaWorker));
    expect(codes(inThread)).toEqual(codes(viaWorker));
  });

  it('are read in order of first appearance, so a later mapping of a GUID wins, across loads too', async () => {
    const ws = await newWorkspace();
    // JOIN first, then JOINNOW, then JOIN again (not a new appearance): JOINNOW is the latest mapping.
    await loadFiles(ws, [{ path: trackingFile('a.csv', [[K1, C1, 'JOIN', '12345'], [K1, C1, 'JOINNOW', '12345'], [K1, C1, 'JOIN', '12345']]) }]);
    expect(new KeywordResolver(ws).keyword(K1)).toMatchObject({ keyword: 'JOINNOW', code: '12345', via: 'message-tracking' });
    // A later load moves K1 to another code; its earlier pairs keep their place before it.
    await loadFiles(ws, [{ path: trackingFile('b.csv', [[K1, C2, 'JOIN', '67890'], [K1, C1, 'JOINNOW', '12345']]) }]);
    const r = new KeywordResolver(ws);
    expect(r.keyword(K1)).toMatchObject({ keyword: 'JOIN', code: '67890' });
    expect(r.code(C1)).toBe('12345');
    expect(trackingKeywordPairs(ws).map((p) => `${String(p.shared_keyword)}@${String(p.short_code)}`)).toEqual(['JOIN@12345', 'JOINNOW@12345', 'JOIN@67890']);
  });

  it('roll back with a cancelled load', async () => {
    const ws = await newWorkspace();
    await loadFiles(ws, [{ path: trackingFile('c.csv', [[K1, C1, 'JOIN', '12345']]) }]);
    const before = fingerprint(ws);
    const ctrl = new AbortController();
    // Cancelled at the first progress, after d.csv's rows are in.
    const r = await loadFiles(ws, [{ path: trackingFile('d.csv', [[K1, C2, 'STOPNOW', '67890']]) }, { path: DEMO_SMALL('sms_message_tracking.csv') }], {
      signal: ctrl.signal,
      onProgress: () => ctrl.abort(),
    });
    expect(r.cancelled).toBe(true);
    expect(fingerprint(ws)).toEqual(before);
    expect(new KeywordResolver(ws).keyword(K1)).toMatchObject({ keyword: 'JOIN', code: '12345' });
  });
});
