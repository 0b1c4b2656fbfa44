import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { AppPage } from './app.page.js';

const fixture = (p: string) => resolve('test/fixtures', p);

test('three exports of different formats chosen at once make one combined overview', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ empty: true });
  await app.importFiles([
    fixture('aws-cur/cur-bedrock-commitments.csv'),
    fixture('gcp/gcp_billing_export_sample.jsonl'),
    fixture('openai/costs_multi_bucket.json'),
  ]);
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toContainText('from 3 files');
  const report = page.getByRole('table', { name: 'Validation report' });
  await expect(report.getByRole('row', { name: /cur-bedrock-commitments\.csv/ })).toContainText('aws-cur-legacy');
  await expect(report.getByRole('row', { name: /gcp_billing_export_sample\.jsonl/ })).toContainText('gcp-billing-export');
  await expect(report.getByRole('row', { name: /costs_multi_bucket\.json/ })).toContainText('openai-costs-api');
  await app.screenshot('import-three-formats');
  expect(await app.accessibilityViolations()).toEqual([]);

  await page.getByRole('button', { name: 'View overview' }).click();
  const providers = app.chart('By provider');
  await providers.getByRole('button', { name: 'Show as table' }).click();
  for (const provider of ['AWS', 'Google Cloud', 'OpenAI']) await expect(providers.getByRole('row', { name: new RegExp(`^${provider}`) })).toBeVisible();
  await app.screenshot('overview-three-formats');
  expect(await app.accessibilityViolations()).toEqual([]);
});

test('a re-export of a file already imported: the user replaces the older file or keeps both', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ empty: true });
  await app.importFiles([fixture('focus/overlap/acct111-sep-first-export.csv')]);
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toBeVisible();
  await app.importFiles([fixture('focus/overlap/acct111-sep-reexport.csv')]);
  const alert = page.getByRole('alert').filter({ hasText: 'Already in the workspace?' });
  await expect(alert).toContainText('acct111-sep-reexport.csv covers the same account and period as acct111-sep-first-export.csv');
  await app.screenshot('import-overlap-decision');
  expect(await app.accessibilityViolations()).toEqual([]);
  await alert.getByRole('button', { name: 'Replace the older file' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toContainText('Imported 15 rows');
  await expect(page.getByRole('table', { name: 'Imported files, with their own totals' }).getByRole('row')).toHaveCount(2);
  await app.goTo('Overview');
  await expect(app.totalEffective()).toHaveText('$165.00');
});
