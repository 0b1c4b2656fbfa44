import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { AppPage } from './app.page.js';

test('the price book: filter, edit a price (keyboard only), estimate a usage import with it, add a price, reset; axe-clean', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ empty: true });
  await app.openScreen('Price book');
  const table = page.getByRole('table', { name: 'AI model prices per 1M tokens in this workspace' });
  await expect(table.getByRole('row', { name: /^gpt-4o-mini openai/ })).toBeVisible();
  await expect(page.getByText('Estimated costs are marked as estimated wherever they appear')).toBeVisible();
  expect(await app.accessibilityViolations()).toEqual([]);

  // Filter by model text, then by provider.
  await page.getByRole('searchbox', { name: 'Find a model' }).fill('gpt-4o-mini');
  await expect(page.getByText(/^Showing 1 of \d+ prices$/)).toBeVisible();
  const row = table.getByRole('row', { name: /^gpt-4o-mini openai/ });
  await expect(row.getByRole('cell').nth(1)).toHaveText('0.15');
  await expect(row).toContainText('Shipped');

  // Edit the input price with the keyboard: focus Edit, Enter; type; Enter submits the form.
  await row.getByRole('button', { name: 'Edit gpt-4o-mini from 2024-07-18' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit gpt-4o-mini from 2024-07-18' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /^To this entry/ })).toBeChecked();
  await app.screenshot('price-book-edit');
  expect(await app.accessibilityViolations()).toEqual([]);
  const input = dialog.getByRole('textbox', { name: 'Input', exact: true });
  await input.focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('0.175');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Saved gpt-4o-mini from 2024-07-18.' })).toBeVisible();
  await expect(row.getByRole('cell').nth(1)).toHaveText('0.175');
  await expect(row).toContainText('Edited');
  await expect(page.getByText('This workspace has its own edits (1 edited)')).toBeVisible();

  // A usage-only export is now estimated with the edited price book: gpt-4o-mini 3,000,000 uncached input × 0.175 = 0.525,
  // 1,000,000 cached × 0.075 = 0.075, 1,000,000 output × 0.60 = 0.60; gpt-4.1-nano 10M × 0.10 + 2M × 0.40 = 1.80. Total 3.00.
  await app.importFiles([resolve('test/fixtures/openai/dashboard_usage_export.tsv')]);
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Validation report' }).getByRole('row', { name: /dashboard_usage_export\.tsv/ })).toContainText('$3.00');
  await expect(page.getByRole('list', { name: 'Notes on dashboard_usage_export.tsv' }))
    .toContainText('5 lines priced from the edited price book (3 of them at prices edited or added in this workspace)');

  // Add a model price.
  await app.openScreen('Price book');
  await page.getByRole('button', { name: 'Add a model price' }).click();
  const add = page.getByRole('dialog', { name: 'Add a model price' });
  await add.getByRole('combobox', { name: 'Provider' }).fill('mistral');
  await add.getByRole('textbox', { name: 'Model names' }).fill('mistral-large-2');
  await add.getByLabel('Effective from').fill('2025-01-01');
  await add.getByRole('textbox', { name: 'Input', exact: true }).fill('2');
  await add.getByRole('textbox', { name: 'Output', exact: true }).fill('6');
  await add.getByRole('textbox', { name: 'Source' }).fill('mistral.ai/pricing');
  await add.getByRole('button', { name: 'Add price' }).click();
  await expect(add).toBeHidden();
  const added = table.getByRole('row', { name: /^mistral-large-2 mistral/ });
  await expect(added).toContainText('Added');
  await page.getByRole('combobox', { name: 'Provider' }).click();
  await page.getByRole('option', { name: 'mistral' }).click();
  await expect(page.getByText('Showing 1 of')).toBeVisible();
  await page.getByRole('combobox', { name: 'Provider' }).click();
  await page.getByRole('option', { name: 'All providers' }).click();
  await page.getByRole('searchbox', { name: 'Find a model' }).fill('');
  await app.screenshot('price-book');
  expect(await app.accessibilityViolations()).toEqual([]);
  for (const theme of ['Dark', 'High contrast'] as const) {
    await app.setTheme(theme);
    expect(await app.accessibilityViolations(), theme).toEqual([]);
  }
  await app.screenshot('price-book-high-contrast');
  await app.setTheme('Light');

  // Reset, with confirmation.
  await page.getByRole('button', { name: 'Reset to shipped prices' }).click();
  const confirm = page.getByRole('dialog', { name: 'Reset to shipped prices?' });
  await expect(confirm).toContainText('1 edited and 1 added');
  await confirm.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'back to the shipped prices' })).toBeVisible();
  await expect(table.getByRole('row', { name: /^gpt-4o-mini openai/ }).getByRole('cell').nth(1)).toHaveText('0.15');
  await expect(table.getByRole('row', { name: /^mistral-large-2/ })).toHaveCount(0);
  await expect(page.getByText('This workspace has no edits.')).toBeVisible();
  expect(await app.accessibilityViolations()).toEqual([]);
});
