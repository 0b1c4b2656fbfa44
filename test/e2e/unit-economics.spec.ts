import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { AppPage } from './app.page.js';

/**
 * Expected figures, worked out from the fixtures and the providers' published list prices (per 1M tokens),
 * not from the app:
 * OpenAI dashboard usage, 2 Oct 2025: gpt-4o-mini 3M uncached input × 0.15 = 0.45, 1M cached × 0.075 = 0.075,
 *   1M output × 0.60 = 0.60 (420 requests); gpt-4.1-nano 10M input × 0.10 = 1.00, 2M output × 0.40 = 0.80 (77 requests).
 * Anthropic console usage, 31 Mar 2026: Haiku 4.5 1M input × 1 = 1.00, 0.2M output × 5 = 1.00; Sonnet 4.5 0.2M input × 3 = 0.60,
 *   0.1M cache write × 3.75 = 0.375, 0.5M cache read × 0.30 = 0.15, 0.05M output × 15 = 0.75; Opus 4.6 batch (half price)
 *   0.4M input × 2.50 = 1.00, 0.08M output × 12.50 = 1.00.
 * Per token type over both files: input 4.05 for 14.6M tokens → $0.0002774 per 1K; output 4.15 for 3.33M → $0.001246;
 *   cached-read 0.225 for 1.5M → $0.00015; cache-write 0.375 for 0.1M → $0.00375; all 8.80 for 19.53M → $0.0004506.
 * By month, March 2026: input 2.60 for 1.6M → $0.001625; output 2.75 for 0.33M → $0.008333; all 5.875 for 2.53M → $0.002322.
 */
