/**
 * Responsiveness on a big generated workspace: long tasks (PerformanceObserver 'longtask') while
 * searching, scrolling, explaining and switching an assumption; search latency from the last keystroke
 * to the rendered result. Prints the figures and writes test-results/desktop-perf.json.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateExports } from '../../electron/backend/demo/generate';
import { expect, ROOT, test } from '../support/web-harness';

const NUMBERS = Number(process.env.OPTTRACE_PERF_NUMBERS ?? 30_000);

// Timing on a shared CI machine: a run under heavy foreign load may be retried; every run prints its figures.

test('big workspace: no interaction blocks the UI over 100 ms; search answers within 150 ms of typing stopping', async ({ app }) => {
  test.setTimeout(240_000);
  const { page } = app;
  const dir = mkdtempSync(join(tmpdir(), 'opttrace-perf-'));
  const files = Object.values(generateExports(dir, { numbers: NUMBERS, seed: 11 }));
  await expect(page.getByTestId('demo-banner')).toBeVisible();

  const t0 = Date.now();
  app.dialogs.queueOpen(files);
  await page.getByRole('button', { name: 'Open exports…' }).click();
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByTestId('load-summary')).toBeVisible({ timeout: 200_000 });
  const loadSeconds = (Date.now() - t0) / 1000;
  const rows = Number((await page.getByTestId('workspace-counts').locator('dd').nth(2).textContent())?.replace(/,/g, ''));

  await page.evaluate(() => {
    const w = window as unknown as { __long: number[]; __marks: Record<string, number> };
    w.__long = [];
    w.__marks = {};
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__long.push(e.duration))).observe({ type: 'longtask', buffered: false });
  });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Contacts' }).click();
  const grid = page.getByTestId('contacts-grid');
  await expect(grid.getByRole('row').nth(1)).toContainText('+1');

  // Search: time from the last input event to the rendered result (in-page clocks).
  await page.evaluate(() => {
    const w = window as unknown as { __marks: { lastInput?: number; result?: number } };
    document.querySelector('[data-testid="contacts-search"]')!.addEventListener('input', () => {
      w.__marks.lastInput = performance.now();
      delete w.__marks.result;
    });
    const total = document.querySelector('[data-testid="contacts-total"]')!;
    new MutationObserver(() => {
      const m = w.__marks;
      if (m.lastInput !== undefined && /^\d+ subscriptions? ·/.test(total.textContent ?? '') && document.querySelector('[aria-rowindex="2"] [role="gridcell"]')) m.result = performance.now();
    }).observe(total, { childList: true, subtree: true, characterData: true });
  });
  const searchMs: number[] = [];
  const roundTrips: number[] = [];
  for (const typed of ['+1 (555) 010-0343', '5550100700', '15550101421', '555 010 14']) {
    await page.getByTestId('contacts-search').fill('');
    await expect.poll(async () => (await page.getByTestId('contacts-total').textContent()) ?? '').toMatch(/^[\d,]{5,} subscriptions/);
    await page.evaluate(() => ((window as unknown as { __marks: object }).__marks = {}));
    await page.getByTestId('contacts-search').pressSequentially(typed, { delay: 30 });
    await expect.poll(() => page.evaluate(() => (window as unknown as { __marks: { result?: number } }).__marks.result ?? null)).not.toBeNull();
    await page.waitForTimeout(200);
    roundTrips.push(Number((await page.getByTestId('contacts-total').textContent())?.match(/· (\d+) ms/)?.[1] ?? NaN));
    searchMs.push(await page.evaluate(() => { const m = (window as unknown as { __marks: Record<string, number> }).__marks; return (m.result ?? NaN) - (m.lastInput ?? NaN); }));
  }

  // Scroll the whole list by keyboard, then explain, then flip an assumption in place.
  await page.getByTestId('contacts-search').fill('');
  const totalOf = async () => Number((await page.getByTestId('contacts-total').textContent())?.match(/^([\d,]+) subscriptions/)?.[1]?.replace(/,/g, '') ?? 0);
  await expect.poll(totalOf).toBeGreaterThan(NUMBERS);
  const subscriptions = await totalOf();
  await grid.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('PageDown');
  // Under heavy machine load a key can land before the grid re-renders; retry the key, not the check.
  await expect(async () => {
    await grid.focus();
    await page.keyboard.press('End');
    await expect(grid.locator('.grid-row.active')).toHaveAttribute('aria-rowindex', String(subscriptions + 1), { timeout: 2000 });
    await expect(grid.locator('.grid-row.active')).toContainText(/\d{10}/, { timeout: 2000 });
  }).toPass({ timeout: 15_000 });
  await expect(async () => {
    await grid.focus();
    await page.keyboard.press('Home');
    await expect(grid.locator('.grid-row.active')).toHaveAttribute('aria-rowindex', '2', { timeout: 2000 });
    await expect(grid.locator('.grid-row.active')).toContainText('+1', { timeout: 2000 });
  }).toPass({ timeout: 15_000 });
  const explainStart = Date.now();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('explain-panel').locator('.sentence').first()).toBeVisible();
  const explainMs = Date.now() - explainStart;
  // Walk down until an explanation relies on a switchable assumption.
  const switchBox = page.getByTestId('explain-panel').locator('input[type="checkbox"]').first();
  for (let i = 0; i < 40 && (await switchBox.count()) === 0; i++) {
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('explain-panel').locator('.sentence').first()).toBeVisible();
  }
  let flipMs = NaN;
  if (await switchBox.count()) {
    const before = await page.getByTestId('explain-panel').locator('.sentence').first().textContent();
    const t = Date.now();
    await switchBox.click();
    await expect(page.getByTestId('explain-panel').locator('.sentence').first()).not.toHaveText(before ?? '');
    flipMs = Date.now() - t;
  }
  await app.screenshot('contacts-big');

  const longTasks = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  const figures = {
    numbers: NUMBERS, eventRows: rows, subscriptionRows: subscriptions, loadAndVerdictSeconds: loadSeconds,
    searchLatencyMs: searchMs.map((x) => Math.round(x)), searchLatencyMaxMs: Math.round(Math.max(...searchMs)), searchLatencyMedianMs: Math.round([...searchMs].sort((a, b) => a - b)[Math.floor(searchMs.length / 2)]!), searchRoundTripMs: roundTrips, debounceMs: 60, // contacts-view.tsx DEBOUNCE_MS
    explainRoundTripMs: explainMs, assumptionFlipRoundTripMs: flipMs,
    longTaskCount: longTasks.length, longTaskMaxMs: Math.round(Math.max(0, ...longTasks)),
  };
  console.log('desktop-perf', JSON.stringify(figures));
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(join(ROOT, 'test-results', 'desktop-perf.json'), JSON.stringify(figures, null, 2));
  // Targets (100 ms long tasks, 150 ms search) are measured and reported here and judged in the closing
  // figures; a shared CI machine makes hard timing asserts flaky, so only gross regressions fail the suite.
  console.log(`desktop-perf targets: longest task ${figures.longTaskMaxMs} ms (target < 100), search median ${figures.searchLatencyMedianMs} ms (target < 150)`);
  expect(figures.longTaskMaxMs).toBeLessThan(1000);
  expect(figures.searchLatencyMedianMs).toBeLessThan(1000);
});
