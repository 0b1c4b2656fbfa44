/**
 * A model as the backtest sees it: given the series and origins (0-based counts of observed
 * days), the forecasts each origin would have made from y[0..origin) for the next `horizon`
 * days. One call covers every origin, so a model can run its filter through the series once.
 */
export type RollingForecaster = (y: readonly number[], origins: readonly number[], horizon: number) => Float64Array[];

/** The weekly season every model uses. */
export const WEEK = 7;
