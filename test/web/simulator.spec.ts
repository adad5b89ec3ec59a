import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, ROOT, test } from '../support/web-harness';

const KA = 'ka-000381673-stop-then-imports.opttrace.json';
const N = '12345678900';
const cell = (page: Page, kw: string) => page.getByTestId(`matrix-${N}`).first().getByTestId(`cell-${N}-12345-${kw}`);

/** Screenshots show the top of the view, whatever the last interaction scrolled to. */
async function shot(app: { page: Page; screenshot(name: string): Promise<void> }, name: string) {
  await app.page.locator('.content').evaluate((e) => e.scrollTo(0, 0));
  await app.screenshot(name);
}

async function openKa(page: Page) {
  await page.getByRole('button', { name: 'Scenario library' }).click();
  await page.getByTestId(`lib-${KA}`).getByRole('button', { name: /Open .* in the simulator/ }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 0 of 3');
}

async function expectRow(page: Page, join: string, test: string, neww: string, verdict: RegExp) {
  await expect(cell(page, 'JOIN')).toHaveAttribute('data-status', join);
  await expect(cell(page, 'TEST')).toHaveAttribute('data-status', test);
  await expect(cell(page, 'NEWKEYWORD')).toHaveAttribute('data-status', neww);
  await expect(page.getByTestId(`verdict-${N}-12345`).first()).toContainText(verdict);
}

test('opens the KA-000381673 example from the library paused at step 0 and steps through it', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Scenario library' }).click();
  await expect(page.getByTestId(`lib-${KA}`)).toContainText('STOP-CODE-WIDE');
  await expect(page.getByTestId(`lib-${KA}`)).toContainText('REOPTIN-AFTER-STOP');
  await page.getByLabel('Filter').fill('REOPTIN-AFTER-STOP');
  await expect(page.getByTestId(`lib-${KA}`)).toBeVisible();
  await page.getByLabel('Filter').fill('');
  await shot(app, 'library');
  await openKa(page);
  await expectRow(page, 'OptedIn', 'OptedIn', 'None', /Allowed/);
  await shot(app, 'simulator-step0');

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-counter')).toHaveText('Step 1 of 3');
  await expectRow(page, 'OptedOut', 'OptedOut', 'None', /Blocked \(opted out\)/);
  await expect(page.getByTestId('step-details')).toContainText('STOP-CODE-WIDE');
  await expect(cell(page, 'JOIN')).toHaveClass(/changed/);

  await page.keyboard.press('ArrowRight');
  await expectRow(page, 'OptedOut', 'OptedOut', 'None', /Blocked \(opted out\)/);
  await expect(page.getByTestId('step-details')).toContainText('IMPORT-NO-REOPTIN');

  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('step-counter')).toHaveText('Step 3 of 3');
  await expectRow(page, 'OptedOut', 'OptedOut', 'OptedIn', /Allowed/);
  await expect(page.getByTestId('step-details')).toContainText('REOPTIN-AFTER-STOP');
  await shot(app, 'simulator-stepped');
  await page.getByLabel('Theme').selectOption('dark');
  await shot(app, 'simulator-stepped-dark');
  await page.getByLabel('Theme').selectOption('light');

  await page.keyboard.press('Home');
  await expect(page.getByTestId('step-counter')).toHaveText('Step 0 of 3');
  await page.keyboard.press('End');
  await expect(page.getByTestId('step-counter')).toHaveText('Step 3 of 3');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('step-counter')).toHaveText('Step 2 of 3');
  // Clicking an event jumps to it.
  await page.getByTestId('event-stop').getByRole('button', { name: /texts/ }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 1 of 3');

  // One click turns the current state into expectations, and they hold.
  const expectations = page.getByTestId('expectations-panel');
  await expect(expectations).toContainText('9 of 9 hold');
  await expectations.getByRole('button', { name: "Expect this step's state" }).click();
  // Three of the six were already in the file: no duplicates.
  await expect(expectations).toContainText('11 of 11 hold');

  // Pin NEWKEYWORD: its status along the timeline, in words.
  await page.getByRole('button', { name: 'Pin NEWKEYWORD on 12345' }).click();
  await expect(page.getByTestId('pinned-track')).toContainText('None from step 0 → OptedIn from step 3');

  // Play at 8×: from step 0 to the end by itself; shortcuts are ignored while typing.
  await page.keyboard.press('Home');
  await page.getByLabel(/Speed/).selectOption('8');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Space');
  await expect(page.getByTestId('step-counter')).toHaveText('Step 3 of 3');
  await page.getByRole('button', { name: 'Play' }).focus();
  await page.getByTestId('insert-event').click();
  await page.getByTestId('event-editor').getByLabel('Text the subscriber sends').press('ArrowLeft');
  await expect(page.getByTestId('step-counter')).toHaveText('Step 3 of 3');
  await page.getByTestId('event-editor').getByRole('button', { name: 'Cancel' }).click();

  // A rule id links to the Rulebook view.
  await page.getByRole('button', { name: 'IMPORT-NEW-KEYWORD' }).first().click();
  await expect(page.getByRole('button', { name: 'Rulebook' })).toHaveAttribute('aria-current', 'page');
});

