/** The renderer's engine adapter and main's `scenario.replay` give identical replays for every library scenario. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Backend } from '../../electron/backend/backend';
import { dispatch } from '../../electron/backend/dispatch';
import { createHandlers } from '../../electron/backend/handlers';
import { NO_DIALOGS } from '../../electron/backend/host';
import { parseScenario, runReplay, stateAfter } from '../../renderer/src/features/simulator/engine-adapter';
import { stepLogCsv } from '../../renderer/src/features/simulator/step-log';

const ROOT = join(__dirname, '..', '..');
const DIR = join(ROOT, 'assets', 'scenarios');
const files = readdirSync(DIR).filter((f) => f.endsWith('.opttrace.json')).sort();

const handlers = async () =>
  createHandlers(await Backend.create({ name: 'cli', version: '0.0.0', assetsDir: join(ROOT, 'assets'), dialogs: NO_DIALOGS, emit: () => undefined }));

describe('scenario.replay (main) = engine adapter (renderer)', () => {
  it('has library scenarios to check', () => expect(files.length).toBeGreaterThan(0));

  for (const file of files) {
    it(file, async () => {
      const h = await handlers();
      const got = await dispatch(h, 'library.get', { id: file });
      expect(got.ok).toBe(true);
      const scenario = (got as { value: { scenario: unknown } }).value.scenario;
      const parsed = parseScenario(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
      expect(parsed.ok && parsed.scenario).toEqual(scenario);
      if (!parsed.ok) return;
      const mine = runReplay(parsed.scenario);
      expect(mine.ok).toBe(true);
      if (!mine.ok) return;
      // Over the wire (JSON), exactly as the renderer would receive it.
      const main = await dispatch(h, 'scenario.replay', JSON.parse(JSON.stringify({ scenario })));
      expect(main.ok).toBe(true);
      expect((main as { value: unknown }).value).toEqual(JSON.parse(JSON.stringify(mine.replay)));
      // A second interpretation too: every boolean assumption flipped.
      const flipped = { journeyResubscribes: true, outboundResubscribes: true, importKeepsExisting: false };
      const mineB = runReplay(parsed.scenario, flipped);
      const mainB = await dispatch(h, 'scenario.replay', { scenario, assumptions: flipped });
      expect(mineB.ok && (mainB as { value: unknown }).value).toEqual(mineB.ok && JSON.parse(JSON.stringify(mineB.replay)));
      // Every step's state can be rebuilt, and the step log has a row per step.
      for (let c = 0; c <= mine.replay.steps.length; c++) expect(stateAfter(mine.replay, c).subscriptions).toBeDefined();
      expect(stepLogCsv(mine.replay).trim().split('\r\n')).toHaveLength(mine.replay.steps.length + 1);
    });
  }

  it('refuses an invalid scenario with the JSON path, and unknown assumptions', async () => {
    const h = await handlers();
    const bad = await dispatch(h, 'scenario.replay', { scenario: { format: 'opttrace-scenario@1', title: 't', codes: [], events: [{ type: 'mo', at: '2025-01-01T00:00:00Z', mobileNumber: '1', code: '9', text: 'STOP' }] } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(JSON.stringify(bad)).toContain('scenario.events[0].code');
    const unknown = await dispatch(h, 'scenario.replay', { scenario: JSON.parse(readFileSync(join(DIR, files[0]!), 'utf8')), assumptions: { nope: true } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const traversal = await dispatch(h, 'library.get', { id: '../package.json' });
    expect(traversal).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
