import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { AppPage } from './app.page.js';

test('exchange rates entered and imported from CSV convert every currency into a display currency, labelled as converted', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ empty: true });
  await app.importFiles([resolve('test/fixtures/focus/awkward/two-currencies.csv')]);
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toBeVisible();

  await app.goTo('Currencies');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import rates from CSV…' }).click();
  await (await chooser).setFiles(resolve('test/fixtures/fx/eur-usd.csv'));
  await expect(page.getByRole('status')).toContainText('Imported 2 rates from eur-usd.csv.');
  await page.getByLabel('From currency').fill('GBP');
  await page.getByLabel('Rate (1 from = rate to)').fill('1.27');
  await page.getByLabel('Source').fill('Bank of England');
  await page.getByRole('button', { name: 'Add rate' }).click();
  const table = page.getByRole('table', { name: 'Exchange rates in this workspace' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await app.screenshot('currencies');
  expect(await app.accessibilityViolations()).toEqual([]);

  await app.goTo('Overview');
  await expect(app.totalEffective()).toHaveText('€18.00');
  await page.getByRole('combobox', { name: 'Show amounts' }).click();
  await page.getByRole('option', { name: 'All converted to USD' }).click();
  // 9.00 + 18.00 × 1.2 + 1.00
  await expect(app.totalEffective()).toHaveText('$31.60');
  await expect(page.getByText('Total effective cost, converted to USD')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Converted figures' })).toContainText('ECB reference rate');
  await app.screenshot('overview-converted');
  expect(await app.accessibilityViolations()).toEqual([]);
});
