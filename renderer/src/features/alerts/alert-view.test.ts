import { describe, expect, it } from 'vitest';
import type { Alert, BudgetAlert, BudgetCrossing } from '../../../../shared/alerts.js';
import type { Anomaly } from '../../../../shared/forecast.js';
import { DEFAULT_ANOMALY_SETTINGS } from '../../../../shared/forecast.js';
import { alertCountsByBudget, alertCountWords } from '../budgets/budget-view.js';
import {
  alertChange, alertDay, alertSubject, budgetCrossingSentence, incidentActions, incidentRows, incidentStatusWords, relatedWords,
  alertsNavLabel, allowedActions, patternWhen, anomalySentence, defaultRecurrence, filterAlerts, historyRows, percentWords, rootCauseRows, rootCauseSummary,
  settingsForm, settingsOf,
} from './alert-view.js';

const anomaly: Anomaly = {
  key: 'total=@USD/effective@2026-10-26', series: { dimension: 'total', value: null }, currency: 'USD', cost: 'effective', day: '2026-10-26',
  actual: 851.26, expected: 200, lower: 170, upper: 230, impact: 651.26, percent: 325.63, direction: 'spike', score: 21,
  rootCauses: [
    { dimension: 'ServiceName', value: 'Amazon Bedrock', impact: 600, share: 0.9213 },
    { dimension: 'ResourceId', value: 'arn:aws:bedrock:model/claude', impact: 600, share: 0.9213 },
    { dimension: 'tag:team', value: 'search', impact: 55.5, share: 0.0852 },
    { dimension: 'RegionId', value: 'us-east-1', impact: -4.24, share: -0.0065 },
  ],
};

const alert = (key: string, status: Alert['status']): Alert => ({
  key, kind: 'anomaly', incident: key, status, anomaly, title: key, owner: null, comment: null, raisedAt: '2026-10-27T08:00:00.000Z', updatedAt: '2026-10-27T08:00:00.000Z', suppressedBy: null, history: [],
});

const crossing: BudgetCrossing = {
  budgetId: 2, budgetName: 'Anthropic', node: { by: 'ProviderName', value: 'Anthropic' }, currency: 'USD', period: '2026-10', periodStart: '2026-10-01',
  periodEnd: '2026-10-31', threshold: 80, basis: 'forecast', amount: 30000, value: 27000, percent: 90, breachProbability: 0.237, asOf: '2026-10-20',
};

const budgetAlert = (key: string, status: Alert['status'], incident: string, over: Partial<BudgetCrossing> = {}): BudgetAlert => ({
  ...alert(key, status), kind: 'budget', incident, budget: { ...crossing, ...over },
} as BudgetAlert);

describe('budget alerts and incidents in the view', () => {
  it('names a budget alert by its budget and period, and says what it crossed', () => {
    const b = budgetAlert('budget:2/2026-10/forecast/80', 'new', 'budget:2/2026-10/forecast/80');
    expect(alertSubject(b)).toBe('Budget "Anthropic", 2026-10');
    expect(alertDay(b)).toBe('2026-10-20');
    expect(alertChange(b)).toBe('80% reached by the forecast');
    expect(budgetCrossingSentence(b.budget)).toBe(
      'On 2026-10-20, the forecast of budget "Anthropic" (Provider: Anthropic) for 2026-10 expected $27,000.00 by 2026-10-31 of $30,000.00 (90.0%), past its 80% threshold. '
      + 'The probability of ending the period over the budget was 24%.',
    );
    expect(budgetCrossingSentence({ ...crossing, basis: 'actual', value: 31000, percent: 103.33, threshold: 100, breachProbability: null })).toBe(
      'On 2026-10-20, the actual spend of budget "Anthropic" (Provider: Anthropic) for 2026-10 reached $31,000.00 of $30,000.00 (103.3%), past its 100% threshold.',
    );
    expect(alertChange(alert('x', 'new'))).toBe('+$651.26 (+326%)');
  });

  it('makes one row per incident, the first alert leading, and words its size and statuses', () => {
    const rows = incidentRows([alert('t', 'new'), { ...alert('aws', 'acknowledged'), incident: 't' }, { ...alert('svc', 'new'), incident: 't' }, alert('other', 'resolved')]);
    expect(rows.map((r) => [r.incident, r.lead.key, r.related.map((x) => x.key)])).toEqual([['t', 't', ['aws', 'svc']], ['other', 'other', []]]);
    const [incident, alone] = rows;
    if (!incident || !alone) throw new Error('two rows expected');
    expect(relatedWords(incident)).toBe('and 2 related series');
    expect(relatedWords(alone)).toBe('');
    expect(incidentStatusWords(incident)).toBe('New (2), Acknowledged (1)');
    expect(incidentStatusWords(alone)).toBe('Resolved');
    // Acknowledge while one is new; resolve and expected for all three.
    expect(incidentActions(incident)).toEqual(['acknowledged', 'resolved', 'expected']);
    expect(incidentActions(alone)).toEqual([]);
    const budgets = incidentRows([budgetAlert('b100', 'new', 'b100'), budgetAlert('b80', 'new', 'b100')]);
    expect(budgets[0] && relatedWords(budgets[0])).toBe('and 1 related threshold');
  });

  it('counts each budget\'s alerts for the Budgets screen', () => {
    const counts = alertCountsByBudget([budgetAlert('a', 'new', 'a'), budgetAlert('b', 'resolved', 'a'), budgetAlert('c', 'new', 'c', { budgetId: 5 }), alert('x', 'new')]);
    expect([...counts]).toEqual([[2, { total: 2, new: 1 }], [5, { total: 1, new: 1 }]]);
    expect(alertCountWords(counts.get(2))).toBe('2 alerts, 1 new');
    expect(alertCountWords({ total: 1, new: 0 })).toBe('1 alert');
    expect(alertCountWords(undefined)).toBe('No alerts');
  });
});

