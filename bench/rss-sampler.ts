/**
 * Peak resident memory while something runs. Sampled on a timer (the import yields between
 * chunks, so the timer gets its turns) and once more at the end, for work that never yields.
 */
export interface RssSampler {
  /** The highest RSS seen so far, in bytes, including a sample taken now. */
  peak(): number;
  stop(): number;
}

export function startRssSampler(intervalMs = 20): RssSampler {
  let peak = process.memoryUsage().rss;
  const sample = (): number => {
    peak = Math.max(peak, process.memoryUsage().rss);
    return peak;
  };
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    peak: sample,
    stop: () => {
      clearInterval(timer);
      return sample();
    },
  };
}
