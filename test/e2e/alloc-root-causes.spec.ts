import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { SPIKE_DAY } from '../support/spike-file.js';
import { AppPage } from './app.page.js';
import { AttributionPage } from './attribution.page.js';

const spikeFile = resolve('test/fixtures/focus/e2e/spike-60-days.csv');

test("an allocated team's alert has root causes: the service, model and resource of its allocated cost; axe-clean", async ({ page }) => {
  test.setTimeout(180_000);
  const app = new AppPage(page);
  await app.open({ empty: true });
  await app.importFiles([spikeFile]);
  await expect(page.getByRole('status').filter({ hasText: 'Import complete' })).toContainText('Imported 180 rows');

  // Teams from the team tag: Bedrock (the spike) is search's; EC2 and S3 are platform's.
  const dir = mkdtempSync(join(tmpdir(), 'cc-alloc-causes-'));
  const packPath = join(dir, 'teams.json');
  writeFileSync(packPath, JSON.stringify({
    format: 'cost-council-rule-pack', version: 1, name: 'Teams',
    dimensions: [{ id: 'team', name: 'Team' }],
    rules: [{ id: 'team-from-tag', name: 'Team from tag', enabled: true, dimension: 'team', when: { match: 'all', conditions: [] }, value: { kind: 'column', column: 'tag:team' } }],
    pools: [],
  }));
  await app.openScreen('Attribution');
  const attribution = new AttributionPage(page);
  await attribution.openTab('Rule packs');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a rule pack…' }).click();
  await (await chooser).setFiles(packPath);
  await page.getByRole('region', { name: 'What teams.json would change' }).getByRole('button', { name: 'Apply rule pack' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Applied the rule pack teams.json' })).toBeVisible();

  // Watch the allocated teams too, then check again.
  await app.openScreen('Alerts');
  const settings = page.getByRole('form', { name: 'Detection settings' });
  await settings.getByRole('checkbox', { name: 'Allocated: team' }).check();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Settings saved. They apply from the next check for anomalies.');
  await page.getByRole('button', { name: 'Check for alerts now' }).click();
  // The team's spike is the one new alert (the other series' alerts were raised by the import); it is
  // the same money as the Bedrock spike, so it joins that incident.
  await expect(page.getByRole('status').filter({ hasText: /^1 new alert;/ })).toBeVisible();

  const list = page.getByRole('table', { name: /alerts, newest day first/ });
  const incidentRow = list.getByRole('row', { name: new RegExp(`^${SPIKE_DAY} Anomaly .* and 4 related series `) });
  await incidentRow.getByRole('button', { name: new RegExp(`^Open .* on ${SPIKE_DAY}$`) }).click();
  const dialog = page.getByRole('dialog');
  const related = dialog.getByRole('table', { name: /^This incident: / });
  await expect(related.getByRole('row', { name: /^Team: search / })).toBeVisible();
  // Show the team's own details: its figures, root causes and history replace the lead's.
  const showTeam = related.getByRole('button', { name: 'Show details: Team: search' });
  await showTeam.focus();
  await page.keyboard.press('Enter');
  await expect(showTeam).toHaveAttribute('aria-pressed', 'true');
  await expect(dialog).toContainText(`On ${SPIKE_DAY}, Team: search cost`);
  await related.scrollIntoViewIfNeeded();
  await related.screenshot({ path: 'test-results/screenshots/alert-incident-members.png' });
  const causes = dialog.getByRole('region', { name: 'Root causes, ranked by amount' });
  // search's allocated cost is all Bedrock: its service, model and resource carry the whole deviation.
  await expect(causes).toContainText(/The largest contributor is .+, \+\$60\d\.\d\d \(100% of the deviation\)/);
  await causes.getByRole('button', { name: 'Show as table' }).click();
  await expect(causes.getByRole('row', { name: /^\d+ Service Amazon Bedrock \$60\d\.\d\d 100%$/ })).toBeVisible();
  await expect(causes.getByRole('row', { name: /^\d+ AI model claude-sonnet-4 \$60\d\.\d\d 100%$/ })).toBeVisible();
  // The other team's cost is not in it.
  await expect(causes.getByRole('row', { name: /Amazon EC2|Amazon S3/ })).toHaveCount(0);
  await app.screenshot('alert-detail-allocated-team');
  expect(await app.accessibilityViolations()).toEqual([]);
});
