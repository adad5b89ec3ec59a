import { describe, expect, it } from 'vitest';
import { BulkWriter } from '../../../electron/backend/db/bulk';
import { ChunkInserter, INSERT_GROUP } from '../../../electron/backend/db/chunk-insert';
import { BULK_TABLES, type BulkRow, type BulkTable } from '../../../electron/backend/db/tables';
import { Workspace } from '../../../electron/backend/db/workspace';
import { RowChunkEncoder, type RowChunk } from '../../../electron/backend/import/row-chunk';

const TABLES: BulkTable[] = ['subscription_log', 'load_errors'];

/**
 * Row `i` of a table: text (some multibyte), an int line, an epoch-ms double, and NULLs. Some columns
 * are always NULL (as raw dates are); elsewhere NULL's places shift from row to row, so a parameter of
 * the grouped statement holds NULL in one group and a value in the next. The "already NULL" shortcut
 * must never leak a stale value.
 */
function row(table: BulkTable, i: number): BulkRow {
  return BULK_TABLES[table].map((name, j): string | number | null => {
    if (j === 0) return 1;
    if (name === 'line') return i;
    if ((i * 3 + j) % 5 === 0 || j % 7 === 3) return null;
    if (name.endsWith('_at')) return 1_700_000_000_000 + i * 1000 + j;
    return `${name}-${i}${i % 11 === 0 ? '-é✓' : ''}`;
  });
}

type Planned = { table: number; row: BulkRow };

/**
 * Runs shorter than, equal to, and longer than a group, separated by the other table's rows. The
 * first 128 records (one slice before a deadline is looked at) end in single-row inserts.
 */
function plan(): Planned[] {
  const out: Planned[] = [];
  let line = 0;
  const add = (table: number, n: number): void => {
    for (let k = 0; k < n; k++) out.push({ table, row: row(TABLES[table]!, ++line) });
  };
  add(0, INSERT_GROUP);
  add(1, 1);
  add(0, INSERT_GROUP - 1);
  add(1, 3);
  add(0, INSERT_GROUP * 2 + 22);
  add(1, 1);
  add(0, INSERT_GROUP);
  add(1, INSERT_GROUP + 1);
  add(0, INSERT_GROUP - 1);
  add(0, 1);
  return out;
}

function encode(planned: readonly Planned[]): RowChunk[] {
  const enc = new RowChunkEncoder(200);
  for (const p of planned) enc.add(p.table, p.row);
  return enc.takeAll(true).map((t) => t.chunk);
}

async function freshWorkspace(): Promise<Workspace> {
  const ws = await Workspace.create();
  ws.db.run(
    `INSERT INTO sources (id, file_name, size_bytes, sha256, format, encoding, delimiter, header_json, loaded_at, rows_loaded, rows_rejected, warnings)
     VALUES (1, 't.csv', 0, '', 'sms-subscription-log', 'utf-8', ',', '[]', '', 0, 0, 0)`,
  );
  return ws;
}

const stored = (ws: Workspace, table: BulkTable): unknown[][] =>
  ws.db.exec(`SELECT ${BULK_TABLES[table].join(', ')} FROM ${table} ORDER BY rowid`)[0]?.values ?? [];

const expected = (planned: readonly Planned[], table: number): unknown[][] => planned.filter((p) => p.table === table).map((p) => p.row);

describe('ChunkInserter', () => {
  it('stores every record, in chunk order, through single and multi-row statements alike', async () => {
    const planned = plan();
    const ws = await freshWorkspace();
    const ins = ChunkInserter.create(ws, TABLES)!;
    ws.db.run('BEGIN');
    for (const chunk of encode(planned)) {
      ins.start(chunk);
      expect(ins.insertSome()).toBe(true);
    }
    ws.db.run('COMMIT');
    ins.free();
    expect(stored(ws, 'subscription_log')).toEqual(expected(planned, 0));
    expect(stored(ws, 'load_errors')).toEqual(expected(planned, 1));
    ws.close();
  });

  it('inserts a sorted bucket in the order its chunk carries, grouped and single alike', async () => {
    const n = INSERT_GROUP * 2 + 5;
    const rows = Array.from({ length: n }, (_, i) => row('subscription_log', i + 1));
    // Keys out of file order, with ties (which keep file order).
    const keys = Float64Array.from(rows, (_, i) => (i * 37) % 50);
    const bucket = new RowChunkEncoder().sibling();
    for (const r of rows) bucket.add(0, r);
    bucket.sortRecords(keys);
    const out = new RowChunkEncoder();
    out.adopt(bucket);
    const chunks = out.takeAll().map((t) => t.chunk);
    expect(chunks.length).toBe(1);
    expect(chunks[0]!.order).toBeDefined();
    const ws = await freshWorkspace();
    const ins = ChunkInserter.create(ws, TABLES)!;
    ws.db.run('BEGIN');
    ins.start(chunks[0]!);
    expect(ins.insertSome()).toBe(true);
    ws.db.run('COMMIT');
    ins.free();
    const want = rows.map((r, i) => ({ r, k: keys[i]!, i })).sort((a, b) => a.k - b.k || a.i - b.i).map((x) => x.r);
    expect(stored(ws, 'subscription_log')).toEqual(want);
    ws.close();
  });

  it('resumes after a deadline, with its statements rebound by another writer in between', async () => {
    const planned = plan();
    const ws = await freshWorkspace();
    const ins = ChunkInserter.create(ws, TABLES)!;
    const other = new BulkWriter(ws, 'subscription_log');
    // Between two slices another writer binds a value to every parameter of the shared single-row
    // statement, where the inserter may last have bound NULL, and another source id.
    const want = [...expected(planned, 0)];
    const chunks = encode(planned);
    ws.db.run('BEGIN');
    let calls = 0;
    let between = 0;
    for (const chunk of chunks) {
      ins.start(chunk);
      while ((calls++, !ins.insertSome(-1))) {
        const at = Number(ws.scalar('SELECT count(*) FROM subscription_log'));
        const filled = row('subscription_log', 9000 + ++between).map((v, j) => (j === 0 ? 2 : j > 1 && v === null ? `between-${j}` : v));
        other.insert(filled);
        want.splice(at, 0, filled);
      }
    }
    ws.db.run('COMMIT');
    ins.free();
    expect(between).toBeGreaterThan(1);
    expect(calls).toBe(chunks.length + between);
    expect(stored(ws, 'subscription_log')).toEqual(want);
    expect(stored(ws, 'load_errors')).toEqual(expected(planned, 1));
    ws.close();
  });
});
