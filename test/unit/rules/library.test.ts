/**
 * The canonical scenario library (assets/scenarios): every file parses, every expectation holds,
 * every rule id and flag is covered, and index.json lists what each file covers.
 * Regenerate the index with: UPDATE_SCENARIO_INDEX=1 npx vitest run test/unit/rules/library.test.ts
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FLAG_IDS, RULE_IDS, parseScenario, replay, resolveRulebook, type Replay } from '../../../shared/rules';
import { withoutProse } from '../../support/rules-builders';

const DIR = join(__dirname, '..', '..', '..', 'assets', 'scenarios');
const files = readdirSync(DIR).filter((f) => f.endsWith('.opttrace.json')).sort();

const load = (file: string): { title: string; description: string; r: Replay } => {
  const parsed = parseScenario(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
  if (!parsed.ok) throw new Error(`${file}: ${JSON.stringify(parsed.issues)}`);
  const rb = resolveRulebook(parsed.scenario.rulebook);
  if (!rb.ok) throw new Error(`${file}: ${JSON.stringify(rb.issues)}`);
  return { title: parsed.scenario.title, description: parsed.scenario.description ?? '', r: replay(rb.rulebook, parsed.scenario) };
};

const coverage = (r: Replay) => ({
  rules: [...new Set([...r.steps.flatMap((s) => s.decisions.map((d) => d.ruleId)), ...r.final.verdicts.flatMap((v) => v.ruleIds)])].sort(),
  flags: [...new Set(r.flags.map((f) => f.flag))].sort(),
});

describe('scenario library', () => {
  it('has at least 25 scenarios', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  for (const file of files) {
    it(`${file}: every expectation holds`, () => {
      const { r, description } = load(file);
      expect(r.expectations.length).toBeGreaterThan(0);
      expect(r.expectations.filter((x) => !x.pass).map((x) => x.message)).toEqual([]);
      expect(description.length).toBeGreaterThan(40);
    });
  }

  it("every scenario ends the same without step records (grouped replay) as with them, minus the prose", () => {
    for (const file of files) {
      const parsed = parseScenario(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
      if (!parsed.ok) throw new Error(file);
      const rb = resolveRulebook(parsed.scenario.rulebook);
      if (!rb.ok) throw new Error(file);
      const full = replay(rb.rulebook, parsed.scenario);
      const none = replay(rb.rulebook, parsed.scenario, { records: 'none' });
      expect(none.final, file).toEqual(withoutProse(full.final));
      expect(full.final.verdicts.every((v) => v.reason !== ''), file).toBe(true);
      expect(none.flags.map((f) => [f.flag, f.eventId, f.code]), file).toEqual(full.flags.map((f) => [f.flag, f.eventId, f.code]));
      expect(none.expectations.map((x) => x.pass), file).toEqual(full.expectations.map((x) => x.pass));
    }
  });

  it('covers every rule id and every flag', () => {
    const rules = new Set<string>();
    const flags = new Set<string>();
    for (const f of files) {
      const c = coverage(load(f).r);
      c.rules.forEach((x) => rules.add(x));
      c.flags.forEach((x) => flags.add(x));
    }
    expect(RULE_IDS.filter((id) => id !== 'INITIAL-STATE' && !rules.has(id))).toEqual([]);
    expect(FLAG_IDS.filter((id) => !flags.has(id))).toEqual([]);
  });

  it('index.json lists every file with its title and coverage', () => {
    const index = {
      format: 'opttrace-library@1',
      scenarios: files.map((file) => {
        const { title, r } = load(file);
        return { file, title, ...coverage(r) };
      }),
    };
    const text = `${JSON.stringify(index, null, 2)}\n`;
    const path = join(DIR, 'index.json');
    if (process.env.UPDATE_SCENARIO_INDEX) writeFileSync(path, text);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});
