/** The shared-cost pools: what each one shares out, to whom and how; add, edit, enable, delete. */
import { Alert, Box, Button, Chip, Paper, Typography } from '@mui/material';
import { useState } from 'react';
import type { AttributionConfig, SharedCostPool } from '../../../../shared/attribution.js';
import { useEngine } from '../../app/engine-context.js';
import { VisuallyHidden } from '../../components/VisuallyHidden.js';
import { dimensionName } from './attribution-view.js';
import { errorText } from './fields.js';
import { PoolEditorDialog } from './PoolEditorDialog.js';
import { describePool } from './pool-form.js';

export function PoolsPanel({ config, onMessage }: {
  config: AttributionConfig;
  onMessage: (message: { severity: 'success' | 'error'; text: string }) => void;
}) {
  const { api } = useEngine();
  const [editing, setEditing] = useState<SharedCostPool | 'new' | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<SharedCostPool | null>(null);
  const poolName = (id: string) => config.pools.find((p) => p.id === id)?.name ?? id;
  const call = (job: Promise<unknown>, done: string) =>
    job.then(() => onMessage({ severity: 'success', text: done }), (e: unknown) => onMessage({ severity: 'error', text: errorText(e) }));

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography sx={{ flex: '1 1 400px' }}>
          A pool takes shared costs (a platform team, a GPU cluster, the unallocated rest) out of where the rules put them and splits them
          to targets. A pool may feed another pool; cycles are refused. The total allocated always equals the source total.
        </Typography>
        <Button variant="contained" onClick={() => setEditing('new')}>New pool</Button>
      </Box>
      {config.pools.length === 0 && <Typography>There are no shared-cost pools.</Typography>}
      <Box component="ul" aria-label="Shared-cost pools" sx={{ listStyle: 'none', p: 0, m: 0, display: 'flex', flexDirection: 'column', gap: 1 }}>
        {config.pools.map((pool) => (
          <Paper component="li" key={pool.id} variant="outlined" sx={{ p: 1.5, display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
            <Box sx={{ flex: '1 1 320px' }}>
              <Typography component="p" sx={{ fontWeight: 600 }}>
                {pool.name}
                <Chip size="small" label={dimensionName(config.dimensions, pool.dimension)} sx={{ ml: 1 }} />
                {!pool.enabled && <Chip size="small" variant="outlined" label="Disabled" sx={{ ml: 1 }} />}
              </Typography>
              <Typography variant="body2" color="text.secondary">{describePool(pool, poolName)}</Typography>
            </Box>
            <Button size="small" onClick={() => void call(api.savePool({ pool: { ...pool, enabled: !pool.enabled } }), `${pool.enabled ? 'Disabled' : 'Enabled'} pool “${pool.name}”.`)}>
              {pool.enabled ? 'Disable' : 'Enable'}<VisuallyHidden> pool “{pool.name}”</VisuallyHidden>
            </Button>
            <Button size="small" onClick={() => setEditing(pool)}>Edit<VisuallyHidden> pool “{pool.name}”</VisuallyHidden></Button>
            <Button size="small" color="error" onClick={() => setConfirmDelete(pool)}>Delete<VisuallyHidden> pool “{pool.name}”</VisuallyHidden></Button>
          </Paper>
        ))}
      </Box>
      {confirmDelete && (
        <Alert severity="warning" action={
          <>
            <Button color="inherit" onClick={() => setConfirmDelete(null)}>Keep it</Button>
            <Button color="inherit" variant="outlined" onClick={() => { const p = confirmDelete; setConfirmDelete(null); void call(api.deletePool({ id: p.id }), `Deleted pool “${p.name}”.`); }}>Delete</Button>
          </>
        }>
          Delete pool “{confirmDelete.name}”? Its costs stay where the rules put them.
        </Alert>
      )}
      {editing && (
        <PoolEditorDialog config={config} pool={editing === 'new' ? null : editing} onClose={() => setEditing(null)}
          onSaved={(p) => { setEditing(null); onMessage({ severity: 'success', text: `Saved pool “${p.name}”.` }); }} />
      )}
    </Box>
  );
}
