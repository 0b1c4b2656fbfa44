/** Page object of the Attribution screen for the browser tests. */
import { expect, type Page } from '@playwright/test';

export class AttributionPage {
  constructor(readonly page: Page) {}

  coverage(dimension: string) {
    return this.page.getByTestId(`coverage-${dimension}`);
  }

  tab(name: string) {
    return this.page.getByRole('tablist', { name: 'Attribution' }).getByRole('tab', { name });
  }

  async openTab(name: string) {
    await this.tab(name).click();
    await expect(this.tab(name)).toHaveAttribute('aria-selected', 'true');
  }

  rules() {
    return this.page.getByRole('list', { name: 'Rules, in the order they are tried' });
  }

  ruleItems() {
    return this.rules().getByRole('listitem');
  }

  editor() {
    return this.page.getByRole('dialog', { name: /^(New rule|Edit rule)/ });
  }

  preview() {
    return this.page.getByTestId('rule-preview');
  }

  /** Focus a control and type, keyboard only (select all first, so it replaces). */
  async typeInto(locator: ReturnType<Page['getByRole']>, text: string) {
    await locator.focus();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.type(text);
  }

  /** Opens a MUI select with the keyboard and picks an option by its name. */
  async chooseWithKeyboard(combobox: ReturnType<Page['getByRole']>, option: string) {
    await combobox.focus();
    await this.page.keyboard.press('Enter');
    const listbox = this.page.getByRole('listbox');
    await expect(listbox).toBeVisible();
    await listbox.getByRole('option', { name: option, exact: true }).focus();
    await this.page.keyboard.press('Enter');
    await expect(listbox).toBeHidden();
  }
}
