/** Latency figures of repeated calls. Convention: percentiles of an empty list are NaN. */

/** Nearest-rank percentile (p in 0–100) of values sorted ascending. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export interface Latency {
  p50: number;
  p95: number;
  runs: number;
}

/** Milliseconds of `runs` calls of `call`, after `warmUp` untimed calls. */
export async function measureLatency(call: () => Promise<unknown>, runs: number, warmUp = 1): Promise<Latency> {
  for (let i = 0; i < warmUp; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await call();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), runs };
}
