import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { isoOf, writeDailyFocus, type DailyLine } from '../support/daily-focus.js';
import { AppPage } from './app.page.js';

const OCT_20 = 20746; // 2026-10-20

/** EUR: Compute for 20 days and a one-off service on one day; USD: an AI model on 3 days only. */
function lines(): DailyLine[] {
  const out: DailyLine[] = [];
  for (let i = 0; i < 20; i++) out.push({ day: isoOf(OCT_20 - 19 + i), cost: [120, 130, 125, 118, 110, 60, 55][i % 7] as number, service: 'Compute', currency: 'EUR' });
  out.push({ day: isoOf(OCT_20), cost: 30, service: 'One-off', currency: 'EUR' });
  for (let i = 0; i < 3; i++) out.push({ day: isoOf(OCT_20 - 2 + i), cost: 12 + i, service: 'OpenAI', model: 'gpt-4o', tokenType: 'input', tokens: 1_000_000, currency: 'USD' });
  return out;
}

test('the forecast screen with short histories, a one-day series and a slice missing from the currency', async ({ page }) => {
  test.setTimeout(120_000);
  const file = join(mkdtempSync(join(tmpdir(), 'fc-short-')), 'short.csv');
  writeDailyFocus(file, lines());
  const app = new AppPage(page);
  await app.open({ empty: true });
  await app.importFiles([file]);
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toBeVisible();
  await app.openScreen('Forecast');
  await expect(page.getByRole('region', { name: 'Projections: Total' })).toBeVisible();

  // The AI model has costs in USD only: said for EUR, and nothing is left looking as if it were loading.
  await page.getByRole('combobox', { name: 'Cut by' }).click();
  await page.getByRole('option', { name: 'AI model', exact: true }).click();
  await expect(page.getByText('No AI model series has costs in EUR. Choose another currency to see its series.')).toBeVisible();
  await expect(page.locator('.MuiSkeleton-root')).toHaveCount(0);
  await app.screenshot('forecast-no-series');

  // In USD: three days, a short history, said with its real length.
  await page.getByRole('combobox', { name: 'Currency' }).click();
  await page.getByRole('option', { name: 'USD' }).click();
  await expect(app.chart('History and forecast: AI model: gpt-4o')).toBeVisible();
  await expect(page.getByRole('note')).toHaveText('Short history: 3 days of data, so a simpler model is used and its accuracy cannot be tested fully.');
  await app.screenshot('forecast-short-history');

  // A service with one day of cost: no forecast, said once, and no track record to claim.
  await page.getByRole('combobox', { name: 'Currency' }).click();
  await page.getByRole('option', { name: 'EUR' }).click();
  await page.getByRole('combobox', { name: 'Cut by' }).click();
  await page.getByRole('option', { name: 'Service', exact: true }).click();
  await page.getByRole('combobox', { name: 'Series' }).click();
  await page.getByRole('option', { name: 'One-off' }).click();
  const chart = app.chart('History and forecast: Service: One-off');
  await expect(chart).toContainText('No forecast for Service: One-off: fewer than 2 days with a cost (1).');
  await expect(page.getByRole('region', { name: 'Model and track record' })).toContainText('No track record: there is no forecast to test.');
  await expect(page.locator('main')).not.toContainText(/NaN|undefined|Infinity/);
  await app.screenshot('forecast-no-forecast');
  expect(await app.violationsInThemes(['Light', 'Dark', 'High contrast'])).toEqual({});
});
