import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FINANCE_HEADER as HEADER, FINANCE_OCTOBER as OCTOBER } from '../support/finance-export.js';
import { AppPage } from './app.page.js';

// The same columns in another order and case, a later month.
const NOVEMBER = 'NOTES,TAG_ENV,TAG_TEAM,CURRENCY CODE,AMOUNT_VALUE,TOKENS,LINE_ITEM,MODEL,PROJECT,USAGE DAY\n,prod,chat,USD,10.10,100,gpt-4o input,gpt-4o,proj-chat,2026-11-01\n';

const dir = mkdtempSync(join(tmpdir(), 'cc-e2e-mapping-'));
const october = join(dir, 'finance-export.csv');
const november = join(dir, 'finance-export-november.csv');
writeFileSync(october, `${[HEADER, ...OCTOBER].join('\n')}\n`);
writeFileSync(november, NOVEMBER);

test('a file no known format reads: the closest formats, a column mapping made by hand, then the import', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ empty: true });
  await app.importFiles([october]);

  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was imported' })).toContainText('finance-export.csv could not be imported');
  const details = page.getByRole('region', { name: 'Details for finance-export.csv' });
  await expect(details.getByRole('list', { name: 'Closest known formats for finance-export.csv' })).toHaveText('OpenAI costs (openai-costs-csv): lacks start_time');
  expect(await app.accessibilityViolations()).toEqual([]);
  await app.screenshot('column-mapping-refused');

  // Keyboard only: focus "Map columns…" and press Enter.
  await details.getByRole('button', { name: /^Map columns…/ }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Map the columns of finance-export.csv' });
  await expect(dialog).toBeVisible();

  // The first rows, and guesses from the column names, which the user checks and corrects.
  await expect(dialog.getByRole('region', { name: 'First rows of finance-export.csv' })).toContainText('proj-search');
  const billed = dialog.getByLabel('Billed cost (BilledCost)');
  await expect(billed).toHaveValue('amount_value');
  await billed.selectOption('Model');
  await expect(billed).toHaveAccessibleDescription('First values: gpt-4o · gpt-4o · gpt-4o-mini');
  await billed.selectOption('amount_value');
  await expect(billed).toHaveAccessibleDescription('First values: 3.000000 · 3.0000004 · 1.3500000001');
  await dialog.getByLabel('Charge date (ChargePeriodStart)').selectOption('Usage Day');
  await dialog.getByLabel('Currency column (BillingCurrency)').selectOption('Currency Code');
  await expect(dialog.getByLabel('Fixed currency code')).toBeDisabled();
  await dialog.getByLabel('Sub-account or project (SubAccountId)').selectOption('Project');
  await dialog.getByLabel('AI model (x_Model)').selectOption('Model');
  await dialog.getByLabel('Tokens (x_Tokens)').selectOption('Tokens');
  await dialog.getByLabel('Description (ChargeDescription)').selectOption('line_item');
  await dialog.getByLabel('Service (ServiceName)').selectOption('');
  await expect(dialog.getByLabel('Fixed provider name')).toHaveValue('OpenAI');
  await expect(dialog.getByLabel('Tag columns start with')).toHaveValue('tag_');
  await expect(dialog.getByLabel('Tag columns start with')).toHaveAccessibleDescription('Tags: team (from tag_team), env (from tag_env)');
  await dialog.getByLabel('Provider family').selectOption('openai');
  const name = dialog.getByLabel('Mapping name');
  await name.fill('Finance export');
  await expect(name).toHaveAccessibleDescription('Format: openai-mapped-finance-export');

  expect(await app.accessibilityViolations()).toEqual([]);
  await app.screenshot('column-mapping-dialog');
  await dialog.getByLabel('Tag columns start with').scrollIntoViewIfNeeded();
  await app.screenshot('column-mapping-dialog-tags');

  // Enter in a field submits: "Save mapping and import" runs the import again with the same file.
  await name.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toContainText('Imported 6 rows from 1 file.');
  const report = page.getByRole('table', { name: 'Validation report' });
  await expect(report.getByRole('row', { name: /finance-export\.csv/ })).toContainText('openai-mapped-finance-export');
  await expect(report.getByRole('row', { name: /finance-export\.csv/ })).toContainText('$1,241.42');
  const mappings = page.getByRole('table', { name: 'Column mappings saved in this workspace' });
  await expect(mappings.getByRole('row', { name: /Finance export/ })).toContainText('openai-mapped-finance-export');
  expect(await app.accessibilityViolations()).toEqual([]);
  await app.screenshot('column-mapping-imported');

  await page.getByRole('button', { name: 'View overview' }).click();
  await expect(app.totalEffective()).toHaveText('$1,241.42');
  await expect(app.chart('By provider')).toContainText('OpenAI');

  // The same columns later (another order and case): imported without asking.
  await app.importFiles([november]);
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toContainText('Imported 1 rows from 1 file.');
  await expect(report.getByRole('row', { name: /finance-export-november\.csv/ })).toContainText('openai-mapped-finance-export');
  await app.goTo('Overview');
  await expect(app.totalEffective()).toHaveText('$1,251.52');
});

test('the mapping dialog says what is missing, and Cancel leaves everything as it was', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ empty: true });
  const odd = join(dir, 'odd.csv');
  writeFileSync(odd, 'when,what\n2026-10-01,thing\n');
  await app.importFiles([odd]);
  const details = page.getByRole('region', { name: 'Details for odd.csv' });
  await expect(details).toContainText('No known format comes close to its columns.');
  await details.getByRole('button', { name: /^Map columns…/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Map the columns of odd.csv' });
  await dialog.getByLabel('Fixed currency code').fill('');
  await dialog.getByRole('button', { name: 'Save mapping and import' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Choose the column with the billed cost.');
  await expect(dialog.getByRole('alert')).toContainText('fixed three-letter currency code');
  await expect(dialog.getByRole('alert')).toContainText('Choose the provider family');
  await app.screenshot('column-mapping-problems');
  // The list follows the form: what is fixed leaves it.
  await dialog.getByLabel('Charge date (ChargePeriodStart)').selectOption('when');
  await expect(dialog.getByRole('alert')).not.toContainText('charge date');
  await expect(dialog.getByRole('alert')).toContainText('Choose the column with the billed cost.');
  expect(await app.accessibilityViolations()).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('table', { name: 'Column mappings saved in this workspace' })).toHaveCount(0);
});
