import { expect, test } from '@playwright/test';
import { AppPage } from './app.page.js';

test('opens the bundled demo workspace by default, in every theme without accessibility violations', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(app.totalEffective()).toHaveText(/^\$[\d,]+\.\d\d$/);
  await expect(app.chart('Spend by day').getByRole('img')).toBeVisible();
  await expect(app.chart('By provider')).toContainText(/By provider: .+ is the largest/);
  for (const theme of ['Light', 'Dark', 'High contrast'] as const) {
    await app.setTheme(theme);
    await app.screenshot(`overview-demo-${theme.toLowerCase().replace(' ', '-')}`);
    expect(await app.accessibilityViolations(), theme).toEqual([]);
  }
  await app.goTo('Import');
  await expect(page.getByRole('table', { name: 'Imported files, with their own totals' })).toContainText('focus-1.2');
  await app.screenshot('import-demo-high-contrast');
  expect(await app.accessibilityViolations()).toEqual([]);
});
