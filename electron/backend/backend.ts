/**
 * The backend behind the IPC handlers: owns the Workspace (loader's db/workspace), the workspace-wide
 * rulebook settings, the precomputed verdict table and the load in progress. Plain Node; every file
 * path arrives from the host's dialogs (or main's drop/recent handling), never from the renderer.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppInfo, WorkspaceSummary } from '../../shared/ipc/contract';
import { EXPORT_FORMATS, type ContactQuery, type LoadRequest, type SaveResult } from '../../shared/ipc/desk-types';
import { DEFAULT_PRESET, resolveRulebook, type Rulebook } from '../../shared/rules';
import { contactsCount, facets, getMeta, loadErrorsPage, setMeta } from './db/desk-queries';
import { searchContacts } from './db/desk-search';
import { countNumbers, hasNumbers } from './db/number-count';
import { Workspace } from './db/workspace';
import { UserError } from './errors';
import { KeywordResolver } from './history/keywords';
import type { Host } from './host';
import { FORMAT_IDS } from './import/format';
import { yieldToEventLoop } from './import/load-steps';
import { explainNumber, scenarioOf } from './services/explain';
import { loadPicked, Picks } from './services/load';
import { rulebookView } from './services/rulebook-view';
import { rebuildVerdicts } from './services/verdict-index';
import { readWorkspace, workspaceName, WORKSPACE_FILTERS, writeErrorsCsv, writeWorkspace } from './services/workspace-file';

export const RULEBOOK_ID = DEFAULT_PRESET;

// The contract's format list must be the loader's, in both directions.
const SAME_FORMATS: [typeof FORMAT_IDS[number], typeof EXPORT_FORMATS[number]] extends [typeof EXPORT_FORMATS[number], typeof FORMAT_IDS[number]] ? true : never = true;
void SAME_FORMATS;

const ASSUMPTIONS_KEY = 'desk.assumptions';

export class Backend {
  readonly picks = new Picks();
  private ws!: Workspace;
  private path: string | null = null;
  private resolver: KeywordResolver | null = null;
  private rulebookCache: Rulebook | null = null;
  private summaryCache: WorkspaceSummary | null = null;
  private summaryRun: Promise<WorkspaceSummary> | null = null;
  /** Bumped whenever the workspace changes (a summary being counted then is counted again). */
  private generation = 0;
  private loading: AbortController | null = null;
  private building = false;
  private saving = false;

  private constructor(readonly host: Host) {}

  static async create(host: Host): Promise<Backend> {
    const backend = new Backend(host);
    backend.adopt(await Workspace.create(), null);
    if (host.assetsDir) await backend.openDemo();
    return backend;
  }

  info(): AppInfo {
    return { name: 'OptTrace', version: this.host.version, rulebookId: this.rulebook().id, host: this.host.name };
  }

  private adopt(ws: Workspace, path: string | null): void {
    this.ws?.close();
    this.ws = ws;
    this.path = path;
    this.refresh();
  }
  private refresh(): void {
    this.rulebookCache = null;
    this.resolver = null;
    this.summaryCache = null;
    this.summaryRun = null;
    this.generation++;
  }
  private keywords(): KeywordResolver {
    this.resolver ??= new KeywordResolver(this.ws);
    return this.resolver;
  }
  private changed(reason: string): void {
    this.refresh();
    this.host.emit('workspace.changed', { reason });
  }

  /** The built-in demo: the CSVs under assets/demo loaded into a fresh workspace. */
  async openDemo(): Promise<void> {
    const dir = join(this.host.assetsDir, 'demo');
    const files = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.csv')).sort();
    this.adopt(await Workspace.create({ name: 'Demo workspace', isDemo: true }), null);
    if (files.length === 0) return;
    const picked = await this.picks.fromPaths(files.map((f) => join(dir, f)));
    await this.load({ token: picked.token!, files: [] });
    this.ws.dirty = false;
    this.refresh();
  }

  /** The workspace rulebook (saved assumptions), resolved once per change; overrides are resolved per call. */
  rulebook(overrides?: Readonly<Record<string, unknown>>): Rulebook {
    if (!overrides || Object.keys(overrides).length === 0) return (this.rulebookCache ??= this.resolveRulebook());
    return this.resolveRulebook(overrides);
  }

  private resolveRulebook(overrides?: Readonly<Record<string, unknown>>): Rulebook {
    const saved = JSON.parse(getMeta(this.ws, ASSUMPTIONS_KEY) ?? '{}') as Record<string, unknown>;
    const r = resolveRulebook(undefined, { ...saved, ...overrides });
    if (!r.ok) throw new UserError('bad-input', r.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
    return r.rulebook;
  }

  /**
   * Counting over millions of rows is not free: counted in slices (db/number-count.ts) and cached until
   * the workspace changes; dirty/name are live. A count the workspace changed under is counted again.
   */
  async summary(): Promise<WorkspaceSummary> {
    while (!this.summaryCache) {
      const generation = this.generation;
      const run = (this.summaryRun ??= this.countSummary(generation));
      const counted = await run.catch((e: unknown) => {
        if (e instanceof StaleCount) return null;
        throw e;
      });
      if (this.summaryRun === run) this.summaryRun = null;
      if (counted && generation === this.generation) this.summaryCache = counted;
    }
    return { ...this.summaryCache, name: this.ws.name, isDemo: this.ws.isDemo, dirty: this.ws.dirty };
  }

  private async countSummary(generation: number): Promise<WorkspaceSummary> {
    const ws = this.ws;
    const numbers = await countNumbers(ws, async () => {
      await yieldToEventLoop();
      if (generation !== this.generation) throw new StaleCount();
    });
    return ws.summary(numbers);
  }

  /** The workspace's name (the window title), without counting anything. */
  get name(): string {
    return this.ws.name;
  }

  private guard(): void {
    if (this.loading) throw new UserError('busy', 'Exports are loading; wait for the load to finish or cancel it.');
    if (this.building) throw new UserError('busy', 'Verdicts are being recomputed; try again in a moment.');
    if (this.saving) throw new UserError('busy', 'The workspace is being saved; try again in a moment.');
  }

  pickFiles = () => this.picks.pick(this.host.dialogs);

  async load(req: LoadRequest) {
    this.guard();
    const files = this.picks.take(req.token);
    const unknown = req.files.find((f) => !files.some((p) => p.id === f.id));
    if (unknown) throw new UserError('bad-input', `file id ${unknown.id} was not part of that pick`);
    this.loading = new AbortController();
    try {
      const outcome = await loadPicked(this.ws, files, req, { signal: this.loading.signal, onProgress: (p) => this.host.emit('load.progress', p) });
      if (outcome.status !== 'cancelled') {
        this.refresh();
        await this.buildVerdicts(this.rulebook());
        this.changed('load');
      }
      return outcome;
    } finally {
      this.loading = null;
    }
  }

  /** The verdict table, with progress pushed like a load ("Computing verdicts"). */
  private async buildVerdicts(rulebook: Rulebook): Promise<void> {
    this.building = true;
    try {
      await this.buildVerdictsNow(rulebook);
    } finally {
      this.building = false;
    }
  }
  private async buildVerdictsNow(rulebook: Rulebook): Promise<void> {
    await rebuildVerdicts(this.ws, rulebook, (p) => {
      const secs = p.ms / 1000;
      this.host.emit('load.progress', {
        fileName: 'Computing verdicts', rows: p.done, bytes: p.done, totalBytes: p.total, rowsPerSecond: secs > 0 ? Math.round(p.done / secs) : 0,
        etaSeconds: p.done > 0 ? Math.round((secs * (p.total - p.done)) / p.done) : 0,
      });
    });
  }

  cancelLoad(): { cancelled: boolean } {
    if (!this.loading) return { cancelled: false };
    this.loading.abort();
    return { cancelled: true };
  }

  loadErrors = (offset: number, limit: number) => loadErrorsPage(this.ws, offset, limit);

  async exportLoadErrors(): Promise<SaveResult> {
    const path = await this.host.dialogs.saveFile({ title: 'Export load errors', defaultName: `${this.ws.name} load errors.csv`, filters: [{ name: 'CSV', extensions: ['csv'] }] });
    if (!path) return { path: null, name: this.ws.name };
    await writeErrorsCsv(this.ws, path);
    return { path, name: this.ws.name };
  }

  search(q: ContactQuery) {
    const t0 = performance.now();
    return { ...searchContacts(this.ws, q), tookMs: performance.now() - t0 };
  }
  facets = () => facets(this.ws);

  explain = (number: string, assumptions?: Readonly<Record<string, unknown>>) => explainNumber(this.ws, this.keywords(), this.rulebook(assumptions), number);
  scenario = (number: string) => {
    const s = scenarioOf(this.ws, this.keywords(), number);
    const saved = JSON.parse(getMeta(this.ws, ASSUMPTIONS_KEY) ?? '{}') as Record<string, unknown>;
    return Object.keys(saved).length ? { ...s, rulebook: { assumptions: saved } } : s;
  };
  rulebookView = () => rulebookView(this.rulebook());

  async setAssumption(name: string, value: unknown) {
    this.guard();
    const next = { ...(JSON.parse(getMeta(this.ws, ASSUMPTIONS_KEY) ?? '{}') as Record<string, unknown>), [name]: value };
    const r = resolveRulebook(undefined, next);
    if (!r.ok) throw new UserError('bad-input', r.issues.map((i) => i.message).join('; '));
    setMeta(this.ws, ASSUMPTIONS_KEY, JSON.stringify(next));
    this.rulebookCache = null;
    await this.buildVerdicts(r.rulebook);
    this.ws.dirty = true;
    this.changed('assumption');
    return rulebookView(r.rulebook);
  }

  async save(as: boolean): Promise<SaveResult> {
    this.guard();
    let path = as ? null : this.path;
    path ??= await this.host.dialogs.saveFile({ title: 'Save workspace', defaultName: `${this.ws.name}.sqlite`, filters: WORKSPACE_FILTERS });
    if (!path) return { path: null, name: this.ws.name };
    // No change may land between the export and the write finishing, or it would be marked saved.
    this.saving = true;
    try {
      await writeWorkspace(this.ws, path);
    } finally {
      this.saving = false;
    }
    this.ws.name = workspaceName(path);
    this.ws.isDemo = false;
    this.path = path;
    this.changed('saved');
    return { path, name: this.ws.name };
  }

  private async mayDiscard(action: string): Promise<boolean> {
    return !this.ws.dirty || !this.host.confirmDiscard || (await this.host.confirmDiscard(action));
  }

  async open(): Promise<SaveResult> {
    this.guard();
    if (!(await this.mayDiscard('Open another workspace'))) return { path: null, name: this.ws.name };
    const paths = await this.host.dialogs.openFiles({ title: 'Open workspace', filters: WORKSPACE_FILTERS, multiple: false });
    if (!paths?.[0]) return { path: null, name: this.ws.name };
    return this.openPath(paths[0]);
  }

  /** Also used by main for File → Recent. The current workspace stays if the file is bad. */
  async openPath(path: string): Promise<SaveResult> {
    this.guard();
    const ws = await readWorkspace(path);
    this.adopt(ws, path);
    // A workspace written by another tool (the CLI) has no verdict table yet.
    if (contactsCount(ws) === 0 && hasNumbers(ws)) await this.buildVerdicts(this.rulebook());
    this.changed('opened');
    return { path, name: ws.name };
  }

  async newWorkspace(): Promise<WorkspaceSummary> {
    this.guard();
    if (!(await this.mayDiscard('Start a new workspace'))) return await this.summary();
    this.adopt(await Workspace.create(), null);
    this.changed('new');
    return await this.summary();
  }

  get currentPath(): string | null {
    return this.path;
  }
  get isDirty(): boolean {
    return this.ws.dirty;
  }
}

/** A summary count the workspace changed under (Backend.summary counts again). */
class StaleCount extends Error {}