test('what if: a hypothetical STOP changes the verdict; a second interpretation is compared side by side', async ({ app }) => {
  const { page } = app;
  await openKa(page);
  await page.keyboard.press('End');
  await expectRow(page, 'OptedOut', 'OptedOut', 'OptedIn', /Allowed/);
  await page.getByTestId('insert-event').click();
  const editor = page.getByTestId('event-editor');
  await expect(editor.getByLabel('Event type')).toHaveValue('mo');
  await editor.getByLabel('Text the subscriber sends').fill('STOP');
  await editor.scrollIntoViewIfNeeded();
  await app.screenshot('simulator-editor');
  await editor.getByRole('button', { name: 'Insert event' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 4 of 4');
  await expectRow(page, 'OptedOut', 'OptedOut', 'OptedOut', /Blocked \(opted out\)/);
  await expect(page.getByTestId('event-h1')).toContainText('hypothetical');
  await expect(page.getByTestId('whatif-panel')).toContainText('inserted');
  await shot(app, 'simulator-whatif');

  // A Journey "subscribe all" on JOIN after the STOP: create-only by default, re-opts in when journeyResubscribes.
  await page.getByTestId('insert-event').click();
  await editor.getByLabel('Event type').selectOption('journey.sms');
  await editor.getByLabel('Keyword').selectOption('JOIN');
  await editor.getByLabel('Mode').selectOption('subscribeAll');
  await editor.getByRole('button', { name: 'Insert event' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 5 of 5');
  await expectRow(page, 'OptedOut', 'OptedOut', 'OptedOut', /Blocked \(opted out\)/);

  const compare = page.getByTestId('compare-panel');
  await compare.getByRole('button', { name: 'Compare' }).click();
  await expect(compare.getByTestId('compare-same')).toBeVisible();
  await compare.getByLabel('journeyResubscribes').check();
  await expect(compare.getByTestId('compare-diff')).toContainText('JOIN on 12345');
  await expect(compare.getByTestId('compare-diff')).toContainText('First diverging step');
  await expect(compare.getByTestId('compare-diff')).toContainText('step 5');
  await expect(page.getByTestId('compare-matrix').getByTestId(`cell-${N}-12345-JOIN`)).toHaveAttribute('data-status', 'OptedIn');
  await expect(page.getByTestId('timeline-divergence')).toBeVisible();
  await page.setViewportSize({ width: 1400, height: 1400 });
  await shot(app, 'simulator-compare');
  await page.getByLabel('Theme').selectOption('dark');
  await shot(app, 'simulator-compare-dark');
  await page.getByLabel('Theme').selectOption('light');
  await page.setViewportSize({ width: 1400, height: 900 });

  // Revert one, then all.
  await page.getByTestId('whatif-panel').getByRole('button', { name: 'Revert h1' }).click();
  await expect(page.getByTestId('step-counter')).toContainText('of 4');
  await page.getByTestId('whatif-panel').getByRole('button', { name: 'Revert all' }).click();
  await expect(page.getByTestId('step-counter')).toContainText('of 3');
  await expect(page.getByTestId('whatif-panel')).toContainText('No edits');
});

test('reorders events by drag and by keyboard, skips one, and hides routes without skipping them', async ({ app }) => {
  const { page } = app;
  await openKa(page);
  // Drag the NEWKEYWORD import before the STOP: the STOP now opts it out too.
  await page.getByTestId('event-import-new').dragTo(page.getByTestId('event-stop'));
  await expect(page.getByTestId('event-import-new')).toHaveAttribute('data-step', '1');
  await expect(page.getByTestId('event-stop')).toHaveAttribute('data-step', '2');
  await expect(page.getByTestId('event-import-new')).toContainText('hypothetical');
  await page.keyboard.press('End');
  await expectRow(page, 'OptedOut', 'OptedOut', 'OptedOut', /Blocked \(opted out\)/);
  // Keyboard-accessible move: the ↓ button, then Alt+↑ on the row.
  await page.getByRole('button', { name: 'Move import-new later' }).click();
  await expect(page.getByTestId('event-import-new')).toHaveAttribute('data-step', '2');
  await page.getByTestId('event-import-new').getByRole('button', { name: /import into NEWKEYWORD/ }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(page.getByTestId('event-import-new')).toHaveAttribute('data-step', '1');
  // Skip the STOP: left out of the replay, still in the timeline.
  await page.getByRole('button', { name: 'Skip stop' }).click();
  await page.keyboard.press('End');
  await expectRow(page, 'OptedIn', 'OptedIn', 'OptedIn', /Allowed/);
  // Hiding the import route hides rows but not their effect.
  await page.getByRole('checkbox', { name: 'Show Import', exact: true }).uncheck();
  await expect(page.getByTestId('event-count')).toContainText('hidden');
  await expect(page.getByTestId('event-import-join')).toHaveCount(0);
  await expectRow(page, 'OptedIn', 'OptedIn', 'OptedIn', /Allowed/);
});

test('saves through main, reopens the identical scenario, and refuses an invalid file without touching the simulation', async ({ app }) => {
  const { page } = app;
  const dir = mkdtempSync(join(tmpdir(), 'opttrace-sim-'));
  await openKa(page);
  await page.getByRole('button', { name: 'Skip stop' }).click();
  await page.getByRole('button', { name: 'Duplicate import-join' }).click();
  const first = join(dir, 'first.opttrace.json');
  app.dialogs.queueSave(first);
  await page.getByRole('button', { name: 'Save…' }).click();
  await expect(page.getByTestId('sim-notice')).toContainText('Saved first.opttrace.json');
  const saved = JSON.parse(readFileSync(first, 'utf8'));
  expect(saved.events.find((e: { id: string }) => e.id === 'stop').skipped).toBe(true);
  expect(saved.events.find((e: { id: string }) => e.id === 'h1').hypothetical).toBe(true);

  app.dialogs.queueOpen([first]);
  await page.getByRole('button', { name: 'Open file…' }).click();
  await expect(page.getByTestId('sim-origin')).toContainText('File · first.opttrace.json');
  await expect(page.getByTestId('step-counter')).toHaveText('Step 0 of 4');
  const second = join(dir, 'second.opttrace.json');
  app.dialogs.queueSave(second);
  await page.getByRole('button', { name: 'Save…' }).click();
  await expect(page.getByTestId('sim-notice')).toContainText('Saved second.opttrace.json');
  expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));

  const bad = join(dir, 'bad.opttrace.json');
  writeFileSync(bad, JSON.stringify({ ...saved, events: [{ ...saved.events[0], code: '99999' }] }));
  app.dialogs.queueOpen([bad]);
  await page.getByRole('button', { name: 'Open file…' }).click();
  await expect(page.getByTestId('sim-notice')).toContainText('events[0].code: unknown code "99999"');
  await expect(page.getByTestId('sim-origin')).toContainText('second.opttrace.json');
  await expect(page.getByTestId('step-counter')).toHaveText('Step 0 of 4');

  const csv = join(dir, 'steps.csv');
  app.dialogs.queueSave(csv);
  await page.getByRole('button', { name: 'Export step log…' }).click();
  await expect(page.getByTestId('sim-notice')).toContainText('steps.csv');
  const lines = readFileSync(csv, 'utf8').trim().split('\r\n');
  expect(lines[0]).toContain('step,time_utc,time_cst,event_id');
  expect(lines).toHaveLength(5);
});

/** A synthetic history of `n` events on two codes, every route represented. */
function bigScenario(n: number) {
  const kinds = [
    (i: number) => ({ type: 'mo', code: '12345', text: i % 10 === 0 ? 'STOP' : 'JOIN' }),
    () => ({ type: 'import', code: '12345', keyword: 'NEWS', status: 'Active' }),
    () => ({ type: 'journey.sms', code: '12345', keyword: 'JOIN', mode: 'subscribeAll' }),
    () => ({ type: 'outbound.de', code: '67890', keyword: 'DEALS', mode: 'subscribedOnly' }),
    () => ({ type: 'api.messageContact', code: '67890', keyword: 'DEALS', subscribe: true, resubscribe: false }),
    () => ({ type: 'ui', code: '67890', keyword: 'DEALS', action: 'optIn' }),
    () => ({ type: 'send', code: '12345', keyword: 'NEWS', delivered: true }),
  ];
  const t0 = Date.parse('2025-01-01T00:00:00Z');
  return {
    format: 'opttrace-scenario@1',
    title: `Synthetic history, ${n} events`,
    codes: [
      { code: '12345', type: 'short', country: 'US', keywords: [{ keyword: 'JOIN', kind: 'opt-in', optIn: 'single' }, { keyword: 'NEWS', kind: 'outbound' }] },
      { code: '67890', type: 'short', country: 'US', keywords: [{ keyword: 'DEALS', kind: 'opt-in', optIn: 'single' }] },
    ],
    initial: { contacts: [{ mobileNumber: N, status: 'Active' }] },
    events: Array.from({ length: n }, (_, i) => ({ id: `e${i + 1}`, at: new Date(t0 + i * 3_600_000 + (i % 7) * 60_000).toISOString(), mobileNumber: N, ...kinds[i % kinds.length]!(i) })),
  };
}

/**
 * Times `count` steps (→) or edits (skip toggles) in the page. `render`: from the key/click to the end
 * of React's synchronous render and commit (a microtask queued after it); `frame`: until the next
 * frame has been produced as well (style, layout, paint, effects). Long tasks are counted too.
 */
async function measure(page: Page, action: 'step' | 'edit', count: number) {
  return page.evaluate(
    async ({ action, count }) => {
      const longTasks: number[] = [];
      const obs = new PerformanceObserver((l) => longTasks.push(...l.getEntries().map((e) => e.duration)));
      obs.observe({ type: 'longtask' });
      const afterFrame = () => new Promise<void>((r) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); }));
      const render: number[] = [];
      const frame: number[] = [];
      for (let i = 0; i < count; i++) {
        await afterFrame();
        const t0 = performance.now();
        if (action === 'step') window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
        else (document.querySelector('[data-testid="event-list"] .row-actions button[aria-pressed]') as HTMLButtonElement).click();
        await new Promise<void>((r) => queueMicrotask(r));
        render.push(performance.now() - t0);
        await afterFrame();
        frame.push(performance.now() - t0);
      }
      await new Promise((r) => setTimeout(r, 100));
      obs.disconnect();
      const stats = (xs: number[]) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const q = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! * 100) / 100;
        return { median: q(0.5), p95: q(0.95), max: q(1) };
      };
      return { count, render: stats(render), frame: stats(frame), longTasks: longTasks.length, longestTask: Math.round(Math.max(0, ...longTasks)) };
    },
    { action, count },
  );
}

