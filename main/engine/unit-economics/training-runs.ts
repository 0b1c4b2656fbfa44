/**
 * Training runs: lines whose x_Workload is "training". A run is named by the first of its tags
 * RUN_TAG_KEYS that the line has (keys compared without case), else by its ResourceId (a
 * SageMaker training job's ARN, a Vertex AI custom job…), else by its ResourceName; lines with
 * none of them are one run "(no run id)" per day and are counted as such.
 */
import type { TrainingRunRow } from '../../../shared/unit-economics.js';
import type { Store } from '../db/store.js';
import { addCompensated, compensatedTotal } from '../db/tuple-table.js';
import { isoDay } from '../import/values.js';
import type { DailyFigure } from './unit-series.js';
import { lineScope, type UnitScope } from './unit-scope.js';

/** Tag keys that name a training run, in order of preference. */
export const RUN_TAG_KEYS = ['run', 'run_id', 'training_run', 'job', 'job_id', 'job_name'] as const;
export const NO_RUN_ID = '(no run id)';

interface RunDayRow {
  run: string | null;
  id_from: string;
  currency: string | null;
  day: number;
  cost: number;
  gpu: number;
  [key: string]: string | number | null;
}

export interface TrainingRunFigures {
  figures: DailyFigure[];
  runs: TrainingRunRow[];
}

export function trainingRunFigures(store: Store, scope: UnitScope): TrainingRunFigures {
  const where = lineScope(scope);
  const order = RUN_TAG_KEYS.map((key, i) => `WHEN '${key}' THEN ${i}`).join(' ');
  const keys = RUN_TAG_KEYS.map((key) => `'${key}'`).join(', ');
  const rows = store.all<RunDayRow>(
    `WITH lines AS (
       SELECT l.day, l.BillingCurrency, l.${scope.costColumn} AS cost, l.x_GpuHours AS gpu, l.ResourceId, l.ResourceName,
              (SELECT 'tag:' || t.key || char(1) || t.value FROM tag_pairs t
                WHERE t.tags = l.Tags AND lower(t.key) IN (${keys})
                ORDER BY CASE lower(t.key) ${order} END LIMIT 1) AS tag_run
         FROM cost_lines l LEFT JOIN dict c ON c.id = l.BillingCurrency
        WHERE l.x_Workload IS NOT NULL AND l.x_Workload IN (SELECT id FROM dict WHERE lower(trim(value)) = 'training') AND ${where.sql})
     SELECT CASE WHEN tag_run IS NOT NULL THEN substr(tag_run, instr(tag_run, char(1)) + 1)
                 ELSE COALESCE(r.value, n.value) END AS run,
            CASE WHEN tag_run IS NOT NULL THEN substr(tag_run, 1, instr(tag_run, char(1)) - 1)
                 WHEN r.value IS NOT NULL THEN 'ResourceId' WHEN n.value IS NOT NULL THEN 'ResourceName' ELSE '' END AS id_from,
            c.value AS currency, day, TOTAL(cost) AS cost, TOTAL(gpu) AS gpu
       FROM lines LEFT JOIN dict c ON c.id = lines.BillingCurrency
       LEFT JOIN dict r ON r.id = lines.ResourceId LEFT JOIN dict n ON n.id = lines.ResourceName
      GROUP BY 1, 2, 3, 4`,
    where.params,
  );
  const figures: DailyFigure[] = [];
  const runs = new Map<string, { row: TrainingRunRow; sums: Float64Array; first: number; last: number }>();
  for (const r of rows) {
    const currency = r.currency ?? '';
    // Lines without any run id are counted as one run per day: nothing says they belong together.
    const run = r.run ?? `${NO_RUN_ID} ${isoDay(r.day)}`;
    figures.push({ group: 'runs', currency, day: r.day, cost: r.cost, quantity: 0, item: `${r.id_from}\u0001${run}` });
    const key = `${r.id_from}\u0001${run}\u0001${currency}`;
    let found = runs.get(key);
    if (!found) {
      found = { row: { run, idFrom: r.id_from, currency, cost: 0, gpuHours: 0, from: '', to: '' }, sums: new Float64Array(4), first: r.day, last: r.day };
      runs.set(key, found);
    }
    addCompensated(found.sums, 0, r.cost);
    addCompensated(found.sums, 2, r.gpu);
    found.first = Math.min(found.first, r.day);
    found.last = Math.max(found.last, r.day);
  }
  const table = [...runs.values()].map(({ row, sums, first, last }) => ({
    ...row,
    cost: compensatedTotal(sums, 0),
    gpuHours: compensatedTotal(sums, 2),
    from: isoDay(first),
    to: isoDay(last),
  }));
  table.sort((a, b) => Math.abs(b.cost) - Math.abs(a.cost) || a.run.localeCompare(b.run));
  return { figures, runs: table };
}
