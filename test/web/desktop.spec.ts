import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seriousViolations } from '../support/axe';
import { expect, ROOT, test } from '../support/web-harness';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'tracking-with-bad-row.csv');

test('open the demo, load an export with bad rows, find, explain, flip an assumption, save and reopen', async ({ app }) => {
  test.setTimeout(150_000);
  const { page } = app;
  const nav = (name: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name });
  const axe = async (view: string) => expect(await seriousViolations(page), `axe on ${view}`).toEqual([]);

  // 1. First launch: the demo workspace, clearly labelled.
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await expect(page.getByTestId('sources')).toContainText('sms_subscription_log.csv');
  await expect(page.getByTestId('sources')).toContainText('_SMSSubscriptionLog');
  await expect(page.getByTestId('sources')).toContainText('_SMSMessageTracking');
  await expect(page.getByRole('heading', { name: /Load errors and warnings/ })).toHaveText('Load errors and warnings (3 rejected, 1 warning)');
  await app.screenshot('workspace');
  await axe('workspace');

  // 2. Load another export: format detected, malformed rows rejected with their line.
  app.dialogs.queueOpen([FIXTURE]);
  await page.getByRole('button', { name: 'Open exports…' }).click();
  await expect(page.getByTestId('load-preview')).toContainText('tracking-with-bad-row.csv');
  await expect(page.getByLabel('Format of tracking-with-bad-row.csv')).toHaveValue('sms-message-tracking');
  await axe('load preview');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByTestId('load-summary')).toContainText('Loaded 5 rows; 1 row rejected');
  await expect(page.getByTestId('load-summary')).toContainText(/\(\d+ ms\)/); // a 5-row load: never '(0.0 s)'
  const rejected = page.getByTestId('rejected-rows');
  await expect(rejected.getByRole('row').filter({ hasText: '5/32/2025' })).toContainText(/Rejected\s*6\s*CreateDateTime/);
  await expect(rejected.getByRole('row').filter({ hasText: '5559870004' })).toContainText('10 digits');
  await expect(page.getByRole('heading', { name: /Demo workspace/ })).toContainText('•');
  await app.screenshot('load-summary');

  // 3. Find a number typed the way people write it.
  await nav('Contacts').click();
  await page.getByTestId('contacts-search').fill('+1 (555) 010-0343');
  await expect(page.getByTestId('contacts-total')).toContainText('1 subscription');
  const grid = page.getByTestId('contacts-grid');
  await expect(grid).toHaveAttribute('aria-rowcount', '2');
  await expect(grid.getByRole('row').nth(1)).toContainText('+1 (555) 010-0343');
  await app.screenshot('contacts');
  await axe('contacts');
  const verdictHeader = grid.getByRole('columnheader', { name: /Verdict on code/ });
  await verdictHeader.getByRole('button').click();
  await expect(verdictHeader).toHaveAttribute('aria-sort', 'ascending');
  await verdictHeader.getByRole('button').click();
  await expect(verdictHeader).toHaveAttribute('aria-sort', 'descending');
  await grid.getByRole('columnheader', { name: /Mobile number/ }).getByRole('button').click();
  await expect(grid.getByRole('columnheader', { name: /Mobile number/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(verdictHeader).toHaveAttribute('aria-sort', 'none');

  // 4. Explain it from the keyboard.
  await grid.focus();
  await page.keyboard.press('Enter');
  const sentence = page.getByTestId('sentence-12345');
  await expect(sentence).toContainText('opted out of JOIN');
  const joinCard = page.getByTestId('keyword-JOIN');
  await expect(joinCard).toContainText('STOP-CUSTOM');
  await expect(joinCard).toContainText('HALT');
  await expect(joinCard).toContainText('sms_message_tracking.csv, line 91');
  await expect(joinCard).toContainText('2025-11-10 20:40:48 UTC');
  await expect(joinCard).toContainText('2025-11-10 14:40:48 CST');
  await app.screenshot('explain');
  await axe('explain');

  // 5. Flip the assumption the verdict relies on: the explanation changes at once.
  await page.getByTestId('assume-customStopCodeWide').uncheck();
  await expect(sentence).toContainText('Sendable on 12345');
  await expect(page.getByTestId('explain-panel')).toContainText('what-if');
  await app.screenshot('explain-what-if');
  await page.getByTestId('assume-customStopCodeWide').check();
  await expect(sentence).toContainText('opted out of JOIN');

  // 6. The rule link opens the rulebook on that rule.
  await joinCard.getByRole('button', { name: 'STOP-CUSTOM' }).click();
  await expect(page.locator('[data-rule="STOP-CUSTOM"]')).toHaveClass(/selected/);
  await expect(page.locator('[data-rule="STOP-CUSTOM"]')).toBeInViewport();
  await expect(page.getByTestId('assumption-customStopCodeWide')).toContainText('custom STOP keyword');
  await app.screenshot('rulebook');
  await axe('rulebook');

  // 7. Dark theme.
  await page.getByLabel('Theme').selectOption('dark');
  await nav('Contacts').click();
  await expect(page.getByTestId('explain-panel')).toBeVisible();
  await app.screenshot('explain-dark');
  await axe('explain (dark)');
  await nav('Workspace').click();
  await app.screenshot('workspace-dark');
  await axe('workspace (dark)');
  await page.getByLabel('Theme').selectOption('light');

  // 8a. Hand the number's reconstructed history to the simulator: it opens paused at step 0.
  await nav('Contacts').click();
  await page.getByRole('button', { name: 'Open in simulator' }).click();
  await expect(nav('Simulator')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('sim-origin')).toContainText('History of 1');
  await expect(page.getByText(/\d+ events? in replay order/)).toBeVisible();
  await expect(page.getByTestId('step-counter')).toHaveText(/^Step 0 of \d+$/);
  await app.screenshot('simulator-history');
  await nav('Workspace').click();

  // 8. Save, start over, reopen: the same workspace comes back.
  const dir = mkdtempSync(join(tmpdir(), 'opttrace-desk-'));
  const file = join(dir, 'complaint-4711.sqlite');
  const before = (await page.getByTestId('workspace-counts').textContent()) ?? '';
  app.dialogs.queueSave(file);
  await page.getByRole('button', { name: 'Save workspace' }).click();
  await expect(page.getByRole('heading', { name: 'complaint-4711' })).toBeVisible();
  expect(existsSync(file)).toBe(true);
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Untitled workspace' })).toBeVisible();
  app.dialogs.queueOpen([file]);
  await page.getByRole('button', { name: 'Open workspace…' }).click();
  await expect(page.getByRole('heading', { name: 'complaint-4711' })).toBeVisible();
  await expect(page.getByTestId('workspace-counts')).toHaveText(before);
  await expect(page.getByTestId('sources')).toContainText('tracking-with-bad-row.csv');
});

test('opening a file that is not a workspace explains why and keeps the current one', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  app.dialogs.queueOpen([FIXTURE]);
  await page.getByRole('button', { name: 'Open workspace…' }).click();
  await expect(page.getByRole('alert')).toContainText('tracking-with-bad-row.csv');
  await expect(page.getByRole('heading', { name: 'Demo workspace' })).toBeVisible();
  await expect(page.getByTestId('demo-banner')).toBeVisible();
});

test('native menu commands reach the page: theme and open exports', async ({ app }) => {
  const { page } = app;
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  app.backend.host.emit('menu.command', { command: 'theme-dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  app.backend.host.emit('menu.command', { command: 'theme-light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  app.dialogs.queueOpen([FIXTURE]);
  app.backend.host.emit('menu.command', { command: 'open-exports' });
  await expect(page.getByTestId('load-preview')).toContainText('tracking-with-bad-row.csv');
});
