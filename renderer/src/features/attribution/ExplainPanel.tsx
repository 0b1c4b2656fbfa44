/**
 * "Why is this figure what it is": the direct cost by the rule that set it, what pools took away
 * and what shares of pools came in, the source rows, and for any row where its cost went.
 */
import { Alert, Box, Button, Paper, Typography } from '@mui/material';
import { useState } from 'react';
import type { AttributionConfig, LineRef } from '../../../../shared/attribution.js';
import { useEngineQuery } from '../../app/engine-context.js';
import { DataTable } from '../../components/DataTable.js';
import { InfoDialog } from '../../components/InfoDialog.js';
import { VisuallyHidden } from '../../components/VisuallyHidden.js';
import { formatCount, formatMoney } from '../../format/money.js';
import { dimensionName, fromMicros, micros, valueLabel } from './attribution-view.js';
import { METHOD_LABEL } from './pool-form.js';

export interface ExplainTarget {
  dimension: string;
  value: string | null;
}

export function ExplainPanel({ config, target, currency }: { config: AttributionConfig; target: ExplainTarget; currency: string | undefined }) {
  const { data, error } = useEngineQuery('explainAllocation', { dimension: target.dimension, value: target.value, ...(currency ? { currency } : {}), rowLimit: 50 });
  const [line, setLine] = useState<LineRef | null>(null);
  const name = `${dimensionName(config.dimensions, target.dimension)}: ${valueLabel(target.value)}`;
  return (
    <Paper component="section" aria-labelledby="explain-title" variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography id="explain-title" variant="h6" component="h2">Explain {name}</Typography>
      {error && <Alert severity="error">The explanation could not be computed: {error.message}</Alert>}
      {!data && !error && <Typography>Tracing {name}…</Typography>}
      {data && (() => {
        const cur = data.currency;
        const money = (v: string) => formatMoney(v, cur);
        const given = data.givenToPools.length > 0;
        const received = data.receivedFromPools.length > 0;
        return (
          <>
            <Typography data-testid="explain-figure">
              <strong>{money(data.figure)}</strong> = {money(sum(data.direct.map((d) => d.cost)))} set by rules
              {given && <> − {money(sum(data.givenToPools.map((g) => g.cost)))} given to shared-cost pools</>}
              {received && <> + {money(sum(data.receivedFromPools.map((r) => r.cost)))} received from pools</>}.
              {' '}Rule-set version{data.versions.length === 1 ? '' : 's'} used: {data.versions.join(', ') || '—'}
              {data.frozen.length > 0 ? `; frozen period${data.frozen.length === 1 ? '' : 's'} ${data.frozen.join(', ')}` : ''}.
            </Typography>
            <DataTable
              caption={`Cost of ${name} set directly, by rule`}
              captionVisible
              rowKey={(d) => d.ruleId ?? '(none)'}
              rows={data.direct}
              columns={[
                { header: 'Rule', cell: (d) => d.ruleName ?? 'No rule matched' },
                { header: 'Lines', numeric: true, cell: (d) => formatCount(d.lines) },
                { header: 'Cost', numeric: true, cell: (d) => money(d.cost) },
              ]}
            />
            {given && (
              <DataTable caption={`Cost of ${name} taken by shared-cost pools`} captionVisible rowKey={(g) => g.poolId} rows={data.givenToPools}
                columns={[{ header: 'Pool', cell: (g) => g.poolName }, { header: 'Cost', numeric: true, cell: (g) => money(g.cost) }]} />
            )}
            {received && (
              <DataTable
                caption={`Shares of pools received by ${name}`}
                captionVisible
                rowKey={(r) => r.poolId}
                rows={data.receivedFromPools}
                columns={[
                  { header: 'Pool', cell: (r) => r.poolName },
                  { header: 'Split', cell: (r) => `${METHOD_LABEL[r.method]}${r.evenFallback ? ' (even in months without weights)' : ''}` },
                  { header: 'Share', numeric: true, cell: (r) => `${(r.share * 100).toFixed(2)}%` },
                  { header: 'Pool’s cost came from', cell: (r) => r.poolInputs.map((p) => `${p.from === null ? '(unallocated)' : p.from} ${money(p.cost)}`).join('; ') },
                  { header: 'Cost', numeric: true, cell: (r) => money(r.cost) },
                ]}
              />
            )}
            <Typography variant="body2">
              {formatCount(data.rowCount)} source row{data.rowCount === 1 ? '' : 's'} behind the direct cost{data.rows.length < data.rowCount ? `; the ${data.rows.length} largest are listed` : ''}.
            </Typography>
            {data.rows.length > 0 && (
              <DataTable
                caption={`Source rows of ${name}, largest first`}
                captionVisible
                rowKey={(r) => `${r.sourceId}:${r.rowNumber}`}
                rows={data.rows}
                columns={[
                  { header: 'File and row', cell: (r) => `${r.file} : ${r.rowNumber}` },
                  { header: 'Cost', numeric: true, cell: (r) => money(r.cost) },
                  { header: 'Where it went', cell: (r) => <Button size="small" onClick={() => setLine(r)}>Trace<VisuallyHidden> row {r.rowNumber} of {r.file}</VisuallyHidden></Button> },
                ]}
              />
            )}
          </>
        );
      })()}
      {line && <LineDialog config={config} line={line} onClose={() => setLine(null)} />}
    </Paper>
  );
}

function sum(values: readonly string[]): string {
  return fromMicros(values.reduce((total, v) => total + micros(v), 0n));
}

/** Where one source row's cost went, in every dimension. */
function LineDialog({ config, line, onClose }: { config: AttributionConfig; line: LineRef; onClose: () => void }) {
  const { data, error } = useEngineQuery('explainLine', { sourceId: line.sourceId, rowNumber: line.rowNumber });
  const title = `Where row ${line.rowNumber} of ${line.file} went`;
  return (
    <InfoDialog titleId="line-explain-title" title={title} maxWidth="md" onClose={onClose}>
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && (
        <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
          <Typography variant="body2">
            {data.day}: effective cost {formatMoney(data.effectiveCost, data.currency)}, billed {formatMoney(data.billedCost, data.currency)}; allocated by rule-set version {data.version}
            {data.frozen !== null ? ` (frozen period ${data.frozen})` : ''}.
          </Typography>
          <DataTable
            caption={title}
            rowKey={(d) => d.dimension}
            rows={data.dimensions}
            columns={[
              { header: 'Dimension', cell: (d) => dimensionName(config.dimensions, d.dimension) },
              { header: 'Value', cell: (d) => valueLabel(d.value) },
              { header: 'Rule', cell: (d) => d.rule?.name ?? 'No rule matched' },
              {
                header: 'Shared out by pool',
                cell: (d) => (d.pool ? `${d.pool.name}: ${d.pool.shares.map((s) => `${s.value} ${(s.share * 100).toFixed(2)}% (${formatMoney(s.cost, data.currency)})`).join(', ')}` : '—'),
              },
            ]}
          />
        </Box>
      )}
    </InfoDialog>
  );
}
