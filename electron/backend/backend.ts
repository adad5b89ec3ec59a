/** The backend behind the IPC handlers: owns the in-memory sql.js workspace. Runs in plain Node. */
import type { AppInfo, WorkspaceSummary } from '../../shared/ipc/contract';
import type { Database } from 'sql.js';
import { openSqlJs } from './db/sqljs';
import type { Host } from './host';

export const RULEBOOK_ID = 'mobileconnect-2025';

export class Backend {
  private constructor(
    readonly host: Host,
    private db: Database,
  ) {}

  static async create(host: Host): Promise<Backend> {
    const SQL = await openSqlJs();
    return new Backend(host, new SQL.Database());
  }

  info(): AppInfo {
    return { name: 'OptTrace', version: this.host.version, rulebookId: RULEBOOK_ID, host: this.host.name };
  }

  summary(): WorkspaceSummary {
    const [row] = this.db.exec('select sqlite_version()');
    return {
      name: `Untitled (SQLite ${String(row?.values[0]?.[0])})`,
      isDemo: false,
      dirty: false,
      schemaVersion: 0,
      sources: [],
      counts: { numbers: 0, contacts: 0, subscriptions: 0, events: 0, loadErrors: 0 },
    };
  }
}
