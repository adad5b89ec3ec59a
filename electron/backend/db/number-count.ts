/**
 * How many distinct numbers the workspace holds evidence for (the summary's "Numbers"), counted by a
 * merge walk of the four number indexes in slices of 16k numbers with a pause between them: the one
 * UNION statement over every row blocked ~0.4 s for a workspace of 2M log and tracking rows.
 */
import type { Workspace } from './workspace';

const TABLES = ['subscription_log', 'subscriptions', 'contacts', 'messages'] as const;
const SLICE = 16_384;

/** The distinct numbers in one statement (CLI, tests, small workspaces). */
export const NUMBERS_SQL = `SELECT COUNT(*) FROM (${TABLES.map((t) => `SELECT number FROM ${t}`).join(' UNION ')})`;

export async function countNumbers(ws: Workspace, pause: () => Promise<void>): Promise<number> {
  // UNION … ORDER BY number merges the indexes' sorted streams (no temp b-tree), so each slice starts
  // where the last ended.
  const st = ws.db.prepare(
    `SELECT COUNT(*), MAX(number) FROM (${TABLES.map((t) => `SELECT number FROM ${t} WHERE number > ?`).join(' UNION ')} ORDER BY number LIMIT ${SLICE})`,
  );
  let total = 0;
  let after = '';
  try {
    for (;;) {
      st.bind(TABLES.map(() => after));
      st.step();
      const [count, last] = st.get() as [number, string | null];
      st.reset(); // no statement stays open across a pause (a load may commit or roll back meanwhile)
      total += count;
      if (count < SLICE || last === null) return total;
      after = last;
      await pause();
    }
  } finally {
    st.free();
  }
}

/** Whether any number-keyed table has a row. */
export const hasNumbers = (ws: Workspace): boolean =>
  Number(ws.scalar(`SELECT ${TABLES.map((t) => `EXISTS (SELECT 1 FROM ${t})`).join(' OR ')}`)) === 1;
