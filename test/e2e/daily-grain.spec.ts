import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { AppPage } from './app.page.js';

/** The engine runs in Node (tsx), outside the test runner: see test/support/daily-workspace.ts. */
function dailyWorkspace(dir: string): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'test/support/daily-workspace.ts', dir], { encoding: 'utf8' });
}

test('a file stored at a daily grain says so in the sources list and in drill-down', async ({ page }) => {
  const workspace = dailyWorkspace(mkdtempSync(join(tmpdir(), 'cc-e2e-daily-')));
  const app = new AppPage(page);
  await app.open({ empty: true });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open workspace…' }).click();
  await (await chooser).setFiles(workspace);
  await expect(page.getByText('Opened daily.costcouncil.')).toBeVisible();

  // 240 lines × $1.25: the exact total, whatever the grain.
  await expect(app.totalEffective()).toHaveText('$300.00');
  await page.getByRole('button', { name: 'Show source lines' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('24 rows, largest first. A file too large to keep line by line was rolled up by day');
  await expect(dialog.getByRole('row', { name: /hourly-bill\.csv : 2 / })).toContainText('hourly-bill.csv : 2 (daily group of 10 lines, from this row on)');
  await app.screenshot('daily-grain-lines');
  expect(await app.accessibilityViolations()).toEqual([]);
  await page.keyboard.press('Escape');

  await app.goTo('Import');
  const sources = page.getByRole('table', { name: 'Imported files, with their own totals' });
  await expect(sources.getByRole('row', { name: /hourly-bill\.csv/ })).toContainText('240');
  await expect(sources.getByRole('row', { name: /hourly-bill\.csv/ })).toContainText('24 daily groups');
  await app.screenshot('daily-grain-sources');
  expect(await app.accessibilityViolations()).toEqual([]);
});
