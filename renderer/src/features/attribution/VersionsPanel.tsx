/**
 * Rule-set versions with effective dates, frozen periods (kept as allocated, or restated on
 * purpose), and the version diff: the money that moves between values from one version to another.
 */
import { Alert, Box, Button, FormControl, InputLabel, MenuItem, Paper, Select, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { AttributionConfig, RuleVersionSummary } from '../../../../shared/attribution.js';
import { useEngine, useEngineQuery } from '../../app/engine-context.js';
import { DataTable } from '../../components/DataTable.js';
import { VisuallyHidden } from '../../components/VisuallyHidden.js';
import { formatMoney } from '../../format/money.js';
import { dimensionName, valueLabel, versionDiffSummary } from './attribution-view.js';
import { errorText } from './fields.js';

type Message = { severity: 'success' | 'error'; text: string };

export function VersionsPanel({ config, currency, onMessage }: { config: AttributionConfig; currency: string | undefined; onMessage: (m: Message) => void }) {
  const { api } = useEngine();
  const { data, error } = useEngineQuery('listRuleVersions', {});
  const [label, setLabel] = useState('');
  const [from, setFrom] = useState('');
  const [freeze, setFreeze] = useState({ from: '', to: '', label: '' });
  const [confirmRestate, setConfirmRestate] = useState<number | null>(null);

  const call = (job: Promise<unknown>, done: string) =>
    job.then(() => onMessage({ severity: 'success', text: done }), (e: unknown) => onMessage({ severity: 'error', text: errorText(e) }));
  const newVersion = (e: FormEvent) => {
    e.preventDefault();
    void call(api.saveRuleVersion({ label: label.trim(), effectiveFrom: from }), `Started version “${label.trim()}” from ${from}; earlier days keep the previous version.`)
      .then(() => { setLabel(''); setFrom(''); });
  };
  const freezePeriod = (e: FormEvent) => {
    e.preventDefault();
    void call(api.freezePeriod({ from: freeze.from, to: freeze.to, ...(freeze.label.trim() ? { label: freeze.label.trim() } : {}) }), `Froze ${freeze.from} to ${freeze.to}: new rules will not restate it.`)
      .then(() => setFreeze({ from: '', to: '', label: '' }));
  };

  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!data) return <Typography>Loading versions…</Typography>;
  const versionLabel = (id: number) => {
    const v = data.versions.find((x) => x.id === id);
    return v ? `“${v.label}”` : `version ${id}`;
  };
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Paper component="section" aria-labelledby="versions-title" variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography id="versions-title" variant="h6" component="h2">Rule-set versions</Typography>
        <Typography variant="body2">Each day is allocated by the latest version in effect on it. You edit the newest version; starting a new one keeps the previous one for earlier days.</Typography>
        <DataTable
          caption="Rule-set versions, oldest first"
          rowKey={(v: RuleVersionSummary) => String(v.id)}
          rows={data.versions}
          columns={[
            { header: 'Version', cell: (v) => `${v.id}. ${v.label}${v.current ? ' (being edited)' : ''}` },
            { header: 'In effect from', cell: (v) => v.effectiveFrom ?? 'the beginning' },
            { header: 'Rules', numeric: true, cell: (v) => v.rules },
            { header: 'Pools', numeric: true, cell: (v) => v.pools },
            { header: 'Created', cell: (v) => v.createdAt.slice(0, 16).replace('T', ' ') || '—' },
          ]}
        />
        <Box component="form" onSubmit={newVersion} aria-label="Start a new version" sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
          <TextField size="small" label="New version label" required value={label} onChange={(e) => setLabel(e.target.value)} />
          <TextField size="small" type="date" label="In effect from" required value={from} onChange={(e) => setFrom(e.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          <Button type="submit" variant="outlined" disabled={!label.trim() || !from}>Start new version</Button>
        </Box>
      </Paper>

      <Paper component="section" aria-labelledby="frozen-title" variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography id="frozen-title" variant="h6" component="h2">Frozen periods</Typography>
        <Typography variant="body2">A frozen (closed) period keeps the allocation it had when frozen, whatever rules change later, until you restate it on purpose.</Typography>
        {data.frozen.length === 0
          ? <Typography variant="body2">No period is frozen.</Typography>
          : (
            <DataTable
              caption="Frozen periods"
              rowKey={(f) => String(f.id)}
              rows={data.frozen}
              columns={[
                { header: 'Period', cell: (f) => `${f.from} to ${f.to}` },
                { header: 'Label', cell: (f) => f.label },
                { header: 'Frozen at', cell: (f) => f.frozenAt.slice(0, 16).replace('T', ' ') },
                { header: 'Action', cell: (f) => <Button size="small" onClick={() => setConfirmRestate(f.id)}>Restate<VisuallyHidden> {f.from} to {f.to}</VisuallyHidden></Button> },
              ]}
            />
          )}
        {confirmRestate !== null && (
          <Alert severity="warning" action={
            <>
              <Button color="inherit" onClick={() => setConfirmRestate(null)}>Keep frozen</Button>
              <Button color="inherit" variant="outlined" onClick={() => { const id = confirmRestate; setConfirmRestate(null); void call(api.restatePeriod({ id }), 'The period is restated: it now follows the rule-set versions.'); }}>Restate</Button>
            </>
          }>
            Restate this period? Its figures will change to what the current versions give, and reports already shared will no longer match.
          </Alert>
        )}
        <Box component="form" onSubmit={freezePeriod} aria-label="Freeze a period" sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
          <TextField size="small" type="date" label="Freeze from" required value={freeze.from} onChange={(e) => setFreeze((f) => ({ ...f, from: e.target.value }))} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField size="small" type="date" label="Freeze to" required value={freeze.to} onChange={(e) => setFreeze((f) => ({ ...f, to: e.target.value }))} slotProps={{ inputLabel: { shrink: true } }} />
          <TextField size="small" label="Label (e.g. October close)" sx={{ minWidth: 260 }} value={freeze.label} onChange={(e) => setFreeze((f) => ({ ...f, label: e.target.value }))} />
          <Button type="submit" variant="outlined" disabled={!freeze.from || !freeze.to}>Freeze period</Button>
        </Box>
      </Paper>

      {data.versions.length > 1
        ? <VersionDiffView config={config} versions={data.versions} currency={currency} versionLabel={versionLabel} />
        : (
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography variant="h6" component="h2">Compare versions</Typography>
            <Typography variant="body2">Start a second version to compare how the money moves between them.</Typography>
          </Paper>
        )}
    </Box>
  );
}

function VersionDiffView({ config, versions, currency, versionLabel }: {
  config: AttributionConfig;
  versions: readonly RuleVersionSummary[];
  currency: string | undefined;
  versionLabel: (id: number) => string;
}) {
  const last = versions[versions.length - 1];
  const [before, setBefore] = useState(versions[versions.length - 2]?.id ?? 1);
  const [after, setAfter] = useState(last?.id ?? 1);
  const [dimension, setDimension] = useState(config.dimensions[0]?.id ?? 'team');
  const { data, error } = useEngineQuery('diffVersions', { before, after, dimension, ...(currency ? { currency } : {}) });
  const name = dimensionName(config.dimensions, dimension);
  const cur = data?.currency ?? 'USD';
  const select = (id: string, text: string, value: number, set: (v: number) => void) => (
    <FormControl size="small" sx={{ minWidth: 200 }}>
      <InputLabel id={id}>{text}</InputLabel>
      <Select labelId={id} label={text} value={value} onChange={(e) => set(Number(e.target.value))}>
        {versions.map((v) => <MenuItem key={v.id} value={v.id}>{v.id}. {v.label}</MenuItem>)}
      </Select>
    </FormControl>
  );
  return (
    <Paper component="section" aria-labelledby="diff-title" variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography id="diff-title" variant="h6" component="h2">Compare versions</Typography>
      <Typography variant="body2">Both versions are applied to the same cost lines, so the difference is only the rules.</Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        {select('diff-before-label', 'From version', before, setBefore)}
        {select('diff-after-label', 'To version', after, setAfter)}
        <FormControl size="small" sx={{ minWidth: 160 }}>
          <InputLabel id="diff-dimension-label">Dimension</InputLabel>
          <Select labelId="diff-dimension-label" label="Dimension" value={dimension} onChange={(e) => setDimension(String(e.target.value))}>
            {config.dimensions.map((d) => <MenuItem key={d.id} value={d.id}>{d.name}</MenuItem>)}
          </Select>
        </FormControl>
      </Box>
      {error && <Alert severity="error">{error.message}</Alert>}
      {data && (
        <>
          <Typography role="status">{versionDiffSummary(data, name, versionLabel)}</Typography>
          <DataTable
            caption={`Cost by ${name.toLowerCase()} under each version, ${cur}`}
            captionVisible
            rowKey={(r) => r.value ?? '\u0000'}
            rows={data.rows}
            columns={[
              { header: name, cell: (r) => valueLabel(r.value) },
              { header: versionLabel(data.before), numeric: true, cell: (r) => formatMoney(r.before, cur) },
              { header: versionLabel(data.after), numeric: true, cell: (r) => formatMoney(r.after, cur) },
              { header: 'Change', numeric: true, cell: (r) => formatMoney(r.change, cur) },
            ]}
          />
          {data.moves.length > 0 && (
            <DataTable
              caption={`Money moving between values of ${name.toLowerCase()}, largest first`}
              captionVisible
              rowKey={(m, i) => `${m.from ?? ''}>${m.to ?? ''}:${i}`}
              rows={data.moves}
              columns={[
                { header: 'From', cell: (m) => valueLabel(m.from) },
                { header: 'To', cell: (m) => valueLabel(m.to) },
                { header: 'Cost', numeric: true, cell: (m) => formatMoney(m.cost, cur) },
              ]}
            />
          )}
        </>
      )}
    </Paper>
  );
}
