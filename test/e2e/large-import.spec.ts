import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { formatTenBillionths, writeFocusFile } from '../support/focus-file.js';
import { AppPage } from './app.page.js';

test('a large CSV (over the size that is converted in parallel) imports through nested import workers with its exact total', async ({ page }) => {
  test.setTimeout(120_000);
  const path = join(mkdtempSync(join(tmpdir(), 'cc-e2e-large-')), 'large-focus.csv');
  const generated = await writeFocusFile(path, 130_000, 11);
  expect(statSync(path).size).toBeGreaterThan(24 << 20);
  const app = new AppPage(page);
  await app.open({ empty: true });
  await app.goTo('Import');
  // Every text the progress line shows, however briefly (the summaries of 130,000 rows take a moment).
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { progressTexts: seen });
    new MutationObserver(() => {
      const text = document.getElementById('import-progress-label')?.textContent;
      if (text && seen.at(-1) !== text) seen.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await app.importFiles([path]);
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toContainText('Imported 130,000 rows from 1 file.', { timeout: 90_000 });
  // The engine's worker and the import worker nested in it.
  expect(page.workers().map((w) => w.url()).join(' ')).toMatch(/import-worker-web/);
  const exact = Number(formatTenBillionths(generated.billedTenBillionths));
  const shown = exact.toLocaleString('en-US', { style: 'currency', currency: 'USD' });
  await expect(page.getByRole('table', { name: 'Validation report' }).getByRole('row', { name: /large-focus\.csv/ })).toContainText(shown);
  await expect(page.getByRole('table', { name: 'Validation report' }).getByRole('row', { name: /large-focus\.csv/ })).toContainText('Line by line');
  // Once the file is read, the progress line says what happens next instead of "Reading … 100%".
  const texts = await page.evaluate(() => (window as unknown as { progressTexts: string[] }).progressTexts);
  expect(texts.some((text) => /^Reading large-focus\.csv \(file 1 of 1\): \d+%/.test(text))).toBe(true);
  expect(texts).toContain('Building summaries of large-focus.csv (file 1 of 1, 130,000 rows read)…');
  const building = texts.indexOf('Building summaries of large-focus.csv (file 1 of 1, 130,000 rows read)…');
  expect(texts.slice(building + 1).filter((text) => text.startsWith('Reading'))).toEqual([]);
  await app.screenshot('import-large-report');
});
