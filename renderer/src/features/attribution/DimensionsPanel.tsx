/**
 * The dimensions the organisation allocates to, and the hierarchy (organisation → …) they form:
 * add or remove a dimension, add, remove and reorder hierarchy levels. Each change saves the rule set.
 */
import { Alert, Box, Button, FormControl, InputLabel, MenuItem, Paper, Select, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import type { AttributionConfig } from '../../../../shared/attribution.js';
import { useEngine } from '../../app/engine-context.js';
import { DataTable } from '../../components/DataTable.js';
import { VisuallyHidden } from '../../components/VisuallyHidden.js';
import { dimensionIdFor, dimensionName, dimensionUsage } from './attribution-view.js';
import { errorText } from './fields.js';
import { ReorderList } from './ReorderList.js';

type Message = { severity: 'success' | 'error'; text: string };

export function DimensionsPanel({ config, onMessage }: { config: AttributionConfig; onMessage: (m: Message) => void }) {
  const { api } = useEngine();
  const [name, setName] = useState('');
  const [level, setLevel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // The order shown while a reorder is saved, until the engine's rule set has it (no flash back, focus kept).
  const [pending, setPending] = useState<string[] | null>(null);
  const savedOrder = config.hierarchy.join('\n');
  useEffect(() => {
    setPending((p) => (p && p.join('\n') === savedOrder ? null : p));
  }, [savedOrder]);
  const taken = new Set(config.dimensions.map((d) => d.id));
  const save = async (next: AttributionConfig, done: string): Promise<boolean> => {
    try {
      await api.saveAttributionConfig({ config: next });
      setProblem(null);
      onMessage({ severity: 'success', text: done });
      return true;
    } catch (e) {
      setProblem(errorText(e));
      return false;
    }
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    const id = dimensionIdFor(trimmed, taken);
    void save({ ...config, dimensions: [...config.dimensions, { id, name: trimmed }] }, `Added the dimension ${trimmed}.`).then((ok) => ok && setName(''));
  };
  const notInHierarchy = config.dimensions.filter((d) => !config.hierarchy.includes(d.id));

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2, alignItems: 'start' }}>
      <Paper component="section" aria-labelledby="dimensions-title" variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography id="dimensions-title" variant="h6" component="h2">Dimensions</Typography>
        <Typography variant="body2">What cost is allocated to. A dimension used by rules or pools cannot be removed.</Typography>
        <DataTable
          caption="Dimensions of this workspace"
          rowKey={(d) => d.id}
          rows={config.dimensions}
          columns={[
            { header: 'Dimension', cell: (d) => d.name },
            { header: 'Id', cell: (d) => <code>{d.id}</code> },
            { header: 'Used by', cell: (d) => { const u = dimensionUsage(config, d.id); return u.rules + u.pools === 0 ? '—' : [u.rules ? `${u.rules} rule${u.rules === 1 ? '' : 's'}` : '', u.pools ? `${u.pools} pool${u.pools === 1 ? '' : 's'}` : ''].filter(Boolean).join(', '); } },
            {
              header: 'Action',
              cell: (d) => {
                const u = dimensionUsage(config, d.id);
                return (
                  <Button size="small" color="error" disabled={u.rules + u.pools > 0}
                    onClick={() => void save({ ...config, dimensions: config.dimensions.filter((x) => x.id !== d.id), hierarchy: config.hierarchy.filter((h) => h !== d.id) }, `Removed the dimension ${d.name}.`)}>
                    Remove<VisuallyHidden> dimension {d.name}</VisuallyHidden>
                  </Button>
                );
              },
            },
          ]}
        />
        <Box component="form" onSubmit={add} aria-label="Add a dimension" sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
          <TextField size="small" label="New dimension name" value={name} onChange={(e) => setName(e.target.value)}
            helperText={name.trim() ? `Its id will be ${dimensionIdFor(name.trim(), taken)}` : 'e.g. Business unit'} />
          <Button type="submit" variant="outlined" disabled={!name.trim()}>Add dimension</Button>
        </Box>
        {problem && <Alert severity="error" role="alert" onClose={() => setProblem(null)}>{problem}</Alert>}
      </Paper>
      <Paper component="section" aria-labelledby="hierarchy-levels-title" variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography id="hierarchy-levels-title" variant="h6" component="h2">Hierarchy</Typography>
        <Typography variant="body2">
          The tree on the Hierarchy tab: Organisation → {config.hierarchy.map((h) => dimensionName(config.dimensions, h)).join(' → ') || '(no levels)'}.
        </Typography>
        <ReorderList
          label="Hierarchy levels, from the top"
          items={pending ?? config.hierarchy}
          itemKey={(h) => h}
          itemName={(h) => `level ${dimensionName(config.dimensions, h)}`}
          onReorder={(next) => {
            setPending(next);
            void save({ ...config, hierarchy: next }, 'Saved the hierarchy.').then((ok) => { if (!ok) setPending(null); });
          }}
          render={(h, i) => (
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
              <Typography sx={{ flexGrow: 1 }}>{i + 1}. {dimensionName(config.dimensions, h)}</Typography>
              <Button size="small" onClick={() => void save({ ...config, hierarchy: config.hierarchy.filter((x) => x !== h) }, 'Saved the hierarchy.')}>
                Remove<VisuallyHidden> level {dimensionName(config.dimensions, h)}</VisuallyHidden>
              </Button>
            </Box>
          )}
        />
        {notInHierarchy.length > 0 && (
          <Box sx={{ display: 'flex', gap: 2, alignItems: 'center' }}>
            <FormControl size="small" sx={{ minWidth: 200 }}>
              <InputLabel id="add-level-label">Dimension to add</InputLabel>
              <Select labelId="add-level-label" label="Dimension to add" value={level} onChange={(e) => setLevel(String(e.target.value))}>
                {notInHierarchy.map((d) => <MenuItem key={d.id} value={d.id}>{d.name}</MenuItem>)}
              </Select>
            </FormControl>
            <Button variant="outlined" disabled={!level} onClick={() => void save({ ...config, hierarchy: [...config.hierarchy, level] }, 'Saved the hierarchy.').then((ok) => ok && setLevel(''))}>Add level</Button>
          </Box>
        )}
      </Paper>
    </Box>
  );
}
