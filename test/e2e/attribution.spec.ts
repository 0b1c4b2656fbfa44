import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { exactSum, readCsv } from '../support/csv.js';
import { AppPage } from './app.page.js';
import { AttributionPage } from './attribution.page.js';

const fixture = resolve('test/fixtures/focus/e2e/ai-services-sample.csv');

/** Expected figures, computed here from the fixture with the tests' own CSV reader and exact sums. */
function expected() {
  const rows = readCsv(fixture);
  const cost = (keep: (r: Record<string, string>) => boolean) => exactSum(rows.filter(keep).map((r) => r.EffectiveCost ?? ''), 2);
  const tag = (r: Record<string, string>) => (JSON.parse(r.Tags || '{}') as Record<string, string>).team;
  const total = cost(() => true);
  const s3 = cost((r) => (r.ServiceName ?? '').includes('S3'));
  const s3Rows = rows.filter((r) => (r.ServiceName ?? '').includes('S3')).length;
  const research = cost((r) => tag(r) === 'research');
  const percent = (part: string) => `${Math.round((100 * Number(part)) / Number(total))}%`;
  const money = (d: string) => `$${Number(d).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
  return { rows: rows.length, total, s3, s3Rows, research, percent, money };
}

test('attribution: write a rule with the keyboard, see the live preview, save it, watch coverage change, reorder, explain; axe-clean', async ({ page }) => {
  const x = expected();
  // The fixture: 15 lines, $3,337.60; the three Amazon S3 lines cost $120.00; every line has a team tag.
  expect([x.rows, x.total, x.s3, x.s3Rows]).toEqual([15, '3337.60', '120.00', 3]);
  const app = new AppPage(page);
  const attribution = new AttributionPage(page);
  await app.open({ empty: true });
  await app.importFiles([fixture]);
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toBeVisible();
  await app.openScreen('Attribution');
  await expect(attribution.coverage('team')).toHaveText('0%');
  await expect(page.getByText('There are no rules yet')).toBeVisible();
  expect(await app.accessibilityViolations()).toEqual([]);

  // Rule 1, keyboard only: team = "platform" when ServiceName contains S3.
  await page.getByRole('button', { name: 'New rule' }).focus();
  await page.keyboard.press('Enter');
  const editor = attribution.editor();
  await expect(editor).toBeVisible();
  await expect(editor.getByRole('textbox', { name: 'Rule name' })).toBeFocused();
  await page.keyboard.type('S3 to platform');
  await editor.getByRole('button', { name: 'Add condition to conditions' }).focus();
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('combobox', { name: 'Condition 1: column name' })).toHaveValue('ServiceName');
  await attribution.chooseWithKeyboard(editor.getByRole('combobox', { name: 'Condition 1: operator' }), 'contains');
  await attribution.typeInto(editor.getByRole('textbox', { name: 'Condition 1: value' }), 'S3');
  await attribution.typeInto(editor.getByRole('textbox', { name: 'Value', exact: true }), 'platform');
  // The live preview, before saving: 3 lines, $120.00 moved, team coverage 0% → 120.00 / 3,337.60 = 4%.
  await expect(page.getByTestId('preview-rows')).toHaveText(String(x.s3Rows));
  await expect(page.getByTestId('preview-moved')).toHaveText(x.money(x.s3));
  await expect(page.getByTestId('preview-coverage')).toHaveText(`0% → ${x.percent(x.s3)}`);
  await app.screenshot('attribution-rule-editor');
  expect(await app.accessibilityViolations()).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(editor).toBeHidden();
  await expect(attribution.coverage('team')).toHaveText(x.percent(x.s3));
  await expect(attribution.ruleItems()).toHaveCount(1);

  // Rule 2: team from the tag "team", for every line; it decides the 12 lines the first rule leaves.
  await page.getByRole('button', { name: 'New rule' }).focus();
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('textbox', { name: 'Rule name' })).toBeFocused();
  await page.keyboard.type('Team from tag');
  await editor.getByRole('radio', { name: 'A fixed value' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(editor.getByRole('radio', { name: 'The value of a tag' })).toBeChecked();
  await attribution.typeInto(editor.getByRole('combobox', { name: 'Tag key' }), 'team');
  await page.keyboard.press('Escape');
  const rest = (Number(x.total) - Number(x.s3)).toFixed(2);
  await expect(page.getByTestId('preview-rows')).toHaveText(String(x.rows - x.s3Rows));
  await expect(page.getByTestId('preview-moved')).toHaveText(x.money(rest));
  await expect(page.getByTestId('preview-coverage')).toHaveText(`${x.percent(x.s3)} → 100%`);
  await editor.getByRole('button', { name: 'Add rule' }).focus();
  await page.keyboard.press('Enter');
  await expect(editor).toBeHidden();
  await expect(attribution.coverage('team')).toHaveText('100%');
  await expect(attribution.ruleItems()).toHaveText([/S3 to platform/, /Team from tag/]);
  await app.screenshot('attribution-rules');

  // Reorder by keyboard: "Team from tag" up to first place. Focus stays with the moved rule.
  await page.getByRole('button', { name: 'Move rule “Team from tag” up' }).focus();
  await page.keyboard.press('Enter');
  await expect(attribution.ruleItems()).toHaveText([/Team from tag/, /S3 to platform/]);
  await expect(page.getByRole('status').filter({ hasText: 'rule “Team from tag” moved to position 1 of 2.' })).toBeAttached();
  await expect(page.getByRole('button', { name: 'Move rule “Team from tag” down' })).toBeFocused();
  // Reloaded from the engine, the order is saved.
  await app.openScreen('Overview');
  await app.openScreen('Attribution');
  await expect(attribution.ruleItems()).toHaveText([/Team from tag/, /S3 to platform/]);

  // Now the tag decides the S3 lines too: research gets its tagged cost, nothing is left for "platform".
  await attribution.openTab('Hierarchy and explain');
  const totals = page.getByRole('table', { name: /^Allocated cost by team/ });
  await expect(totals.getByRole('row', { name: /^research/ })).toContainText(x.money(x.research));
  await expect(totals.getByRole('row', { name: /^platform/ })).toHaveCount(0);
  await totals.getByRole('button', { name: 'Explain research' }).click();
  await expect(page.getByTestId('explain-figure')).toContainText(x.money(x.research));
  await expect(page.getByRole('table', { name: 'Cost of Team: research set directly, by rule' })).toContainText('Team from tag');
  const tree = page.getByRole('tree', { name: 'Cost hierarchy' });
  await expect(tree.getByRole('treeitem', { name: /^Organisation/ })).toHaveAttribute('aria-expanded', 'true');
  await tree.getByRole('treeitem', { name: /^Organisation/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(tree.getByRole('treeitem', { name: /^Team: research/ })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(tree.getByRole('treeitem', { name: /^Team: research/ })).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Enter');
  await expect(tree.getByRole('treeitem', { name: /^Team: research/ })).toHaveAttribute('aria-selected', 'true');
  await app.screenshot('attribution-hierarchy');
  expect(await app.accessibilityViolations()).toEqual([]);

  await attribution.openTab('Coverage over time');
  await expect(app.chart('Team coverage by day')).toContainText('Team: 100% of $3,337.60 is allocated from 2026-10-01 to 2026-10-03');
  await app.screenshot('attribution-coverage');
  expect(await app.accessibilityViolations()).toEqual([]);

  for (const theme of ['Dark', 'High contrast'] as const) {
    await app.setTheme(theme);
    await attribution.openTab('Rules');
    expect(await app.accessibilityViolations(), theme).toEqual([]);
    await page.getByRole('button', { name: 'Edit rule “S3 to platform”' }).click();
    await expect(editor).toBeVisible();
    await expect(page.getByTestId('preview-rows')).toBeVisible();
    expect(await app.accessibilityViolations(), `${theme}, rule editor`).toEqual([]);
    await app.screenshot(`attribution-editor-${theme === 'Dark' ? 'dark' : 'contrast'}`);
    await editor.getByRole('button', { name: 'Cancel' }).click();
    await attribution.openTab('Hierarchy and explain');
    expect(await app.accessibilityViolations(), `${theme}, hierarchy`).toEqual([]);
  }
  await app.screenshot('attribution-hierarchy-contrast');
  await app.setTheme('Light');
  void readFileSync;
});
