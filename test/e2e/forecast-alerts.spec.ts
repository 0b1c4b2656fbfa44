import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { SPIKE_DAY } from '../support/spike-file.js';
import { AppPage } from './app.page.js';

const spikeFile = resolve('test/fixtures/focus/e2e/spike-60-days.csv');

test('an import with a spike raises alerts: badge, alert centre, root cause, acknowledge with the keyboard; forecast and budget', async ({ page }) => {
  test.setTimeout(180_000);
  const app = new AppPage(page);
  await app.open({ empty: true });
  await expect(app.alertsNav()).toHaveAccessibleName('Alerts');

  // Importing raises alerts: the browser shows an in-app message, and the navigation badge counts them.
  await app.importFiles([spikeFile]);
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toContainText('Imported 180 rows');
  await expect(page.getByRole('alert').filter({ hasText: /new cost alerts?/ })).toBeVisible();
  await expect(app.alertsNav()).toHaveAccessibleName(/^Alerts, \d+ new$/);
  const before = await app.newAlertCount();
  expect(before).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('alerts-badge')).toHaveText(String(before));

  // The alert centre lists them; the spike of the total is there.
  await app.openScreen('Alerts');
  const list = page.getByRole('table', { name: /alerts, newest day first/ });
  const totalRow = list.getByRole('row', { name: new RegExp(`^${SPIKE_DAY} Total `) });
  await expect(totalRow).toContainText('New');
  await app.screenshot('alerts-list');
  expect(await app.violationsInThemes(['Light', 'Dark', 'High contrast'])).toEqual({});
  await app.setTheme('Light');

  // Open it with the keyboard and read its root cause: the service that spiked.
  await totalRow.getByRole('button', { name: `Open Total on ${SPIKE_DAY}` }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`On ${SPIKE_DAY}, Total cost`);
  const causes = dialog.getByRole('region', { name: 'Root causes, ranked by amount' });
  // The spike is all Bedrock's: its service, resource, model and team each carry the whole deviation (ties rank by dimension).
  await expect(causes).toContainText(/The largest contributor is .+, \+\$60\d\.\d\d \(100% of the deviation\)/);
  await expect(causes).toContainText('Service: Amazon Bedrock');
  await causes.getByRole('button', { name: 'Show as table' }).click();
  await expect(causes.getByRole('row', { name: /^\d+ Service Amazon Bedrock \$60\d\.\d\d 100%$/ })).toBeVisible();
  await app.screenshot('alert-detail');
  expect(await app.accessibilityViolations()).toEqual([]);

  // Acknowledge with an owner and a comment, keyboard only.
  await dialog.getByRole('textbox', { name: 'Owner' }).focus();
  await page.keyboard.type('dana');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('textbox', { name: 'Comment' })).toBeFocused();
  await page.keyboard.type('Batch re-indexing job; checking with the search team');
  const acknowledge = dialog.getByRole('button', { name: 'Acknowledge' });
  for (let i = 0; i < 6 && !(await acknowledge.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(acknowledge).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toHaveText('Status is now acknowledged.');
  // The Acknowledge button is gone (an acknowledged alert cannot be acknowledged again); the focus stays in the dialog.
  await expect(dialog.getByRole('heading', { name: 'Follow-up' })).toBeFocused();
  await expect(dialog.getByTestId('alert-status')).toHaveText('Acknowledged');
  const history = dialog.getByRole('table', { name: 'History' });
  await expect(history.getByRole('row', { name: /New → Acknowledged/ })).toContainText('Batch re-indexing job; checking with the search team');
  await expect(history.getByRole('row', { name: /New → Acknowledged/ })).toContainText('dana');
  await app.screenshot('alert-acknowledged');
  expect(await app.accessibilityViolations()).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The dialog in the dark and high-contrast themes (the theme menu is behind the dialog: close, switch, reopen).
  for (const theme of ['Dark', 'High contrast'] as const) {
    await app.setTheme(theme);
    await totalRow.getByRole('button', { name: `Open Total on ${SPIKE_DAY}` }).click();
    await expect(dialog.getByTestId('alert-status')).toHaveText('Acknowledged');
    expect(await app.accessibilityViolations(), theme).toEqual([]);
    if (theme === 'High contrast') await app.screenshot('alert-detail-high-contrast');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
  await app.setTheme('Light');
  await expect(totalRow).toContainText('Acknowledged');
  await expect(totalRow).toContainText('dana');
  await expect(app.alertsNav()).toHaveAccessibleName(before - 1 === 0 ? 'Alerts' : `Alerts, ${before - 1} new`);

  // Mark the service's own alert expected: the pattern is remembered (same weekday) and listed.
  const serviceRow = list.getByRole('row', { name: new RegExp(`^${SPIKE_DAY} Service: Amazon Bedrock `) });
  await serviceRow.getByRole('button', { name: `Open Service: Amazon Bedrock on ${SPIKE_DAY}` }).click();
  await expect(dialog.getByRole('combobox', { name: 'If marked expected, remember it' })).toHaveText('On the same weekday');
  await dialog.getByRole('textbox', { name: 'Comment' }).fill('Monthly re-index');
  await dialog.getByRole('button', { name: 'Mark expected' }).click();
  await expect(dialog.getByTestId('alert-status')).toHaveText('Expected');
  await expect(dialog.getByRole('button', { name: 'Resolve' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('table', { name: 'Patterns not raised as alerts' }).getByRole('row', { name: /^Service: Amazon Bedrock Spikes Mondays/ })).toContainText('Monthly re-index');
  await expect(app.alertsNav()).toHaveAccessibleName(before - 2 === 0 ? 'Alerts' : `Alerts, ${before - 2} new`);

  // Checking again raises nothing new: every anomaly already has its alert.
  await page.getByRole('button', { name: 'Check for anomalies now' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^No new anomalies; \d+ already known/ })).toBeVisible();

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
  await page.getByRole('option', { name: /^Acknowledged/ }).click();
  await expect(page.getByRole('table', { name: 'Acknowledged alerts, newest day first' }).getByRole('row')).toHaveCount(2);

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
