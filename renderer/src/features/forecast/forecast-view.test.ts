import { describe, expect, it } from 'vitest';
import type { DriverForecast, PeriodProjection, SeriesForecast } from '../../../../shared/forecast.js';
import {
  backtestBasis, chartDays, parseGrowth, driverRows, driverSummary, forecastSummary, growthWords, historyShown, projectionHeadline, projectionSentence,
  noSeriesText, noTrackRecord, seriesLabel, shortHistoryNote, sliceOptions, trackRecord,
} from './forecast-view.js';

const month: PeriodProjection = {
  period: 'month', label: '2026-10', start: '2026-10-01', end: '2026-10-31', actualToDate: 2900, forecastRest: 100.004,
  mean: 3000.004, lo80: 2950, hi80: 3050.5, lo95: 2900, hi95: 3100, withinHorizon: true,
};

const history = Array.from({ length: 40 }, (_, i) => ({ day: `d${i}`, value: 100 + i }));
const series: SeriesForecast = {
  key: 'ServiceName=Amazon EC2@USD/effective', series: { dimension: 'ServiceName', value: 'Amazon EC2' }, currency: 'USD', cost: 'effective',
  status: 'ok', model: 'holt-winters', reason: 'best backtest', notes: [], history,
  forecast: [
    { day: '2026-10-30', mean: 100.004, lo80: 90, hi80: 110, lo95: 80, hi95: 120 },
    { day: '2026-10-31', mean: 50, lo80: 45, hi80: 55.5, lo95: 40, hi95: 60 },
  ],
  projections: [month], backtest: { mape: 6.25, mase: 0.62, bias: -3.1, coverage80: 0.78, origins: 12, points: 84 }, candidates: [], monthlyCharge: null,
  horizonTotal: { mean: 150.004, lo80: 140, hi80: 160.5, lo95: 130, hi95: 170 },
};

