/**
 * The backend behind the IPC handlers: owns the workspace (sql.js via DeskStore), the rulebook
 * settings and the load in progress. Runs in plain Node; every file path arrives from the host's dialogs.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SqlJsStatic } from 'sql.js';
import type { AppInfo, WorkspaceSummary } from '../../shared/ipc/contract';
import type { ContactQuery, LoadRequest, SaveResult } from '../../shared/ipc/desk-types';
import type { CodeDef } from '../../shared/model';
import { DEFAULT_PRESET, resolveRulebook, type Rulebook } from '../../shared/rules';
import { DeskStore } from './db/desk-store';
import { SCHEMA_VERSION } from './db/desk-schema';
import { openSqlJs } from './db/sqljs';
import { UserError } from './errors';
import type { Host } from './host';
import { explainNumber, scenarioOf } from './services/explain';
import { inferCodes } from './services/history';
import { loadPicked, Picks } from './services/load';
import { rulebookView } from './services/rulebook-view';
import { rebuildVerdicts } from './services/verdict-index';
import { exportErrorsCsv, readWorkspace, workspaceName, WORKSPACE_FILTERS, writeWorkspace } from './services/workspace-file';

export const RULEBOOK_ID = DEFAULT_PRESET;

export class Backend {
  readonly picks = new Picks();
  private store!: DeskStore;
  private name = 'Untitled workspace';
  private isDemo = false;
  private dirty = false;
  private path: string | null = null;
  private codes: CodeDef[] = [];
  private counts: WorkspaceSummary['counts'] | null = null;
  private loading: AbortController | null = null;

  private constructor(readonly host: Host, private readonly SQL: SqlJsStatic) {}

  static async create(host: Host): Promise<Backend> {
    const backend = new Backend(host, await openSqlJs());
    backend.reset('Untitled workspace');
    if (host.assetsDir) await backend.openDemo();
    return backend;
  }

  info(): AppInfo {
    return { name: 'OptTrace', version: this.host.version, rulebookId: this.rulebook().id, host: this.host.name };
  }

  private reset(name: string): void {
    this.store = DeskStore.init(new this.SQL.Database(), { name, assumptions: '{}' });
    this.adopt(name, false, null);
  }
  private adopt(name: string, isDemo: boolean, path: string | null): void {
    this.name = name;
    this.isDemo = isDemo;
    this.path = path;
    this.dirty = false;
    this.refresh();
  }
  private refresh(): void {
    this.codes = inferCodes(this.store);
    this.counts = null;
  }
  private changed(reason: string): void {
    this.dirty = true;
    this.refresh();
    this.host.emit('workspace.changed', { reason });
  }

  /** The built-in demo: the CSVs under assets/demo loaded into a fresh workspace. */
  async openDemo(): Promise<void> {
    const dir = join(this.host.assetsDir, 'demo');
    const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.csv')).sort();
    this.reset('Demo workspace');
    if (files.length === 0) return;
    const picked = await this.picks.fromPaths(files.map((f) => join(dir, f)));
    await this.load({ token: picked.token!, files: [] }, false);
    this.adopt('Demo workspace', true, null);
  }

  rulebook(overrides?: Readonly<Record<string, unknown>>): Rulebook {
    const saved = JSON.parse(this.store.meta('assumptions') ?? '{}') as Record<string, unknown>;
    const r = resolveRulebook(undefined, { ...saved, ...overrides });
    if (!r.ok) throw new UserError('bad-input', r.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    return r.rulebook;
  }

  summary(): WorkspaceSummary {
    const c = this.store.counts();
    this.counts ??= c;
    return { name: this.name, isDemo: this.isDemo, dirty: this.dirty, schemaVersion: SCHEMA_VERSION, sources: this.store.sources(), counts: this.counts };
  }

  private guard(): void {
    if (this.loading) throw new UserError('busy', 'Exports are loading; wait for the load to finish or cancel it.');
  }

  pickFiles = () => this.picks.pick(this.host.dialogs);

  async load(req: LoadRequest, markDirty = true) {
    this.guard();
    const files = this.picks.take(req.token);
    const unknown = req.files.find((f) => !files.some((p) => p.id === f.id));
    if (unknown) throw new UserError('bad-input', `file id ${unknown.id} was not part of that pick`);
    this.loading = new AbortController();
    try {
      const outcome = await loadPicked(this.store, files, req, {
        signal: this.loading.signal,
        onProgress: (p) => this.host.emit('load.progress', p),
        afterRows: () => {
          this.codes = inferCodes(this.store);
          rebuildVerdicts(this.store, this.rulebook());
        },
      });
      if (outcome.status === 'loaded' || outcome.status === 'nothing-loaded') {
        if (markDirty) this.changed('load');
        else this.refresh();
      }
      return outcome;
    } finally {
      this.loading = null;
    }
  }

  cancelLoad(): { cancelled: boolean } {
    if (!this.loading) return { cancelled: false };
    this.loading.abort();
    return { cancelled: true };
  }

  loadErrors = (offset: number, limit: number) => this.store.loadErrors(offset, limit);

  async exportLoadErrors(): Promise<SaveResult> {
    const path = await this.host.dialogs.saveFile({ title: 'Export rejected rows', defaultName: `${this.name} rejected rows.csv`, filters: [{ name: 'CSV', extensions: ['csv'] }] });
    if (!path) return { path: null, name: this.name };
    await exportErrorsCsv(this.store, path);
    return { path, name: this.name };
  }

  search(q: ContactQuery) {
    const t0 = performance.now();
    if (q.after !== undefined && !/^\[/.test(q.after)) throw new UserError('bad-input', 'the page cursor is not one this search returned');
    const page = this.store.searchContacts(q);
    return { ...page, tookMs: performance.now() - t0 };
  }
  facets = () => this.store.facets();

  explain = (number: string, assumptions?: Readonly<Record<string, unknown>>) => explainNumber(this.store, this.rulebook(assumptions), this.codes, number);
  scenario = (number: string) => ({ ...scenarioOf(this.store, this.codes, number), rulebook: { assumptions: JSON.parse(this.store.meta('assumptions') ?? '{}') as Record<string, unknown> } });
  rulebookView = () => rulebookView(this.rulebook());

  setAssumption(name: string, value: unknown) {
    this.guard();
    const next = { ...(JSON.parse(this.store.meta('assumptions') ?? '{}') as Record<string, unknown>), [name]: value };
    const r = resolveRulebook(undefined, next);
    if (!r.ok) throw new UserError('bad-input', r.issues.map((i) => i.message).join('; '));
    this.store.setMeta({ assumptions: JSON.stringify(next) });
    rebuildVerdicts(this.store, r.rulebook);
    this.changed('assumption');
    return rulebookView(r.rulebook);
  }

  async save(as: boolean): Promise<SaveResult> {
    this.guard();
    let path = as ? null : this.path;
    path ??= await this.host.dialogs.saveFile({ title: 'Save workspace', defaultName: `${this.name}.sqlite`, filters: WORKSPACE_FILTERS });
    if (!path) return { path: null, name: this.name };
    this.store.setMeta({ name: workspaceName(path) });
    await writeWorkspace(this.store, path);
    this.adopt(workspaceName(path), false, path);
    this.host.emit('workspace.changed', { reason: 'saved' });
    return { path, name: this.name };
  }

  private async mayDiscard(action: string): Promise<boolean> {
    return !this.dirty || !this.host.confirmDiscard || (await this.host.confirmDiscard(action));
  }

  async open(): Promise<SaveResult> {
    this.guard();
    if (!(await this.mayDiscard('Open another workspace'))) return { path: null, name: this.name };
    const paths = await this.host.dialogs.openFiles({ title: 'Open workspace', filters: WORKSPACE_FILTERS, multiple: false });
    if (!paths?.[0]) return { path: null, name: this.name };
    return this.openPath(paths[0]);
  }

  /** Also used by main for File → Recent. The current workspace stays if the file is bad. */
  async openPath(path: string): Promise<SaveResult> {
    this.guard();
    const store = await readWorkspace(this.SQL, path);
    this.store.db.close();
    this.store = store;
    this.adopt(workspaceName(path), false, path);
    this.host.emit('workspace.changed', { reason: 'opened' });
    return { path, name: this.name };
  }

  async newWorkspace(): Promise<WorkspaceSummary> {
    this.guard();
    if (!(await this.mayDiscard('Start a new workspace'))) return this.summary();
    this.store.db.close();
    this.reset('Untitled workspace');
    this.host.emit('workspace.changed', { reason: 'new' });
    return this.summary();
  }

  get currentPath(): string | null {
    return this.path;
  }
  get isDirty(): boolean {
    return this.dirty;
  }
}