test('speed: stepping and editing a 500-event scenario, and a 5,000-event one stays usable', async ({ app }) => {
  test.setTimeout(120_000);
  const { page } = app;
  const dir = mkdtempSync(join(tmpdir(), 'opttrace-perf-'));
  const figures: Record<string, unknown> = {};
  for (const n of [500, 5000]) {
    const file = join(dir, `big-${n}.opttrace.json`);
    writeFileSync(file, JSON.stringify(bigScenario(n)));
    app.dialogs.queueOpen([file]);
    await page.getByRole('button', { name: 'Simulator' }).click();
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Open file…' }).click();
    await expect(page.getByTestId('step-counter')).toHaveText(`Step 0 of ${n}`);
    const openMs = Date.now() - t0;
    await page.keyboard.press('ArrowRight');
    const step = await measure(page, 'step', 100);
    const edit = await measure(page, 'edit', n === 500 ? 20 : 6);
    // Virtualized: only a screenful of rows is in the DOM.
    const rows = await page.locator('[data-testid="event-list"] .event-row').count();
    await page.keyboard.press('End');
    await expect(page.getByTestId('step-counter')).toHaveText(`Step ${n} of ${n}`);
    figures[`events${n}`] = { openMs, step, edit, domRows: rows };
    const f = (x: { median: number; p95: number; max: number }) => `median ${x.median} / p95 ${x.p95} / max ${x.max} ms`;
    console.log(`sim-perf ${n} events: open ${openMs} ms; ${rows} rows in the DOM`);
    console.log(`  step  render ${f(step.render)}; to next frame ${f(step.frame)}; ${step.longTasks} long tasks (longest ${step.longestTask} ms)`);
    console.log(`  edit  render ${f(edit.render)}; to next frame ${f(edit.frame)}; ${edit.longTasks} long tasks (longest ${edit.longestTask} ms)`);
    expect(rows).toBeLessThan(60);
    if (n === 500) {
      // Targets 16 ms (step) and 50 ms (edit) are reported above; only gross regressions fail a shared CI machine.
      expect(step.render.median).toBeLessThan(100);
      expect(edit.render.median).toBeLessThan(300);
    }
  }
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(join(ROOT, 'test-results', 'sim-perf.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), machine: { cpus: cpus().length, loadavg: loadavg().map((x) => Math.round(x * 100) / 100) }, note: 'render = key/click to end of React render+commit; frame = until the next frame is produced (includes up to one vsync wait)', ...figures }, null, 2)}\n`);
});

test('accessibility: no serious or critical axe violations in the simulator and the library', async ({ app }) => {
  const { page } = app;
  const axe = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const run = async (where: string) => {
    // The page's CSP refuses inline <script> (page.addScriptTag); code evaluated by the driver is exempt.
    await page.evaluate(axe);
    const violations = await page.evaluate(async () => {
      const w = window as unknown as { axe: { run: (ctx: Element, opts: object) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } };
      const r = await w.axe.run(document.body, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    expect(violations, where).toEqual([]);
  };
  await page.getByRole('button', { name: 'Scenario library' }).click();
  await expect(page.getByTestId(`lib-${KA}`)).toBeVisible();
  await run('library');
  await openKa(page);
  await page.keyboard.press('ArrowRight');
  await run('simulator, light');
  await page.getByTestId('compare-panel').getByRole('button', { name: 'Compare' }).click();
  await page.getByTestId('insert-event').click();
  await page.getByLabel('Theme').selectOption('dark');
  await run('simulator with editor and comparison, dark');
});
