/** The allocated summary of every dimension at once (one engine call each), re-read when data changes. */
import { useEffect, useState } from 'react';
import type { AllocationSummary, AttributionDimension } from '../../../../shared/attribution.js';
import { useEngine } from '../../app/engine-context.js';

export function useSummaries(dimensions: readonly AttributionDimension[], currency: string | undefined) {
  const { api, dataVersion } = useEngine();
  const [state, setState] = useState<{ data: Array<{ dimension: AttributionDimension; summary: AllocationSummary | undefined }> | null; error: Error | null }>({ data: null, error: null });
  const key = JSON.stringify([dimensions, currency]);
  useEffect(() => {
    let current = true;
    Promise.all(dimensions.map(async (dimension) => {
      const summaries = await api.allocationSummary({ by: dimension.id, ...(currency ? { currency } : {}) });
      return { dimension, summary: summaries[0] };
    })).then(
      (data) => current && setState({ data, error: null }),
      (error: unknown) => current && setState({ data: null, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      current = false;
    };
    // `key` stands for the dimensions and currency (compared by value).
  }, [api, key, dataVersion]);
  return state;
}
