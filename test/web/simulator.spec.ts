import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, ROOT, test } from '../support/web-harness';

const KA = 'ka-000381673-stop-then-imports.opttrace.json';
const N = '12345678900';
const cell = (page: Page, kw: string) => page.getByTestId(`matrix-${N}`).first().getByTestId(`cell-${N}-12345-${kw}`);

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
  await app.screenshot('library');
  await openKa(page);
  await expectRow(page, 'OptedIn', 'OptedIn', 'None', /Allowed/);
  await app.screenshot('simulator-step0');

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
  await app.screenshot('simulator-stepped');

  await page.keyboard.press('Home');
  await expect(page.getByTestId('step-counter')).toHaveText('Step 0 of 3');
  await page.keyboard.press('End');
  await expect(page.getByTestId('step-counter')).toHaveText('Step 3 of 3');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('step-counter')).toHaveText('Step 2 of 3');
  // Clicking an event jumps to it.
  await page.getByTestId('event-stop').getByRole('button', { name: /texts/ }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 1 of 3');
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
  await editor.getByRole('button', { name: 'Insert event' }).click();
  await expect(page.getByTestId('step-counter')).toHaveText('Step 4 of 4');
  await expectRow(page, 'OptedOut', 'OptedOut', 'OptedOut', /Blocked \(opted out\)/);
  await expect(page.getByTestId('event-h1')).toContainText('hypothetical');
  await expect(page.getByTestId('whatif-panel')).toContainText('inserted');
  await app.screenshot('simulator-whatif');

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
  await app.screenshot('simulator-compare');
  await page.getByLabel('Theme').selectOption('dark');
  await app.screenshot('simulator-compare-dark');
  await page.getByLabel('Theme').selectOption('light');

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
