import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
  const search = cost((r) => tag(r) === 'search');
  const supportBot = cost((r) => tag(r) === 'support-bot');
  const percent = (part: string) => `${Math.round((100 * Number(part)) / Number(total))}%`;
  const money = (d: string) => `$${Number(d).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
  return { rows: rows.length, total, s3, s3Rows, research, search, supportBot, percent, money };
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
  // Dragging works too (with a mouse): S3 back on top, then the keyboard again to undo it.
  await attribution.ruleItems().nth(1).dragTo(attribution.ruleItems().nth(0));
  await expect(attribution.ruleItems()).toHaveText([/S3 to platform/, /Team from tag/]);
  await page.getByRole('button', { name: 'Move rule “S3 to platform” down' }).focus();
  await page.keyboard.press('Enter');
  await expect(attribution.ruleItems()).toHaveText([/Team from tag/, /S3 to platform/]);

  // Now the tag decides the S3 lines too: research gets its tagged cost, nothing is left for "platform".
  await attribution.openTab('Hierarchy and explain');
  const totals = page.getByRole('table', { name: /^Allocated cost by team/ });
  await expect(totals.getByRole('row', { name: /^research/ })).toContainText(x.money(x.research));
  await expect(totals.getByRole('row', { name: /^platform/ })).toHaveCount(0);
  await totals.getByRole('button', { name: 'Explain research' }).click();
  await expect(page.getByTestId('explain-figure')).toContainText(x.money(x.research));
  await expect(page.getByRole('table', { name: 'Cost of Team: research set directly, by rule' })).toContainText('Team from tag');
  // Any source row: where its cost went, per dimension (row 6 is the $910.40 EC2 line tagged research).
  await page.getByRole('button', { name: 'Trace row 6 of ai-services-sample.csv' }).click();
  const trace = page.getByRole('dialog', { name: 'Where row 6 of ai-services-sample.csv went' });
  await expect(trace).toContainText('effective cost $910.40');
  await expect(trace.getByRole('row', { name: /^Team research Team from tag/ })).toBeVisible();
  await expect(trace.getByRole('row', { name: /^Project \(unallocated\) No rule matched/ })).toBeVisible();
  expect(await app.accessibilityViolations()).toEqual([]);
  await app.screenshot('attribution-trace-row');
  await trace.getByRole('button', { name: 'Close' }).click();
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

  // Allocated dimensions are group-bys on the Overview too.
  await app.openScreen('Overview');
  const byTeam = app.chart('By team (allocated)');
  await expect(byTeam).toContainText('Coverage: 100% of the cost has a team.');
  await byTeam.getByRole('button', { name: 'Show as table' }).click();
  await expect(byTeam.getByRole('row', { name: /^research/ })).toContainText(x.money(x.research));
  await app.page.getByRole('combobox', { name: 'Allocated dimension' }).click();
  await page.getByRole('option', { name: 'Project' }).click();
  await expect(app.chart('By project (allocated)')).toContainText('Coverage: 0% of the cost has a project.');
  // ...and filters: the total shows only research's allocated cost; the notice says what is filtered.
  await page.getByRole('combobox', { name: 'Filter by allocated' }).click();
  await page.getByRole('option', { name: 'Team' }).click();
  await page.getByRole('combobox', { name: 'Team', exact: true }).click();
  await page.getByRole('option', { name: 'research' }).click();
  await expect(app.totalEffective()).toHaveText(x.money(x.research));
  await expect(page.getByRole('status').filter({ hasText: 'Filtered to team research' })).toBeVisible();
  await app.screenshot('overview-allocated');
  expect(await app.accessibilityViolations()).toEqual([]);
  await page.getByRole('combobox', { name: 'Filter by allocated' }).click();
  await page.getByRole('option', { name: 'No filter' }).click();
  await expect(app.totalEffective()).toHaveText(x.money(x.total));
  expect(await app.accessibilityViolations()).toEqual([]);
  await app.openScreen('Attribution');

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
});

test('attribution: import a rule pack (diff first), split a shared team by fixed percentages, export the pack, versions and their diff, freeze and restate, dimensions; axe-clean', async ({ page }) => {
  const x = expected();
  const app = new AppPage(page);
  const attribution = new AttributionPage(page);
  await app.open({ empty: true });
  await app.importFiles([fixture]);
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toBeVisible();
  await app.openScreen('Attribution');

  // Import a pack with one rule: it shows what it would change before anything is applied.
  const dir = mkdtempSync(join(tmpdir(), 'cc-pack-'));
  const packPath = join(dir, 'team-pack.json');
  writeFileSync(packPath, JSON.stringify({
    format: 'cost-council-rule-pack', version: 1, name: 'Team pack',
    dimensions: [{ id: 'team', name: 'Team' }],
    rules: [{ id: 'team-from-tag', name: 'Team from tag', enabled: true, dimension: 'team', when: { match: 'all', conditions: [] }, value: { kind: 'column', column: 'tag:team' } }],
    pools: [],
  }));
  await attribution.openTab('Rule packs');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a rule pack…' }).click();
  await (await chooser).setFiles(packPath);
  const changes = page.getByRole('region', { name: 'What team-pack.json would change' });
  await expect(changes).toContainText('1 rule added: “Team from tag”.');
  await expect(attribution.coverage('team')).toHaveText('0%');
  await app.screenshot('attribution-pack-diff');
  expect(await app.accessibilityViolations()).toEqual([]);
  await changes.getByRole('button', { name: 'Apply rule pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Applied the rule pack team-pack.json' })).toBeVisible();
  await expect(attribution.coverage('team')).toHaveText('100%');

  // A pool shares the support-bot team's cost 60 / 40 between search and research; the running total must reach 100%.
  await attribution.openTab('Shared-cost pools');
  await page.getByRole('button', { name: 'New pool' }).click();
  const pool = page.getByRole('dialog', { name: 'New shared-cost pool' });
  await pool.getByRole('textbox', { name: 'Pool name' }).fill('Support bot shared');
  await pool.getByRole('textbox', { name: 'Value (e.g. shared-platform)' }).fill('support-bot');
  await pool.getByRole('radio', { name: 'By fixed percentages' }).check();
  await pool.getByRole('textbox', { name: 'Target 1: value' }).fill('search');
  await pool.getByRole('textbox', { name: 'Target 1: percent' }).fill('60');
  await pool.getByRole('textbox', { name: 'Target 2: value' }).fill('research');
  await pool.getByRole('textbox', { name: 'Target 2: percent' }).fill('39.5');
  await expect(pool.getByTestId('percent-total')).toHaveText('Total 99.5% — must reach 100%');
  await pool.getByRole('button', { name: 'Add pool' }).click();
  await expect(pool.getByRole('alert')).toHaveText('The percentages add up to 99.5%; they must add up to 100%.');
  await pool.getByRole('textbox', { name: 'Target 2: percent' }).fill('40');
  await expect(pool.getByTestId('percent-total')).toHaveText('Total 100% — complete');
  await app.screenshot('attribution-pool-editor');
  expect(await app.accessibilityViolations()).toEqual([]);
  await pool.getByRole('button', { name: 'Add pool' }).click();
  await expect(pool).toBeHidden();
  await expect(page.getByRole('list', { name: 'Shared-cost pools' })).toContainText('Shares the cost of support-bot by fixed percentages: search 60%, research 40%.');
  await app.setTheme('High contrast');
  await page.getByRole('button', { name: 'Edit pool “Support bot shared”' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit pool “Support bot shared”' });
  await expect(edit.getByTestId('percent-total')).toHaveText('Total 100% — complete');
  expect(await app.accessibilityViolations(), 'high contrast, pool editor').toEqual([]);
  await app.screenshot('attribution-pool-editor-contrast');
  await edit.getByRole('button', { name: 'Cancel' }).click();
  await app.setTheme('Light');

  // The split, by hand from the fixture: support-bot's cost goes 60% to search and 40% to research; nothing is lost.
  const cents = (d: string) => Math.round(Number(d) * 100);
  const toSearch = Math.round(cents(x.supportBot) * 0.6);
  const searchAfter = ((cents(x.search) + toSearch) / 100).toFixed(2);
  const researchAfter = ((cents(x.research) + cents(x.supportBot) - toSearch) / 100).toFixed(2);
  expect([x.supportBot, searchAfter, researchAfter]).toEqual(['232.00', '489.05', '2848.55']);
  await attribution.openTab('Hierarchy and explain');
  const totals = page.getByRole('table', { name: /^Allocated cost by team/ });
  await expect(totals.getByRole('row', { name: /^search/ })).toContainText(x.money(searchAfter));
  await expect(totals.getByRole('row', { name: /^research/ })).toContainText(x.money(researchAfter));
  await expect(totals.getByRole('row', { name: /^support-bot/ })).toHaveCount(0);
  await expect(page.getByText(`${x.money(x.total)} in all; 100% allocated to a team.`)).toBeVisible();
  // The explain chain through the pool: search = its own cost + 60% of support-bot's.
  await totals.getByRole('button', { name: 'Explain search' }).click();
  await expect(page.getByTestId('explain-figure')).toContainText(`${x.money(searchAfter)} = ${x.money(x.search)} set by rules + ${x.money((toSearch / 100).toFixed(2))} received from pools`);
  const received = page.getByRole('table', { name: 'Shares of pools received by Team: search' });
  await expect(received.getByRole('row', { name: /^Support bot shared By fixed percentages 60\.00%/ })).toContainText(`support-bot ${x.money(x.supportBot)}`);
  await app.screenshot('attribution-explain-pool');
  expect(await app.accessibilityViolations()).toEqual([]);

  // Export the rule set as a pack: the downloaded JSON has the rule and the pool.
  await attribution.openTab('Rule packs');
  await page.getByRole('textbox', { name: 'Pack name' }).fill('Council rules');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download rule pack' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('council-rules.json');
  const exported = JSON.parse(readFileSync(await file.path(), 'utf8')) as { name: string; rules: Array<{ id: string }>; pools: Array<{ method: unknown }> };
  expect(exported.name).toBe('Council rules');
  expect(exported.rules.map((r) => r.id)).toEqual(['team-from-tag']);
  expect(exported.pools.map((p) => p.method)).toEqual([{ kind: 'fixed', percentages: [60, 40] }]);

  // Start a second version from a day on.
  await attribution.openTab('Versions');
  await page.getByRole('textbox', { name: 'New version label' }).fill('From October 2');
  await page.getByLabel('In effect from').fill('2026-10-02');
  await page.getByRole('button', { name: 'Start new version' }).click();
  const versions = page.getByRole('table', { name: 'Rule-set versions, oldest first' });
  await expect(versions.getByRole('row')).toHaveCount(3);
  await expect(versions.getByRole('row', { name: /From October 2 \(being edited\)/ })).toContainText('2026-10-02');

  // In the new version only, S3 goes to "platform" (a rule placed first); comparing the versions shows the $120.00 moving.
  await attribution.openTab('Rules');
  await page.getByRole('button', { name: 'New rule' }).click();
  const editor = attribution.editor();
  await editor.getByRole('textbox', { name: 'Rule name' }).fill('S3 to platform');
  await editor.getByRole('button', { name: 'Add condition to conditions' }).click();
  await editor.getByRole('combobox', { name: 'Condition 1: operator' }).click();
  await page.getByRole('option', { name: 'contains', exact: true }).click();
  await editor.getByRole('textbox', { name: 'Condition 1: value' }).fill('S3');
  await editor.getByRole('textbox', { name: 'Value', exact: true }).fill('platform');
  // At the end, the tag rule decides the S3 lines first: the new rule would move nothing.
  await expect(page.getByTestId('preview-rows')).toHaveText('0');
  await expect(page.getByTestId('preview-moved')).toHaveText('$0.00');
  await editor.getByRole('combobox', { name: 'Place the new rule' }).click();
  await page.getByRole('option', { name: 'At the top of the list (tried first)' }).click();
  // Version 2 is in effect from 2026-10-02, so the preview counts only the S3 lines from that day on.
  const s3Later = readCsv(fixture).filter((r) => (r.ServiceName ?? '').includes('S3') && (r.ChargePeriodStart ?? '') >= '2026-10-02');
  expect(s3Later.length).toBe(2);
  await expect(page.getByTestId('preview-rows')).toHaveText(String(s3Later.length));
  await expect(page.getByTestId('preview-moved')).toHaveText(x.money(exactSum(s3Later.map((r) => r.EffectiveCost ?? ''), 2)));
  await expect(page.getByTestId('preview-coverage')).toHaveText('100% → 100%');
  await editor.getByRole('button', { name: 'Add rule' }).click();
  await expect(editor).toBeHidden();
  await expect(attribution.ruleItems()).toHaveText([/S3 to platform/, /Team from tag/]);
  await attribution.openTab('Versions');
  const compare = page.getByRole('region', { name: 'Compare versions' });
  await expect(compare.getByRole('status')).toHaveText(
    `From “First rule set” to “From October 2”, ${x.money(x.s3)} moves between values of team in 1 move. The largest move: ${x.money(x.s3)} from research to platform.`,
  );
  await expect(compare.getByRole('table', { name: /^Money moving between values of team/ }).getByRole('row', { name: /^research platform/ })).toContainText(x.money(x.s3));
  await app.screenshot('attribution-versions');
  expect(await app.accessibilityViolations()).toEqual([]);

  // Freeze October: disabling the tag rule then changes nothing there, until the period is restated on purpose.
  await page.getByLabel('Freeze from').fill('2026-10-01');
  await page.getByLabel('Freeze to').fill('2026-10-31');
  await page.getByRole('textbox', { name: 'Label (e.g. October close)' }).fill('October close');
  await page.getByRole('button', { name: 'Freeze period' }).click();
  await expect(page.getByRole('table', { name: 'Frozen periods' }).getByRole('row', { name: /2026-10-01 to 2026-10-31 October close/ })).toBeVisible();
  await attribution.openTab('Rules');
  await page.getByRole('switch', { name: 'Enabled: rule “Team from tag”' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Disabled rule “Team from tag”.' })).toBeVisible();
  await expect(attribution.coverage('team')).toHaveText('100%');
  await attribution.openTab('Versions');
  await page.getByRole('button', { name: 'Restate 2026-10-01 to 2026-10-31' }).click();
  await page.getByRole('button', { name: 'Restate', exact: true }).click();
  await expect(page.getByText('No period is frozen.')).toBeVisible();
  // Restated: 2026-10-01 keeps version 1 (every line allocated); from 2026-10-02 version 2 has only the S3 rule.
  const rows = readCsv(fixture);
  const firstDay = exactSum(rows.filter((r) => (r.ChargePeriodStart ?? '').startsWith('2026-10-01')).map((r) => r.EffectiveCost ?? ''), 2);
  const s3LaterCost = exactSum(s3Later.map((r) => r.EffectiveCost ?? ''), 2);
  await expect(attribution.coverage('team')).toHaveText(x.percent((Number(firstDay) + Number(s3LaterCost)).toFixed(2)));

  // A new dimension, made the hierarchy's top level with the keyboard; one in use cannot be removed.
  await attribution.openTab('Dimensions');
  await page.getByRole('textbox', { name: 'New dimension name' }).fill('Business unit');
  await expect(page.getByText('Its id will be business_unit')).toBeVisible();
  await page.getByRole('button', { name: 'Add dimension' }).click();
  await expect(attribution.coverage('business_unit')).toHaveText('0%');
  await page.getByRole('combobox', { name: 'Dimension to add' }).click();
  await page.getByRole('option', { name: 'Business unit' }).click();
  await page.getByRole('button', { name: 'Add level' }).click();
  const levels = page.getByRole('list', { name: 'Hierarchy levels, from the top' }).getByRole('listitem');
  await expect(levels).toHaveText([/Team/, /Project/, /Model/, /Business unit/]);
  for (let i = 0; i < 3; i++) {
    await page.getByRole('button', { name: 'Move level Business unit up' }).focus();
    await page.keyboard.press('Enter');
    await expect(levels.nth(2 - i)).toContainText('Business unit');
  }
  await expect(page.getByRole('button', { name: 'Move level Business unit down' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Remove dimension Team' })).toBeDisabled();
  await app.screenshot('attribution-dimensions');
  expect(await app.accessibilityViolations()).toEqual([]);
  await attribution.openTab('Hierarchy and explain');
  await expect(page.getByText('Organisation → Business unit → Team → Project → Model')).toBeVisible();
});

test('attribution on the demo workspace: every tab axe-clean in light, dark and high contrast', async ({ page }) => {
  const app = new AppPage(page);
  const attribution = new AttributionPage(page);
  await app.open();
  await app.openScreen('Attribution');
  await expect(attribution.coverage('team')).toHaveText(/^\d+(\.\d)?%$/);
  for (const theme of ['Light', 'Dark', 'High contrast'] as const) {
    await app.setTheme(theme);
    for (const tab of ['Rules', 'Shared-cost pools', 'Hierarchy and explain', 'Coverage over time', 'Versions', 'Rule packs']) {
      await attribution.openTab(tab);
      await expect(page.getByRole('tabpanel')).not.toContainText('Loading');
      expect(await app.accessibilityViolations(), `${theme}, ${tab}`).toEqual([]);
    }
    await attribution.openTab('Hierarchy and explain');
    await expect(page.getByRole('tree', { name: 'Cost hierarchy' })).toBeVisible();
    await app.screenshot(`attribution-demo-${theme.toLowerCase().replace(' ', '-')}`);
  }
  await app.setTheme('Light');
});
