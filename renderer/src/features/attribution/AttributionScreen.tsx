/**
 * The Attribution screen: who owns which cost. Coverage per dimension stays in view; tabs hold the
 * rules, the shared-cost pools, the hierarchy with the explain panel, coverage over time, versions
 * and rule packs.
 */
import { Alert, Box, FormControl, InputLabel, MenuItem, Select, Tab, Tabs, Typography } from '@mui/material';
import { useState } from 'react';
import { useEngineQuery } from '../../app/engine-context.js';
import type { ThemeMode } from '../../theme/themes.js';
import { CoverageFigures } from './CoverageFigures.js';
import { CoveragePanel } from './CoveragePanel.js';
import { DimensionsPanel } from './DimensionsPanel.js';
import { HierarchyPanel } from './HierarchyPanel.js';
import { PoolsPanel } from './PoolsPanel.js';
import { RulePacksPanel } from './RulePacksPanel.js';
import { RulesPanel } from './RulesPanel.js';
import { VersionsPanel } from './VersionsPanel.js';

const TABS = [
  { id: 'rules', label: 'Rules' },
  { id: 'pools', label: 'Shared-cost pools' },
  { id: 'hierarchy', label: 'Hierarchy and explain' },
  { id: 'coverage', label: 'Coverage over time' },
  { id: 'versions', label: 'Versions' },
  { id: 'dimensions', label: 'Dimensions' },
  { id: 'packs', label: 'Rule packs' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function AttributionScreen({ mode }: { mode: ThemeMode }) {
  const { data: config, error } = useEngineQuery('attributionConfig', {});
  const { data: overview } = useEngineQuery('overview', {});
  const [tab, setTab] = useState<TabId>('rules');
  const [chosenCurrency, setCurrency] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);

  if (error) return <Alert severity="error" role="alert">The rule set could not be read: {error.message}</Alert>;
  if (!config) return <Typography>Loading the rule set…</Typography>;
  const currencies = overview?.currencies.map((c) => c.currency) ?? [];
  const currency = chosenCurrency ?? overview?.currency ?? undefined;
  const tagKeys = overview?.tagKeys ?? [];

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography>
        Give every cost an owner: rules set a team, project, model or other dimension on each cost line, shared-cost pools split what is
        shared, and whatever no rule reaches stays visibly unallocated. Every allocated figure can be explained back to its rules and rows.
      </Typography>
      {currencies.length > 1 && (
        <FormControl size="small" sx={{ maxWidth: 200 }}>
          <InputLabel id="attribution-currency-label">Currency</InputLabel>
          <Select labelId="attribution-currency-label" label="Currency" value={currency ?? ''} onChange={(e) => setCurrency(String(e.target.value))}>
            {currencies.map((c) => <MenuItem key={c} value={c}>{c}</MenuItem>)}
          </Select>
        </FormControl>
      )}
      <CoverageFigures dimensions={config.dimensions} currency={currency} />
      {message && <Alert severity={message.severity} role={message.severity === 'error' ? 'alert' : 'status'} onClose={() => setMessage(null)}>{message.text}</Alert>}
      <Box sx={{ borderBottom: 1, borderColor: 'divider' }}>
        <Tabs value={tab} onChange={(_e, v: TabId) => setTab(v)} aria-label="Attribution" variant="scrollable" scrollButtons={false}>
          {TABS.map((t) => <Tab key={t.id} value={t.id} label={t.label} id={`attribution-tab-${t.id}`} aria-controls={`attribution-panel-${t.id}`} />)}
        </Tabs>
      </Box>
      <Box role="tabpanel" id={`attribution-panel-${tab}`} aria-labelledby={`attribution-tab-${tab}`}>
        {tab === 'rules' && <RulesPanel config={config} tagKeys={tagKeys} currency={currency} onMessage={setMessage} />}
        {tab === 'pools' && <PoolsPanel config={config} onMessage={setMessage} />}
        {tab === 'hierarchy' && <HierarchyPanel config={config} currency={currency} />}
        {tab === 'coverage' && <CoveragePanel config={config} currency={currency} mode={mode} />}
        {tab === 'versions' && <VersionsPanel config={config} currency={currency} onMessage={setMessage} />}
        {tab === 'dimensions' && <DimensionsPanel config={config} onMessage={setMessage} />}
        {tab === 'packs' && <RulePacksPanel onMessage={setMessage} />}
      </Box>
    </Box>
  );
}
