import { mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seriousViolations } from '../support/axe';
import { expect, ROOT, test } from '../support/web-harness';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'tracking-with-bad-row.csv');

test('open the demo, load an export with bad rows, find, explain, flip an assumption, save and reopen', async ({ app }) => {
  const { page } = app;
  const nav = (name: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name });
  const axe = async (view: string) => expect(await seriousViolations(page), `axe on ${view}`).toEqual([]);

  // 1. First launch: the demo workspace, clearly labelled.
  await expect(page.getByTestId('demo-banner')).toBeVisible();
  await expect(page.getByTestId('sources')).toContainText('sms-message-tracking.csv');
  await expect(page.getByTestId('sources')).toContainText('_SMSMessageTracking');
  await app.screenshot('workspace');
  await axe('workspace');

  // 2. Load another export: format detected, malformed rows rejected with their line.
  app.dialogs.queueOpen([FIXTURE]);
  await page.getByRole('button', { name: 'Open exports…' }).click();
  await expect(page.getByTestId('load-preview')).toContainText('tracking-with-bad-row.csv');
  await expect(page.getByLabel('Format of tracking-with-bad-row.csv')).toHaveValue('sms-message-tracking');
  await axe('load preview');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByTestId('load-summary')).toContainText('Loaded 4 row(s) from 1 file(s); 2 rejected');
  const rejected = page.getByTestId('rejected-rows');
  await expect(rejected.getByRole('row').filter({ hasText: '5/32/2025' })).toContainText('6');
  await expect(rejected.getByRole('row').filter({ hasText: '5559870004' })).toContainText('country code');
  await expect(page.getByRole('heading', { name: /Demo workspace/ })).toContainText('•');
  await app.screenshot('load-summary');

  // 3. Find a number typed the way people write it.
  await nav('Contacts').click();
  await page.getByTestId('contacts-search').fill('+1 (555) 123-0003');
  await expect(page.getByTestId('contacts-total')).toContainText('2 subscriptions');
  const grid = page.getByTestId('contacts-grid');
  await expect(grid).toHaveAttribute('aria-rowcount', '3');
  await expect(grid.getByRole('row').nth(1)).toContainText('+1 (555) 123-0003');
  await app.screenshot('contacts');
  await axe('contacts');

  // 4. Explain it from the keyboard.
  await grid.focus();
  await page.keyboard.press('Enter');
  const sentence = page.getByTestId('sentence-12345');
  await expect(sentence).toContainText('the contact is Inactive');
  await expect(page.getByTestId('keyword-ALERTS')).toContainText('IMPORT-UNSUBSCRIBE');
  await expect(page.getByTestId('keyword-ALERTS')).toContainText('mobileconnect-import.csv, line');
  await expect(page.getByTestId('keyword-JOIN')).toContainText('CST');
  await app.screenshot('explain');
  await axe('explain');

  // 5. Flip the assumption the verdict relies on: the explanation changes at once.
  await page.getByTestId('assume-inactiveBlocksSend').uncheck();
  await expect(sentence).toContainText('Sendable on 12345');
  await expect(page.getByTestId('explain-panel')).toContainText('what-if');
  await page.getByTestId('assume-inactiveBlocksSend').check();
  await expect(sentence).toContainText('the contact is Inactive');

  // 6. The rule link opens the rulebook on that rule.
  await page.getByTestId('keyword-ALERTS').getByRole('button', { name: 'IMPORT-UNSUBSCRIBE' }).click();
  await expect(page.locator('[data-rule="IMPORT-UNSUBSCRIBE"]')).toHaveClass(/selected/);
  await expect(page.getByTestId('assumption-inactiveBlocksSend')).toContainText('Inactive contact');
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