describe('alert view', () => {
  it('names the navigation link with the count of new alerts', () => {
    expect(alertsNavLabel(3)).toBe('Alerts, 3 new');
    expect(alertsNavLabel(0)).toBe('Alerts');
  });

  it('offers only the lifecycle steps: new → acknowledged → resolved / expected, the last two final', () => {
    expect(allowedActions('new')).toEqual(['acknowledged', 'resolved', 'expected']);
    expect(allowedActions('acknowledged')).toEqual(['resolved', 'expected']);
    expect(allowedActions('resolved')).toEqual([]);
    expect(allowedActions('expected')).toEqual([]);
  });

  it('remembers a day-1 anomaly by day of the month (a monthly charge), others by weekday', () => {
    expect(defaultRecurrence('2026-11-01')).toBe('day-of-month');
    expect(defaultRecurrence('2026-10-26')).toBe('weekday');
  });

  it('says what happened in one sentence', () => {
    expect(anomalySentence(anomaly)).toBe(
      'On 2026-10-26, Total cost $851.26 against an expected $200.00 (normal range $170.00 to $230.00): a spike of +$651.26 (+326%).',
    );
    expect(anomalySentence({ ...anomaly, series: { dimension: 'ServiceName', value: 'Amazon S3' }, actual: 0, expected: 30, impact: -30, percent: -100, direction: 'drop' }))
      .toMatch(/^On 2026-10-26, Service: Amazon S3 cost \$0\.00 .*: a drop of −\$30\.00 \(−100%\)\.$/);
    expect(percentWords(null)).toBe('no expected spend to compare with');
  });

  it('ranks root causes by amount as the engine gave them, naming the dimension', () => {
    const rows = rootCauseRows(anomaly);
    expect(rows.map((r) => [r.rank, r.label, r.share])).toEqual([
      [1, 'Service: Amazon Bedrock', 92],
      [2, 'Resource: arn:aws:bedrock:model/claude', 92],
      [3, 'Tag team: search', 9],
      [4, 'Region: us-east-1', -1],
    ]);
    expect(rootCauseSummary(anomaly)).toBe(
      'The largest contributor is Service: Amazon Bedrock, +$600.00 (92% of the deviation); then Resource: arn:aws:bedrock:model/claude +$600.00 (92%), Tag team: search +$55.50 (9%). 4 contributors ranked by amount.',
    );
    expect(rootCauseSummary({ ...anomaly, rootCauses: [] })).toMatch(/^No child slice explains/);
  });

  it('words the history of transitions', () => {
    expect(historyRows([
      { at: '2026-10-27T08:00:00.000Z', from: null, to: 'new', comment: null, owner: null },
      { at: '2026-10-27T09:30:00Z', from: 'new', to: 'acknowledged', comment: 'Looking into it', owner: 'dana' },
      { at: '2026-10-27T10:00:00Z', from: 'acknowledged', to: 'acknowledged', comment: 'Batch job', owner: 'dana' },
    ])).toEqual([
      { at: '2026-10-27 08:00:00 UTC', what: 'Raised as new', comment: '', owner: '' },
      { at: '2026-10-27 09:30:00 UTC', what: 'New → Acknowledged', comment: 'Looking into it', owner: 'dana' },
      { at: '2026-10-27 10:00:00 UTC', what: 'Comment or owner', comment: 'Batch job', owner: 'dana' },
    ]);
  });

  it('filters by status', () => {
    const alerts = [alert('a', 'new'), alert('b', 'acknowledged'), alert('c', 'new')];
    expect(filterAlerts(alerts, 'new').map((a) => a.key)).toEqual(['a', 'c']);
    expect(filterAlerts(alerts, 'all')).toHaveLength(3);
    expect(filterAlerts(alerts, 'expected')).toEqual([]);
  });

  it('checks the settings form and lists every mistake at once', () => {
    const form = settingsForm(DEFAULT_ANOMALY_SETTINGS);
    expect(form).toMatchObject({ minImpact: '50', minPercent: '20', sensitivity: '4', direction: 'both' });
    expect(settingsOf({ ...form, minImpact: '25.5', direction: 'spikes' })).toEqual({
      settings: { dimensions: ['total', 'ProviderName', 'ServiceName', 'SubAccountName'], minImpact: 25.5, minPercent: 20, sensitivity: 4, direction: 'spikes' },
    });
    expect(settingsOf({ ...form, minImpact: '-1', sensitivity: '0', dimensions: [] })).toEqual({
      errors: ['Minimum impact must be a number of at least 0.', 'Sensitivity must be a number above 0.', 'Choose at least one dimension to watch.'],
    });
    expect(settingsOf({ ...form, minPercent: 'ten' })).toEqual({ errors: ['Minimum change must be a number of at least 0.'] });
  });

  it('says when an expected pattern applies', () => {
    expect(patternWhen({ recurrence: 'weekday', weekday: 1, dayOfMonth: null })).toBe('Mondays');
    expect(patternWhen({ recurrence: 'weekday', weekday: 7, dayOfMonth: null })).toBe('Sundays');
    expect(patternWhen({ recurrence: 'day-of-month', weekday: null, dayOfMonth: 1 })).toBe('day 1 of each month');
    expect(patternWhen({ recurrence: 'any-day', weekday: null, dayOfMonth: null })).toBe('any day');
  });
});