test('unit economics: cost per 1K tokens by token type from OpenAI and Anthropic usage, an imported business metric; axe-clean', async ({ page }) => {
  const app = new AppPage(page);
  // Full-page screenshots from the top: the fixed app bar otherwise lands mid-page.
  const screenshot = async (name: string) => {
    await page.evaluate(() => scrollTo(0, 0));
    await app.screenshot(name);
  };
  await app.open({ empty: true });
  await app.importFiles([resolve('test/fixtures/openai/dashboard_usage_export.tsv'), resolve('test/fixtures/anthropic/console_usage_export.csv')]);
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toBeVisible();

  await app.openScreen('Unit economics');
  await expect(page.getByRole('combobox', { name: 'Unit' })).toHaveText('Cost per 1K tokens, by token type');
  await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: 'Month' }).click();
  const chart = app.chart('Cost per 1K tokens, by token type, USD');
  await expect(chart).toBeVisible();
  await expect(chart).toContainText('All tokens: $0.0004506 per 1K tokens over the whole range ($8.80 for 19,530,000 tokens)');
  await expect(chart).toContainText('4 of 6 periods of All tokens have no tokens and are left as gaps.');

  const totals = page.getByRole('table', { name: /over the whole range, USD/ });
  const total = (series: string) => totals.getByRole('row', { name: new RegExp(`^${series} `) });
  await expect(total('All tokens')).toHaveText(/All tokens\s*\$8\.80\s*19,530,000\s*\$0\.0004506/);
  await expect(total('input')).toHaveText(/input\s*\$4\.05\s*14,600,000\s*\$0\.0002774/);
  await expect(total('output')).toHaveText(/output\s*\$4\.15\s*3,330,000\s*\$0\.001246/);
  await expect(total('cached-read')).toHaveText(/cached-read\s*\$0\.225\s*1,500,000\s*\$0\.00015/);
  await expect(total('cache-write')).toHaveText(/cache-write\s*\$0\.375\s*100,000\s*\$0\.00375/);
  await screenshot('unit-economics-tokens');
  expect(await app.accessibilityViolations()).toEqual([]);

  // The same figures as a table, by month: March 2026, and a month without tokens shown as a dash.
  await chart.getByRole('button', { name: 'Show as table' }).click();
  const byMonth = chart.getByRole('table');
  const headers = await byMonth.getByRole('columnheader').allInnerTexts();
  const cell = (month: string, series: string) => byMonth.getByRole('row', { name: new RegExp(`^${month}`) }).getByRole('cell').nth(headers.indexOf(series) - 1);
  await expect(cell('2026-03-01', 'All tokens')).toHaveText('$0.002322');
  await expect(cell('2026-03-01', 'input')).toHaveText('$0.001625');
  await expect(cell('2026-03-01', 'output')).toHaveText('$0.008333');
  await expect(cell('2025-12-01', 'All tokens')).toHaveText('—');
  expect(await app.accessibilityViolations()).toEqual([]);

  // A metric file with problems: nothing imported, every bad row named.
  const chooseMetric = async (path: string) => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose a metric file…' }).click();
    await (await chooser).setFiles(path);
  };
  await chooseMetric(resolve('test/fixtures/metrics/conversations-bad.csv'));
  const problems = page.getByRole('list', { name: 'Problems in conversations-bad.csv' });
  await expect(problems).toContainText('Row 3: amount "lots" is not a number.');
  await expect(problems).toContainText('Row 4: date "2025-13-01" is not a date.');
  await expect(page.getByRole('alert').filter({ hasText: 'Nothing was imported from conversations-bad.csv: 2 problems' })).toBeVisible();
  await screenshot('unit-economics-metric-refused');
  expect(await app.accessibilityViolations()).toEqual([]);

  // conversations per model: gpt-4o-mini 1.125 / 1,500 = $0.00075; gpt-4.1-nano 1.80 / 600 = $0.003;
  // Haiku 2.00 / 400 = $0.005; Sonnet 1.875 / 250 = $0.0075; all four 6.80 / 2,750 = $0.002473. Opus has no conversations: left out.
  await chooseMetric(resolve('test/fixtures/metrics/conversations-by-model.csv'));
  await expect(page.getByRole('status').filter({ hasText: 'Imported 4 rows of “conversations” per x_Model' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Unit' })).toHaveText('Cost per conversations (imported, per x_Model)');
  const perConversation = page.getByRole('table', { name: /over the whole range, USD/ });
  const row = (series: string) => perConversation.getByRole('row', { name: new RegExp(`^${series} `) });
  await expect(row('All x_Model values')).toHaveText(/\$6\.80\s*2,750\s*\$0\.002473/);
  await expect(row('gpt-4o-mini-2024-07-18')).toHaveText(/\$1\.13\s*1,500\s*\$0\.00075/);
  await expect(row('gpt-4.1-nano')).toHaveText(/\$1\.80\s*600\s*\$0\.003$/);
  await expect(row('claude-haiku-4-5-20251001')).toHaveText(/\$2\.00\s*400\s*\$0\.005$/);
  await expect(row('claude-sonnet-4-5-20250929')).toHaveText(/\$1\.88\s*250\s*\$0\.0075$/);
  await expect(page.getByRole('note', { name: 'Notes on these figures' })).toContainText('claude-opus-4-6');
  await expect(page.getByRole('table', { name: 'Business metrics imported into this workspace' })).toContainText('conversations-by-model.csv');
  await screenshot('unit-economics-metric');
  expect(await app.accessibilityViolations()).toEqual([]);
  for (const theme of ['Dark', 'High contrast'] as const) {
    await app.setTheme(theme);
    expect(await app.accessibilityViolations(), theme).toEqual([]);
  }
  await screenshot('unit-economics-high-contrast');
  await app.setTheme('Light');

  // Keyboard: choose cost per request; the notes say that Anthropic counts no requests.
  await page.getByRole('combobox', { name: 'Unit' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('option', { name: 'Cost per request' }).press('Enter');
  await expect(page.getByRole('note', { name: 'Notes on these figures' })).toContainText('Token lines without a request count (8 from anthropic-console-usage-csv)');
  // All model requests: 2.925 for 497 requests.
  await expect(page.getByRole('table', { name: /over the whole range, USD/ }).getByRole('row', { name: /^All model requests / })).toHaveText(/\$2\.93\s*497\s*\$0\.005885/);
  await screenshot('unit-economics-requests');
});

/**
 * test/fixtures/focus/unit-economics/ai-units.csv (figures worked out in unit-economics.test.ts):
 * GPU lines 1 Oct: EC2 32 for 8 h, SageMaker 40 for 8 h; 2 Oct: EC2 56 for 16 h, Kubernetes 5 for 2 h, SageMaker 40 for 8 h.
 * Training: job-1 (ResourceId) 40 + 40 on 1–2 Oct; exp-7 (tag run) 30 on 2 Oct and 10 on 5 Oct.
 */
test('unit economics: cost per GPU hour by day and cost per training run with its runs, from a FOCUS file; axe-clean', async ({ page }) => {
  const app = new AppPage(page);
  await app.open({ empty: true });
  await app.importFiles([resolve('test/fixtures/focus/unit-economics/ai-units.csv')]);
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toBeVisible();
  await app.openScreen('Unit economics');

  await page.getByRole('combobox', { name: 'Unit' }).click();
  await page.getByRole('option', { name: 'Cost per GPU hour' }).click();
  const chart = app.chart('Cost per GPU hour, USD');
  // 1 Oct: (32 + 40) / 16 h = 4.50; 2 Oct: (56 + 5 + 40) / 26 h = 3.88; whole range 173 / 42 h = 4.12.
  await expect(chart).toContainText('All GPU hours: $4.12 per GPU hour over the whole range ($173.00 for 42 GPU hours)');
  const totals = page.getByRole('table', { name: /over the whole range, USD/ });
  await expect(totals.getByRole('row', { name: /^Amazon EC2 / })).toHaveText(/\$88\.00\s*24\s*\$3\.67/);
  await expect(totals.getByRole('row', { name: /^Kubernetes / })).toHaveText(/\$5\.00\s*2\s*\$2\.50/);
  await chart.getByRole('button', { name: 'Show as table' }).click();
  await expect(chart.getByRole('row', { name: /^2026-10-01/ }).getByRole('cell').first()).toHaveText('$4.50');
  await expect(chart.getByRole('row', { name: /^2026-10-02/ }).getByRole('cell').first()).toHaveText('$3.88');
  await chart.getByRole('button', { name: 'Show as chart' }).click();
  await page.evaluate(() => scrollTo(0, 0));
  await app.screenshot('unit-economics-gpu-by-day');
  // Only 2 October: (56 + 5 + 40) / 26 h.
  await page.getByLabel('From').fill('2026-10-02');
  await expect(chart).toContainText('All GPU hours: $3.88 per GPU hour over the whole range ($101.00 for 26 GPU hours)');
  await page.getByLabel('From').fill('');
  await expect(chart).toContainText('All GPU hours: $4.12 per GPU hour');
  expect(await app.accessibilityViolations()).toEqual([]);

  await page.getByRole('combobox', { name: 'Unit' }).click();
  await page.getByRole('option', { name: 'Cost per training run' }).click();
  await page.getByRole('group', { name: 'Period' }).getByRole('button', { name: 'Week' }).click();
  // Week of 28 Sep: (40 + 40 + 30) / 2 runs = 55; week of 5 Oct: 10 / 1 run; whole range 120 / 2 runs = 60.
  await expect(app.chart('Cost per training run, USD')).toContainText('Cost per training run: $60.00 per training run over the whole range ($120.00 for 2 runs)');
  const runs = page.getByRole('table', { name: 'Training runs, largest first' });
  await expect(runs.getByRole('row', { name: /^job-1 / })).toHaveText(/job-1\s*ResourceId\s*\$80\.00\s*16\s*2026-10-01\s*2026-10-02/);
  await expect(runs.getByRole('row', { name: /^exp-7 / })).toHaveText(/exp-7\s*tag:run\s*\$40\.00\s*0\s*2026-10-02\s*2026-10-05/);
  await app.chart('Cost per training run, USD').getByRole('button', { name: 'Show as table' }).click();
  const weeks = app.chart('Cost per training run, USD').getByRole('table');
  await expect(weeks.getByRole('row', { name: /^2026-09-28/ })).toHaveText(/\$55\.00/);
  await expect(weeks.getByRole('row', { name: /^2026-10-05/ })).toHaveText(/\$10\.00/);
  await page.evaluate(() => scrollTo(0, 0));
  await app.screenshot('unit-economics-training-runs');
  expect(await app.accessibilityViolations()).toEqual([]);
});
