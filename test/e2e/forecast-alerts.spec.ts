import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { SPIKE_DAY } from '../support/spike-file.js';
import { AppPage } from './app.page.js';

const spikeFile = resolve('test/fixtures/focus/e2e/spike-60-days.csv');

test('an import with a spike raises one incident: badge, alert centre, root cause, related series, acknowledge with the keyboard; forecast; a budget raises and links its alerts', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new AppPage(page);
  await app.open({ empty: true });
  await expect(app.alertsNav()).toHaveAccessibleName('Alerts');

  // Importing raises alerts: the browser shows an in-app message, and the navigation badge counts them.
  await app.importFiles([spikeFile]);
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toContainText('Imported 180 rows');
  await expect(page.getByRole('alert').filter({ hasText: '1 new cost incident (4 alerts). Spike in service Amazon Bedrock on 2026-10-26' })).toBeVisible();
  await expect(app.alertsNav()).toHaveAccessibleName(/^Alerts, \d+ new$/);
  const before = await app.newAlertCount();
  expect(before).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('alerts-badge')).toHaveText(String(before));

  // The alert centre lists them: the spike is all Bedrock's, so the service, its provider, its
  // sub-account and the total are one incident, on one row led by the largest (the service).
  await app.openScreen('Alerts');
  const list = page.getByRole('table', { name: /alerts, newest day first, one row per incident/ });
  const incidentRow = list.getByRole('row', { name: new RegExp(`^${SPIKE_DAY} Anomaly Service: Amazon Bedrock and 3 related series `) });
  await expect(incidentRow).toContainText('New');
  expect(before).toBe(4);
  await expect(list.getByRole('row')).toHaveCount(2);
  await app.screenshot('alerts-list');
  expect(await app.violationsInThemes(['Light', 'Dark', 'High contrast'])).toEqual({});
  await app.setTheme('Light');

  // Open it with the keyboard and read its root cause and its related series.
  const open = incidentRow.getByRole('button', { name: `Open Service: Amazon Bedrock on ${SPIKE_DAY}` });
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`On ${SPIKE_DAY}, Service: Amazon Bedrock cost`);
  const causes = dialog.getByRole('region', { name: 'Root causes, ranked by amount' });
  // Every dollar of the spike is in AWS, us-east-1, the Claude resource, ml-prod: each carries (nearly) the whole deviation.
  await expect(causes).toContainText(/The largest contributor is .+, \+\$60\d\.\d\d \(100% of the deviation\)/);
  await causes.getByRole('button', { name: 'Show as table' }).click();
  await expect(causes.getByRole('row', { name: /^\d+ Provider AWS \$60\d\.\d\d 100%$/ })).toBeVisible();
  const related = dialog.getByRole('table', { name: 'This incident: Service: Amazon Bedrock and 3 related series, largest first' });
  await expect(related.getByRole('row')).toHaveCount(5);
  for (const series of ['Service: Amazon Bedrock', 'Total', 'Provider: AWS', 'Sub-account: ml-prod']) {
    await expect(related.getByRole('row', { name: new RegExp(`^${series} \\+\\$60\\d\\.\\d\\d`) })).toContainText('New');
  }
  await app.screenshot('alert-detail');
  expect(await app.accessibilityViolations()).toEqual([]);

  // Acknowledge the whole incident with an owner and a comment, keyboard only.
  await dialog.getByRole('textbox', { name: 'Owner' }).focus();
  await page.keyboard.type('dana');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('textbox', { name: 'Comment' })).toBeFocused();
  await page.keyboard.type('Batch re-indexing job; checking with the search team');
  const acknowledge = dialog.getByRole('button', { name: 'Acknowledge all' });
  for (let i = 0; i < 6 && !(await acknowledge.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(acknowledge).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText('Status is now acknowledged for the 4 alerts of this incident.');
  // The Acknowledge button is gone (an acknowledged alert cannot be acknowledged again); the focus stays in the dialog.
  await expect(dialog.getByRole('heading', { name: 'Follow-up' })).toBeFocused();
  await expect(dialog.getByTestId('alert-status')).toHaveText('Acknowledged');
  await expect(related.getByRole('row', { name: /^Total / })).toContainText('Acknowledged');
  const history = dialog.getByRole('table', { name: 'History of Service: Amazon Bedrock' });
  await expect(history.getByRole('row', { name: /New → Acknowledged/ })).toContainText('Batch re-indexing job; checking with the search team');
  await expect(history.getByRole('row', { name: /New → Acknowledged/ })).toContainText('dana');
  await app.screenshot('alert-acknowledged');
  expect(await app.accessibilityViolations()).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The dialog in the dark and high-contrast themes (the theme menu is behind the dialog: close, switch, reopen).
  for (const theme of ['Dark', 'High contrast'] as const) {
    await app.setTheme(theme);
    await open.click();
    await expect(dialog.getByTestId('alert-status')).toHaveText('Acknowledged');
    expect(await app.accessibilityViolations(), theme).toEqual([]);
    if (theme === 'High contrast') await app.screenshot('alert-detail-high-contrast');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
  await app.setTheme('Light');
  await expect(incidentRow).toContainText('Acknowledged');
  await expect(incidentRow).toContainText('dana');
  // All four were new; all four are acknowledged.
  await expect(app.alertsNav()).toHaveAccessibleName('Alerts');

  // Mark the incident expected: a pattern is remembered for each of its series (same weekday) and listed.
  await open.click();
  await expect(dialog.getByRole('combobox', { name: 'If marked expected, remember it' })).toHaveText('On the same weekday');
  await dialog.getByRole('textbox', { name: 'Comment' }).fill('Monthly re-index');
  await dialog.getByRole('button', { name: 'Mark expected all' }).click();
  await expect(dialog.getByTestId('alert-status')).toHaveText('Expected');
  await expect(dialog.getByRole('button', { name: /^Resolve/ })).toHaveCount(0);
  await page.keyboard.press('Escape');
  const patterns = page.getByRole('table', { name: 'Patterns not raised as alerts' });
  await expect(patterns.getByRole('row', { name: /^Service: Amazon Bedrock Spikes Mondays/ })).toContainText('Monthly re-index');
  await expect(patterns.getByRole('row', { name: /^Total Spikes Mondays/ })).toContainText('Monthly re-index');

  // Checking again raises nothing new: every anomaly already has its alert.
  await page.getByRole('button', { name: 'Check for alerts now' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^No new alerts; \d+ anomalies already known/ })).toBeVisible();

  // Detection settings: a wrong number is refused with its reason; a valid change is saved.
  const settings = page.getByRole('form', { name: 'Detection settings' });
  await settings.getByRole('textbox', { name: 'Minimum impact' }).fill('lots');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('alert')).toHaveText('Minimum impact must be a number of at least 0.');
  await settings.getByRole('textbox', { name: 'Minimum impact' }).fill('40');
  await settings.getByRole('radio', { name: 'Spikes only' }).check();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Settings saved. They apply from the next check for anomalies.');
  await expect(settings.getByRole('textbox', { name: 'Minimum impact' })).toHaveValue('40');
  await expect(settings.getByRole('radio', { name: 'Spikes only' })).toBeChecked();

  // Filter by status.
  await page.getByRole('combobox', { name: 'Show' }).click();
  await page.getByRole('option', { name: /^Expected/ }).click();
  await expect(page.getByRole('table', { name: 'Expected alerts, newest day first, one row per incident' }).getByRole('row')).toHaveCount(2);

  // The forecast: the month-end projection and the track record.
  await app.openScreen('Forecast');
  await expect(page.getByRole('region', { name: 'Projections: Total' }).getByRole('listitem').first())
    .toHaveText(/^Projected month-end spend \$[\d,]+\.\d\d \(80%: \$[\d,]+\.\d\d–\$[\d,]+\.\d\d\) for 2026-10 /);
  const record = page.getByRole('region', { name: 'Model and track record' });
  await expect(record.getByRole('term')).toHaveText(['Typical error (MAPE)', 'Against repeating last week (MASE)', 'Bias', '80% interval hit rate']);
  await expect(record).toContainText(/Tested on \d+ forecast days/);
  const chart = app.chart('History and forecast: Total');
  await expect(chart.getByRole('img')).toBeVisible();
  await expect(chart).toContainText('Projected month-end spend');
  // Bedrock's input tokens: about 100,000 per dollar of a ~$55 day = 5.5M tokens a day × $3 per million ≈ $16–20 a day, so $450–$650 over 30 days.
  const drivers = page.getByRole('region', { name: 'AI spend from its drivers' });
  await expect(drivers).toContainText(/priced from the price book comes to \$[56]\d\d\.\d\d over the next 30 days \(1 of 1 models priced\)/);
  await drivers.getByRole('textbox', { name: 'Traffic growth a month' }).fill('50');
  await expect(drivers).toContainText('With +50% traffic a month');
  await app.screenshot('forecast');
  expect(await app.violationsInThemes(['Light', 'Dark', 'High contrast'])).toEqual({});
  await app.screenshot('forecast-high-contrast');
  await app.setTheme('Light');

  // A service's forecast, from the slice picker.
  await page.getByRole('combobox', { name: 'Cut by' }).click();
  await page.getByRole('option', { name: 'Service', exact: true }).click();
  await page.getByRole('combobox', { name: 'Series' }).click();
  await page.getByRole('option', { name: 'Amazon Bedrock' }).click();
  await expect(app.chart('History and forecast: Service: Amazon Bedrock')).toBeVisible();
  await app.chart('History and forecast: Service: Amazon Bedrock').getByRole('button', { name: 'Show as table' }).click();
  await expect(page.getByRole('table', { name: /^Service: Amazon Bedrock: the last \d+ days/ }).getByRole('row', { name: new RegExp(`^${SPIKE_DAY}`) })).toBeVisible();

  // A budget: Bedrock spent about $1,940 in October (the spike included), so $1,500 a month is over budget.
  await app.openScreen('Budgets');
  await page.getByRole('button', { name: 'Add a budget' }).click();
  const add = page.getByRole('dialog', { name: 'Add a budget' });
  await add.getByRole('textbox', { name: 'Name' }).fill('Bedrock');
  await add.getByRole('combobox', { name: 'Watches' }).click();
  await page.getByRole('option', { name: 'Service', exact: true }).click();
  await add.getByRole('combobox', { name: 'Value' }).fill('Amazon Bedrock');
  await add.getByRole('textbox', { name: 'Amount per period' }).fill('1500');
  await app.screenshot('budget-dialog');
  expect(await app.accessibilityViolations()).toEqual([]);
  await add.getByRole('button', { name: 'Add budget' }).click();
  await expect(add).toBeHidden();
  const budgets = page.getByRole('table', { name: 'Budgets, worst status first' });
  const row = budgets.getByRole('row', { name: /^Bedrock Service: Amazon Bedrock/ });
  await expect(row).toContainText('Over budget');
  await expect(row).toContainText('Monthly, 2026-10');
  await expect(page.getByRole('list', { name: 'Budget status in words' })).toContainText(/Bedrock \(2026-10, 30 of 31 days\): \$1,9\d\d\.\d\d spent of \$1,500\.00/);
  // Saving it raised its thresholds: about $1,944 of $1,500 (130%) is past 50, 80 and 100% by the
  // actual spend: three budget alerts in one incident, announced in one message, and linked from the row.
  await expect(page.getByRole('alert').filter({ hasText: '1 new cost incident (3 alerts). Budget "Bedrock", 2026-10: actual spend reached 100%' })).toBeVisible();
  await expect(app.alertsNav()).toHaveAccessibleName('Alerts, 3 new');
  await expect(row.getByRole('link', { name: '3 alerts, 3 new of budget Bedrock' })).toBeVisible();
  await app.screenshot('budgets');
  expect(await app.violationsInThemes(['Light', 'Dark', 'High contrast'])).toEqual({});
  await app.screenshot('budgets-high-contrast');
  await app.setTheme('Light');

  // The overview's budget card.
  await app.openScreen('Overview');
  const card = page.getByRole('region', { name: 'Budgets' });
  await expect(card).toContainText('1 budget as of 2026-10-30: 1 over budget.');
  await app.screenshot('overview-budget-card');
  expect(await app.violationsInThemes(['Light', 'Dark'])).toEqual({});
  await app.setTheme('Light');

  // From the budget to its alerts: the alert centre shows only this budget's, one incident.
  await app.openScreen('Budgets');
  const link = row.getByRole('link', { name: '3 alerts, 3 new of budget Bedrock' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Alerts' })).toBeVisible();
  await expect(page.getByText('Budget "Bedrock" only')).toBeVisible();
  const budgetList = page.getByRole('table', { name: 'All alerts of budget "Bedrock", newest day first, one row per incident' });
  const budgetRow = budgetList.getByRole('row', { name: /^2026-10-30 Budget Budget "Bedrock", 2026-10 and 2 related thresholds / });
  await expect(budgetRow).toContainText('100% reached by actual spend');
  await expect(budgetList.getByRole('row')).toHaveCount(2);
  await app.screenshot('budget-alerts-list');
  expect(await app.violationsInThemes(['Light', 'Dark', 'High contrast'])).toEqual({});
  await app.setTheme('Light');
  // Open and acknowledge it from the keyboard.
  await budgetRow.getByRole('button', { name: 'Open Budget "Bedrock", 2026-10 on 2026-10-30' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText(/On 2026-10-30, the actual spend of budget "Bedrock" \(Service: Amazon Bedrock\) for 2026-10 reached \$1,9\d\d\.\d\d of \$1,500\.00 \(12\d\.\d%\), past its 100% threshold\./);
  const thresholds = dialog.getByRole('table', { name: 'This incident: Budget "Bedrock", 2026-10 and 2 related thresholds, largest first' });
  await expect(thresholds.getByRole('row')).toHaveCount(4);
  await expect(dialog.getByRole('combobox', { name: 'If marked expected, remember it' })).toHaveCount(0);
  await dialog.getByRole('textbox', { name: 'Owner' }).focus();
  await page.keyboard.type('lee');
  const acknowledgeBudget = dialog.getByRole('button', { name: 'Acknowledge all' });
  for (let i = 0; i < 8 && !(await acknowledgeBudget.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(acknowledgeBudget).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText('Status is now acknowledged for the 3 alerts of this incident.');
  await expect(dialog.getByTestId('alert-status')).toHaveText('Acknowledged');
  await app.screenshot('budget-alert-acknowledged');
  expect(await app.accessibilityViolations()).toEqual([]);
  for (const theme of ['Dark', 'High contrast'] as const) {
    await page.keyboard.press('Escape');
    await app.setTheme(theme);
    await budgetRow.getByRole('button', { name: 'Open Budget "Bedrock", 2026-10 on 2026-10-30' }).click();
    expect(await app.accessibilityViolations(), theme).toEqual([]);
  }
  await app.screenshot('budget-alert-high-contrast');
  await page.keyboard.press('Escape');
  await app.setTheme('Light');
  await expect(app.alertsNav()).toHaveAccessibleName('Alerts');
  // Every alert again, and the kind filter: budgets only shows the one budget incident.
  await page.getByRole('button', { name: 'Show every alert' }).click();
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Budgets only' }).click();
  await expect(page.getByRole('table', { name: 'All budget alerts, newest day first, one row per incident' }).getByRole('row')).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Kind' }).click();
  await page.getByRole('option', { name: 'Anomalies and budgets' }).click();
  await expect(page.getByRole('table', { name: 'All alerts, newest day first, one row per incident' }).getByRole('row')).toHaveCount(3);
  await app.screenshot('alerts-both-kinds');

  // Edit the budget to $2,500: about $1,944 spent (78%) and $1,974 forecast (79%) cross only the 50% threshold.
  await app.openScreen('Budgets');
  await row.getByRole('button', { name: 'Edit budget Bedrock' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit budget Bedrock' });
  await edit.getByRole('textbox', { name: 'Amount per period' }).fill('2500');
  await edit.getByRole('button', { name: 'Save budget' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('Watch');
  await expect(row).toContainText('50% by actual spend');
  // Delete it, with a confirmation.
  await row.getByRole('button', { name: 'Delete budget Bedrock' }).click();
  await page.getByRole('dialog', { name: 'Delete budget Bedrock?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted budget Bedrock.' })).toBeVisible();
  await expect(page.getByText('No budgets yet.')).toBeVisible();
});

test('the demo workspace shows its budget alerts beside its anomaly incident, axe-clean in every theme', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new AppPage(page);
  await app.open();
  await app.openScreen('Alerts');
  const list = page.getByRole('table', { name: 'All alerts, newest day first, one row per incident' });
  // Anthropic spent more than October's planned 30,000: 50, 80 and 100% by the actual spend, one row.
  await expect(list.getByRole('row', { name: /^2026-10-31 Budget Budget "Anthropic, monthly plan", 2026-10 and 2 related thresholds / })).toContainText('100% reached by actual spend');
  // The Q4 total is forecast past 100%, with its probability.
  await expect(list.getByRole('row', { name: /^2026-10-31 Budget Budget "All cloud and AI, Q4 2026", 2026-Q4 and 2 related thresholds / })).toContainText('100% reached by the forecast');
  // The Claude API spike of 2026-10-14 is seen in its provider and its sub-account too: one incident.
  await expect(list.getByRole('row', { name: /^2026-10-14 Anomaly .+ and 2 related series / })).toBeVisible();
  await app.screenshot('alerts-demo');
  expect(await app.violationsInThemes(['Light', 'Dark', 'High contrast'])).toEqual({});
  await app.screenshot('alerts-demo-high-contrast');
});
