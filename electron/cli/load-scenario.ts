/** Reads a scenario file and resolves its rulebook (with command-line overrides). */
import { formatIssues } from '../../shared/ipc/validate';
import type { Scenario } from '../../shared/model';
import { PRESETS, parseScenario, presetById, resolveRulebook, type Rulebook } from '../../shared/rules';
import { UsageError, type CliIo } from './command';

export const loadScenario = async (file: string, io: CliIo): Promise<Scenario> => {
  let text: string;
  try {
    text = await io.readFile(file);
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new UsageError(`${file}: cannot read the file${code === 'ENOENT' ? ' (no such file)' : code ? ` (${code})` : ''}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new UsageError(`${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) throw new UsageError(parsed.issues.map((i) => `${file}: ${formatIssues([i])}`).join('\n'));
  return parsed.scenario;
};

/** The scenario's rulebook, with --preset replacing its preset and --assume overriding its settings. */
export const rulebookFor = (file: string, scenario: Scenario, preset: string | undefined, assume: Readonly<Record<string, unknown>>): Rulebook => {
  if (preset !== undefined && !presetById(preset)) throw new UsageError(`--preset: unknown preset "${preset}" (known: ${PRESETS.map((p) => p.id).join(', ')})`);
  const ref = { ...(scenario.rulebook ?? {}), ...(preset !== undefined ? { preset } : {}) };
  const r = resolveRulebook(ref, assume);
  if (!r.ok) {
    throw new UsageError(r.issues.map((i) => `${file}: ${formatIssues([i])}`).join('\n'));
  }
  return r.rulebook;
};
