/** Page object of the Cost Council app for the browser tests. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const SCREENSHOTS = 'test-results/screenshots';

export class AppPage {
  constructor(readonly page: Page) {}

  /** Opens the app; `empty` starts on an empty workspace instead of the demo. */
  async open(options: { empty?: boolean; hash?: string } = {}) {
    await this.page.goto(`./${options.empty ? '?workspace=empty' : ''}${options.hash ?? ''}`);
    await expect(this.page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  }

  nav(name: 'Overview' | 'Import' | 'Currencies') {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
  }

  async goTo(name: 'Overview' | 'Import' | 'Currencies') {
    await this.nav(name).click();
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  async importFiles(paths: string[]) {
    await this.goTo('Import');
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Choose files…' }).click();
    await (await chooser).setFiles(paths);
  }

  totalEffective() {
    return this.page.getByTestId('total-effective');
  }

  chart(title: string) {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  async setTheme(label: 'Light' | 'Dark' | 'High contrast') {
    await this.page.getByRole('combobox', { name: 'Theme' }).click();
    await this.page.getByRole('option', { name: label }).click();
  }

  /** axe-core with the WCAG 2.0–2.2 A and AA rules; returns the violations. */
  async accessibilityViolations() {
    const results = await new AxeBuilder({ page: this.page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    return results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }

  /** Opens a screen by its navigation title (any screen, e.g. "Price book"), keyboard only: focus the link, press Enter. */
  async openScreen(title: string) {
    const link = this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: title });
    await link.focus();
    await this.page.keyboard.press('Enter');
    await expect(this.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  }

  /** The Alerts link of the navigation; its accessible name carries the count of new alerts ("Alerts, 3 new"). */
  alertsNav() {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Alerts(, \d+ new)?$/ });
  }

  /** The count of new alerts the navigation announces (0 when its name is just "Alerts"). */
  async newAlertCount(): Promise<number> {
    const name = (await this.alertsNav().textContent()) ?? '';
    const match = /(\d+) new/.exec(name);
    return match ? Number(match[1]) : 0;
  }

  /** axe-core in each theme (the theme is left at the last one). */
  async violationsInThemes(themes: ReadonlyArray<'Light' | 'Dark' | 'High contrast'>) {
    const found: Record<string, unknown[]> = {};
    for (const theme of themes) {
      await this.setTheme(theme);
      const violations = await this.accessibilityViolations();
      if (violations.length > 0) found[theme] = violations;
    }
    return found;
  }

  async screenshot(name: string) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // From the top: a full-page shot of a scrolled page draws the fixed app bar in the middle.
    await this.page.evaluate(() => window.scrollTo(0, 0));
    await this.page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
  }
}