describe('forecast view', () => {
  it('offers the total, every FOCUS column, tags and allocated dimensions', () => {
    const options = sliceOptions(['team'], ['project']);
    expect(options[0]).toEqual({ by: 'total', label: 'Total' });
    expect(options.map((o) => o.by)).toEqual(['total', 'ProviderName', 'ServiceCategory', 'ServiceName', 'SubAccountName', 'RegionId', 'ChargeCategory', 'x_Model', 'tag:team', 'alloc:project']);
    expect(options.at(-1)?.label).toBe('Allocated: project');
  });

  it('names a series', () => {
    expect(seriesLabel({ dimension: 'total', value: null })).toBe('Total');
    expect(seriesLabel({ dimension: 'ServiceName', value: 'Amazon EC2' })).toBe('Service: Amazon EC2');
    expect(seriesLabel({ dimension: 'tag:team', value: 'search' })).toBe('Tag team: search');
    expect(seriesLabel({ dimension: 'alloc:project', value: null })).toBe('Project: (not set)');
  });

  it('shows the last days of history, then the forecast, rounded to cents', () => {
    // Two forecast days: 2 × 2 = 4 days, below the floor of 28 days of history.
    expect(historyShown(2)).toBe(28);
    expect(historyShown(30)).toBe(60);
    expect(historyShown(365)).toBe(90);
    const days = chartDays(series);
    expect(days).toHaveLength(28 + 2);
    expect(days[0]).toEqual({ day: 'd12', actual: 112, forecast: null, lo80: null, hi80: null, lo95: null, hi95: null });
    expect(days[28]).toEqual({ day: '2026-10-30', actual: null, forecast: 100, lo80: 90, hi80: 110, lo95: 80, hi95: 120 });
  });

  it('says the month-end projection with its intervals and what is already spent', () => {
    expect(projectionHeadline(month, 'USD')).toBe('Projected month-end spend $3,000.00 (80%: $2,950.00–$3,050.50)');
    expect(projectionSentence(month, 'USD')).toBe(
      'Projected month-end spend $3,000.00 (80%: $2,950.00–$3,050.50) for 2026-10 (2026-10-01 to 2026-10-31); 95%: $2,900.00–$3,100.00. '
      + '$2,900.00 is spent so far and $100.00 is forecast for the rest.',
    );
    expect(projectionSentence({ ...month, period: 'quarter', withinHorizon: false }, 'USD')).toMatch(/^Projected quarter-end spend .* extended past the chosen horizon/);
  });

  it('summarises the forecast: the horizon total with its intervals, the model, the month-end', () => {
    expect(forecastSummary(series)).toBe(
      'Service: Amazon EC2: from 2026-10-30 to 2026-10-31 (2 days) spend is forecast at $150.00 (80%: $140.00–$160.50; 95%: $130.00–$170.00), '
      + 'by Holt-Winters (level, trend and weekly cycle). Projected month-end spend $3,000.00 (80%: $2,950.00–$3,050.50).',
    );
    // Without the engine's horizon total: the sum of the daily means (100.004 + 50 = 150.00), no interval claimed.
    expect(forecastSummary({ ...series, horizonTotal: null, projections: [] })).toBe(
      'Service: Amazon EC2: from 2026-10-30 to 2026-10-31 (2 days) spend is forecast at $150.00, by Holt-Winters (level, trend and weekly cycle).',
    );
    expect(forecastSummary({ ...series, status: 'no-forecast', forecast: [], reason: 'fewer than 2 days with data.' })).toBe('No forecast for Service: Amazon EC2: fewer than 2 days with data.');
    // The engine's own reason starts with "no forecast:": said once, not twice.
    expect(forecastSummary({ ...series, status: 'no-forecast', forecast: [], reason: 'no forecast: fewer than 2 days with a cost (1).' })).toBe('No forecast for Service: Amazon EC2: fewer than 2 days with a cost (1).');
  });

  it('says which currency has no series of a slice, and that another may have them', () => {
    expect(noSeriesText('AI model', 'EUR', 2)).toBe('No AI model series has costs in EUR. Choose another currency to see its series.');
    expect(noSeriesText('Tag: team', 'USD', 1)).toBe('No Tag: team series has costs in USD.');
  });

  it('says why there is no track record, and how short a short history is', () => {
    // 30 days without cost: no forecast, although the history is not short.
    const none = { ...series, status: 'no-forecast' as const, model: null, forecast: [], backtest: null, history: history.slice(0, 30) };
    expect(noTrackRecord(none)).toBe('No track record: there is no forecast to test.');
    expect(noTrackRecord({ ...series, status: 'short-history', backtest: null })).toBe('No track record: the history is too short to test the model on its own past.');
    // 14 days are a short history too (no day is left for a backtest): not "fewer than 14".
    expect(shortHistoryNote({ ...series, status: 'short-history', history: history.slice(0, 14) })).toBe('Short history: 14 days of data, so a simpler model is used and its accuracy cannot be tested fully.');
  });

  it('puts the track record in plain words', () => {
    const lines = trackRecord(series.backtest!, 'USD');
    expect(lines.map((l) => [l.label, l.value])).toEqual([
      ['Typical error (MAPE)', '6.3%'],
      ['Against repeating last week (MASE)', '0.62'],
      ['Bias', '−$3.10 a day'],
      ['80% interval hit rate', '78%'],
    ]);
    // MASE 0.62: errors 38% smaller than seasonal naive; negative bias: forecast too low.
    expect(lines[1]?.meaning).toBe('errors 38% smaller than the seasonal naive forecast (below 1 is better)');
    expect(lines[2]?.meaning).toBe('on average it forecast too low');
    expect(trackRecord({ mape: null, mase: 1.5, bias: 2, coverage80: null, origins: 1, points: 7 }, 'USD').map((l) => l.meaning)).toEqual([
      'every backtest day had zero spend, so a percentage error means nothing',
      'errors 50% larger than the seasonal naive forecast (above 1 is worse)',
      'on average it forecast too high',
      'no intervals to test',
    ]);
    expect(backtestBasis(series.backtest!)).toBe("Tested on 84 forecast days from 12 starting points in this series' own past (rolling-origin backtest).");
  });

  it('lays out the driver-based forecast beside the time series', () => {
    const d: DriverForecast = {
      currency: 'USD', horizon: 30, growth: 0.1, basisFrom: '2026-10-01', basisTo: '2026-10-28', notes: [],
      total: [],
      models: [
        {
          model: 'gpt-4o', provider: 'openai', priceId: 'p1', costPerDay: 10, horizonCost: 316.2, actualPerDay: 9.5,
          drivers: [{ tokenType: 'input', tokensPerDay: 1_000_000.4, pricePerMillion: 2.5 }, { tokenType: 'output', tokensPerDay: 750_000, pricePerMillion: 10 }],
          timeSeries: { model: 'holt-winters', horizonCost: 290, lo80: 270, hi80: 310 },
        },
        { model: 'mystery', provider: null, priceId: null, costPerDay: 0, horizonCost: 0, actualPerDay: 1, drivers: [{ tokenType: 'input', tokensPerDay: 5, pricePerMillion: null }], timeSeries: null },
        // A price book entry, but no token of a priced type: not priced either.
        { model: 'untyped', provider: 'AWS', priceId: 'p2', costPerDay: 0, horizonCost: 0, actualPerDay: 2, drivers: [], timeSeries: null },
      ],
    };
    expect(driverRows(d)).toEqual([
      { model: 'gpt-4o', provider: 'openai', tokensPerDay: 1_750_000, costPerDay: 10, driverCost: 316.2, timeSeriesCost: 290, timeSeriesRange: '$270.00–$310.00', actualPerDay: 9.5 },
      { model: 'mystery', provider: '—', tokensPerDay: 5, costPerDay: null, driverCost: null, timeSeriesCost: null, timeSeriesRange: '—', actualPerDay: 1 },
      { model: 'untyped', provider: 'AWS', tokensPerDay: 0, costPerDay: null, driverCost: null, timeSeriesCost: null, timeSeriesRange: '—', actualPerDay: 2 },
    ]);
    expect(driverSummary(d)).toBe(
      'With +10% traffic a month, the token usage of 2026-10-01 to 2026-10-28 priced from the price book comes to $316.20 over the next 30 days (1 of 3 models priced). '
      + 'The time-series forecasts of the same model say $290.00.',
    );
    expect(driverSummary({ ...d, currency: null, models: [] })).toBe('No token usage to forecast from: import AI usage with model and token counts (x_Model, x_Tokens).');
    // A workspace whose AI usage is billed in another currency than the one shown.
    expect(driverSummary({ ...d, currency: 'EUR', models: [] })).toBe(
      'No token usage in EUR to forecast from: import AI usage with model and token counts (x_Model, x_Tokens), or choose the currency it is billed in.',
    );
    expect(growthWords(0)).toBe('no traffic growth');
    expect(growthWords(-0.05)).toBe('−5% traffic a month');
  });

  it('reads the growth field as a percentage a month, refusing what the engine would refuse', () => {
    expect(parseGrowth('10')).toBe(0.1);
    expect(parseGrowth(' 12.5% ')).toBe(0.125);
    expect(parseGrowth('−5')).toBe(-0.05);
    expect(parseGrowth('')).toBeNull();
    expect(parseGrowth('abc')).toBeNull();
    expect(parseGrowth('-95')).toBeNull();
    expect(parseGrowth('1001')).toBeNull();
  });
});
