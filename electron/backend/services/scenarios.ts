/**
 * Scenario files for the simulator: the built-in library (assets/scenarios), opening and saving
 * `.opttrace.json` through the host's dialogs (the renderer never names a path), the step-log CSV,
 * and the same engine replay the renderer runs.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { LibraryEntry, OpenedScenario, SavedFile } from '../../../shared/ipc/contract';
import { formatIssues } from '../../../shared/ipc/validate';
import type { Scenario } from '../../../shared/model';
import { parseScenario, replay, resolveRulebook, type Replay } from '../../../shared/rules';
import { writeForUser } from './write-for-user';
import { UserError } from '../errors';
import type { Host } from '../host';

const SCENARIO_FILTERS = [{ name: 'OptTrace scenario', extensions: ['opttrace.json', 'json'] }];
const SUFFIX = '.opttrace.json';

/** Parses scenario text; invalid JSON or an invalid document → `bad-input` naming the JSON path. */
export const parseScenarioText = (text: string, name: string): Scenario => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError('bad-input', `${name} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new UserError('bad-input', `${name} is not a valid scenario: ${formatIssues(parsed.issues)}`, { issues: parsed.issues });
  return parsed.scenario;
};

export const replayScenario = (scenario: Scenario, assumptions?: Readonly<Record<string, unknown>>): Replay => {
  const rb = resolveRulebook(scenario.rulebook, assumptions);
  if (!rb.ok) throw new UserError('bad-input', `rulebook: ${formatIssues(rb.issues)}`, { issues: rb.issues });
  return replay(rb.rulebook, scenario, { records: 'full' });
};

export class ScenarioService {
  constructor(private readonly host: Host) {}

  private get dir(): string {
    return join(this.host.assetsDir, 'scenarios');
  }

  async list(): Promise<LibraryEntry[]> {
    const names = (await readdir(this.dir).catch(() => [] as string[])).filter((n) => n.endsWith(SUFFIX)).sort();
    const entries: LibraryEntry[] = [];
    for (const id of names) {
      const scenario = parseScenarioText(await readFile(join(this.dir, id), 'utf8'), id);
      const r = replayScenario(scenario);
      const rules = new Set<string>();
      for (const s of r.steps) for (const d of s.decisions) rules.add(d.ruleId);
      entries.push({
        id,
        title: scenario.title,
        description: scenario.description ?? '',
        events: scenario.events.length,
        rules: [...rules].sort(),
        flags: [...new Set(r.flags.map((f) => f.flag))].sort(),
        expectations: r.expectations.length,
        passing: r.expectations.filter((x) => x.pass).length,
      });
    }
    return entries;
  }

  async get(id: string): Promise<OpenedScenario> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    // The validator already refuses folders; matching against the listing is a second guard.
    if (!names.includes(id)) throw new UserError('not-found', `no library scenario named ${JSON.stringify(id)}`);
    return { scenario: parseScenarioText(await readFile(join(this.dir, id), 'utf8'), id), name: id };
  }

  async open(): Promise<OpenedScenario | null> {
    const paths = await this.host.dialogs.openFiles({ title: 'Open scenario', filters: SCENARIO_FILTERS, multiple: false });
    const path = paths?.[0];
    if (!path) return null;
    const name = basename(path);
    const text = await readFile(path, 'utf8').catch((error: unknown) => {
      throw new UserError('not-found', `could not read ${name}: ${error instanceof Error ? error.message : String(error)}`);
    });
    return { scenario: parseScenarioText(text, name), name };
  }

  async save(scenario: Scenario, defaultName: string): Promise<SavedFile | null> {
    const name = defaultName.endsWith(SUFFIX) ? defaultName : `${defaultName}${SUFFIX}`;
    const path = await this.host.dialogs.saveFile({ title: 'Save scenario', defaultName: name, filters: SCENARIO_FILTERS });
    if (!path) return null;
    await writeForUser(path, `${JSON.stringify(scenario, null, 2)}\n`, 'the scenario');
    return { fileName: basename(path) };
  }

  async exportSteps(csv: string, defaultName: string): Promise<SavedFile | null> {
    const path = await this.host.dialogs.saveFile({ title: 'Export step log', defaultName, filters: [{ name: 'CSV', extensions: ['csv'] }] });
    if (!path) return null;
    await writeForUser(path, csv, 'the step log');
    return { fileName: basename(path) };
  }
}
