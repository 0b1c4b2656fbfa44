import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { writeFocusFile } from '../support/focus-file.js';
import { AppPage } from './app.page.js';

const fixture = (p: string) => resolve('test/fixtures/focus', p);

test('imports a FOCUS file through the file chooser and shows its exact total on the overview', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ empty: true });
  await expect(page.getByText('This workspace has no costs yet')).toBeVisible();
  expect(await app.accessibilityViolations()).toEqual([]);

  await app.importFiles([fixture('e2e/ai-services-sample.csv')]);
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toContainText('Imported 15 rows from 1 file.');
  const report = page.getByRole('table', { name: 'Validation report' });
  await expect(report.getByRole('row', { name: /ai-services-sample\.csv/ })).toContainText('focus-1.0');
  await expect(report.getByRole('row', { name: /ai-services-sample\.csv/ })).toContainText('$3,337.60');
  await app.screenshot('import-report');
  expect(await app.accessibilityViolations()).toEqual([]);

  await page.getByRole('button', { name: 'View overview' }).click();
  await expect(app.totalEffective()).toHaveText('$3,337.60');
  await expect(app.chart('By provider')).toContainText('By provider: AWS is the largest');
  await app.screenshot('overview-imported');
  expect(await app.accessibilityViolations()).toEqual([]);
});

test('every chart has a table view with the same figures', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ empty: true });
  await app.importFiles([fixture('e2e/ai-services-sample.csv')]);
  await page.getByRole('button', { name: 'View overview' }).click();

  const byDay = app.chart('Spend by day');
  await expect(byDay.getByRole('img')).toBeVisible();
  await byDay.getByRole('button', { name: 'Show as table' }).click();
  const table = byDay.getByRole('table', { name: /cost by day/ });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByRole('row', { name: /2026-10-01/ })).toContainText('$1,087.04');
  await expect(byDay.getByRole('button', { name: 'Show as chart' })).toHaveAttribute('aria-pressed', 'true');

  const byService = app.chart('By service');
  await byService.getByRole('button', { name: 'Show as table' }).click();
  await expect(byService.getByRole('row', { name: /Amazon EC2/ })).toContainText('$2,635.75');
  await app.screenshot('overview-tables');
  expect(await app.accessibilityViolations()).toEqual([]);

  // Trace a figure to its source rows.
  await byService.getByRole('button', { name: 'Lines of Amazon EC2' }).click();
  const dialog = page.getByRole('dialog', { name: 'Cost lines of Amazon EC2' });
  await expect(dialog).toContainText('3 lines');
  await expect(dialog.getByRole('row', { name: /ai-services-sample\.csv : 6/ })).toContainText('$910.40');
  expect(await app.accessibilityViolations()).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
});

test('a file with unreadable rows: nothing is imported until the user accepts the readable rows', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ empty: true });
  await app.importFiles([fixture('awkward/truncated-last-line.csv')]);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Nothing was imported');
  await expect(page.getByRole('list', { name: 'Rejected rows of truncated-last-line.csv' })).toContainText('Row 4 has');
  await app.screenshot('import-rejected-rows');
  expect(await app.accessibilityViolations()).toEqual([]);
  await page.getByRole('button', { name: 'Import the readable rows' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toContainText('Imported 2 rows');
  await app.goTo('Overview');
  await expect(app.totalEffective()).toHaveText('$3.00');
});

test('a refused file names the missing columns and leaves the workspace unchanged', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ empty: true });
  await app.importFiles([fixture('e2e/ai-services-sample.csv'), fixture('awkward/missing-mandatory.csv')]);
  await expect(page.getByRole('alert')).toContainText('missing-mandatory.csv could not be imported');
  await expect(page.getByRole('region', { name: 'Details for missing-mandatory.csv' })).toContainText('Missing columns: BillingCurrency, ServiceName');
  await app.goTo('Overview');
  await expect(page.getByText('This workspace has no costs yet')).toBeVisible();
});

test('a long import shows progress and can be cancelled', async ({ page }) => {
  const path = join(mkdtempSync(join(tmpdir(), 'cc-e2e-')), 'large-focus.csv');
  await writeFocusFile(path, 400_000);
  const app = new AppPage(page);
  await app.open({ empty: true });
  await app.importFiles([path]);
  await expect(page.getByRole('progressbar')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Reading large-focus\.csv/ })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import cancelled' })).toBeVisible();
  await app.goTo('Overview');
  await expect(page.getByText('This workspace has no costs yet')).toBeVisible();
});

test('keyboard only: skip link, navigation, and the theme choice', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ empty: true });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await app.nav('Import').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Import' })).toBeFocused();
  const choose = page.getByRole('button', { name: 'Choose files…' });
  for (let i = 0; i < 10 && !(await choose.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(choose).toBeFocused();
  await app.screenshot('keyboard-focus');
  const outline = await page.getByRole('button', { name: 'Choose files…' }).evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
});

test('an imported file can be removed from the workspace, with a confirmation', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ empty: true });
  await app.importFiles([fixture('e2e/ai-services-sample.csv'), fixture('awkward/negative-credits.csv')]);
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toContainText('Imported 18 rows from 2 files.');
  const sources = page.getByRole('table', { name: 'Imported files, with their own totals' });
  await sources.getByRole('button', { name: 'Remove negative-credits.csv' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove negative-credits.csv?' });
  await expect(dialog).toBeVisible();
  await app.screenshot('remove-source-dialog');
  expect(await app.accessibilityViolations()).toEqual([]);
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(sources.getByRole('row')).toHaveCount(2);
  await app.goTo('Overview');
  await expect(app.totalEffective()).toHaveText('$3,337.60');
});
