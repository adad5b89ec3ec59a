/** Rulebook presets and their resolution into a frozen, hashed set of assumption values. */
import type { Issue } from '../ipc/validate';
import type { RulebookRef } from '../model';
import {
  ASSUMPTION_DEFS, ASSUMPTION_NAMES, DEFAULT_ASSUMPTIONS, STOP_WORDS_LEGACY, assertNever, assumptionDef, describeType,
  type AssumptionName, type Assumptions,
} from './assumptions';
import { contentHash } from './hash';

export interface Preset {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly assumptions: Assumptions;
}

export const DEFAULT_PRESET = 'mobileconnect-2025';

export const PRESETS: readonly Preset[] = [
  { id: DEFAULT_PRESET, title: 'MobileConnect (2025 help)', description: 'Current STOP words and the default of every assumption in rules.md.', assumptions: DEFAULT_ASSUMPTIONS },
  { id: 'mobileconnect-legacy-stop-words', title: 'MobileConnect, legacy STOP words', description: 'The older global STOP list of KA-000230827 (with TERMINATE, without REVOKE and OPT OUT).', assumptions: Object.freeze({ ...DEFAULT_ASSUMPTIONS, stopWords: STOP_WORDS_LEGACY }) },
];

export const presetById = (id: string): Preset | undefined => PRESETS.find((p) => p.id === id);

export interface Rulebook {
  /** Preset name, plus the overrides in NAME=VALUE form when there are any. */
  readonly id: string;
  readonly preset: string;
  readonly assumptions: Assumptions;
  /** Names whose value differs from the preset. */
  readonly overridden: readonly AssumptionName[];
  readonly hash: string;
}

export type RulebookResult = { readonly ok: true; readonly rulebook: Rulebook } | { readonly ok: false; readonly issues: readonly Issue[] };

/** Checks one assumption value; pushes an issue naming the expected type when it is wrong. */
export const checkAssumptionValue = (name: string, value: unknown, path: string, issues: Issue[]): boolean => {
  const def = assumptionDef(name);
  if (!def) {
    issues.push({ path, message: `unknown assumption "${name}" (known: ${ASSUMPTION_NAMES.join(', ')})` });
    return false;
  }
  const t = def.type;
  let good: boolean;
  switch (t.kind) {
    case 'boolean': good = typeof value === 'boolean'; break;
    case 'number': good = typeof value === 'number' && Number.isFinite(value) && value >= t.min && value <= t.max; break;
    case 'enum': good = typeof value === 'string' && t.values.includes(value); break;
    case 'string-list': good = Array.isArray(value) && value.length > 0 && value.every((w) => typeof w === 'string' && w.trim() !== ''); break;
    default: return assertNever(t);
  }
  if (!good) issues.push({ path, message: `expected ${describeType(t)}, got ${JSON.stringify(value) ?? 'nothing'}` });
  return good;
};

const formatValue = (v: unknown): string => (Array.isArray(v) ? v.join(',') : String(v));

export const resolveRulebook = (ref?: Readonly<RulebookRef>, overrides?: Readonly<Record<string, unknown>>, path = 'rulebook'): RulebookResult => {
  const issues: Issue[] = [];
  const presetId = ref?.preset ?? DEFAULT_PRESET;
  const preset = presetById(presetId);
  if (!preset) issues.push({ path: `${path}.preset`, message: `unknown preset "${presetId}" (known: ${PRESETS.map((p) => p.id).join(', ')})` });
  const values: Record<string, unknown> = { ...(preset?.assumptions ?? DEFAULT_ASSUMPTIONS) };
  const apply = (src: Readonly<Record<string, unknown>> | undefined, at: string): void => {
    if (!src) return;
    for (const [name, value] of Object.entries(src)) {
      if (checkAssumptionValue(name, value, `${at}.${name}`, issues)) values[name] = value;
    }
  };
  apply(ref?.assumptions, `${path}.assumptions`);
  apply(overrides, 'assume');
  if (issues.length > 0 || !preset) return { ok: false, issues };
  const assumptions = Object.freeze({ ...values }) as unknown as Assumptions;
  const overridden = ASSUMPTION_NAMES.filter((n) => formatValue(assumptions[n]) !== formatValue(preset.assumptions[n]));
  const id = overridden.length === 0 ? preset.id : `${preset.id}+${overridden.map((n) => `${n}=${formatValue(assumptions[n])}`).join('+')}`;
  const ordered = Object.fromEntries(ASSUMPTION_DEFS.map((d) => [d.name, assumptions[d.name]]));
  const rulebook: Rulebook = Object.freeze({ id, preset: preset.id, assumptions, overridden: Object.freeze(overridden), hash: contentHash(ordered) });
  return { ok: true, rulebook };
};

/** The default rulebook, for callers that need one without a scenario. */
export const defaultRulebook = (): Rulebook => {
  const r = resolveRulebook();
  if (!r.ok) throw new Error('the default rulebook is invalid');
  return r.rulebook;
};

/**
 * Parses a command-line `NAME=VALUE` (`journeyResubscribes=true`, `doubleOptInWindowHours=48`,
 * `stopWords=STOP,END,OPT OUT`) into a typed override.
 */
export const parseAssumptionArg = (arg: string): { ok: true; name: AssumptionName; value: unknown } | { ok: false; message: string } => {
  const eq = arg.indexOf('=');
  if (eq <= 0) return { ok: false, message: `--assume expects NAME=VALUE, got "${arg}"` };
  const name = arg.slice(0, eq).trim();
  const raw = arg.slice(eq + 1).trim();
  const def = assumptionDef(name);
  if (!def) return { ok: false, message: `unknown assumption "${name}" (known: ${ASSUMPTION_NAMES.join(', ')})` };
  const t = def.type;
  const bad = { ok: false as const, message: `${name}: expected ${describeType(t)}, got "${raw}"` };
  switch (t.kind) {
    case 'boolean':
      if (raw === 'true' || raw === 'false') return { ok: true, name: def.name, value: raw === 'true' };
      return bad;
    case 'number': {
      const n = raw === '' ? NaN : Number(raw);
      return Number.isFinite(n) && n >= t.min && n <= t.max ? { ok: true, name: def.name, value: n } : bad;
    }
    case 'enum':
      return t.values.includes(raw) ? { ok: true, name: def.name, value: raw } : bad;
    case 'string-list': {
      const words = raw.split(',').map((w) => w.trim()).filter((w) => w !== '');
      return words.length > 0 ? { ok: true, name: def.name, value: words } : bad;
    }
    default:
      return assertNever(t);
  }
};
