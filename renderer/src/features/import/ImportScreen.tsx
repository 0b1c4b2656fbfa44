/** Import: choose or drop files, watch progress (cancellable), read the validation report. */
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, LinearProgress, Paper, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { useRef, useState, type DragEvent } from 'react';
import type { SourceRef, SourceSummary } from '../../../../shared/model.js';
import { DataTable } from '../../components/DataTable.js';
import { VisuallyHidden } from '../../components/VisuallyHidden.js';
import { formatCount, formatMoney } from '../../format/money.js';
import { useEngine, useEngineQuery } from '../../app/engine-context.js';
import { sourceRefsOf, useImport } from './import.api.js';
import { grainText, progressPercent, progressText } from './import-view.js';
import { ValidationReport } from './ValidationReport.js';
import { ColumnMappingDialog } from './mapping/ColumnMappingDialog.js';
import { SavedMappings } from './mapping/SavedMappings.js';

export function ImportScreen({ onOverview }: { onOverview: () => void }) {
  const { shell } = useEngine();
  const { state, start, cancel, reset } = useImport();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  /** The source (by its report name) whose columns are being mapped by hand. */
  const [mappingSource, setMappingSource] = useState<string | null>(null);
  const running = state.phase === 'running';

  const importFiles = (files: File[]) => {
    void start(sourceRefsOf(files, shell ? (f) => shell.pathForFile(f) : null));
  };
  const choose = async () => {
    if (shell) {
      const paths = await shell.chooseBillingFiles();
      void start(paths.map((path): SourceRef => ({ kind: 'path', path })));
    } else {
      input.current?.click();
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!running) importFiles(Array.from(event.dataTransfer.files));
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography>
        Import billing exports: FOCUS, AWS Cost and Usage Reports, Azure cost details, Google Cloud billing exports, Oracle Cloud
        cost reports, OpenAI and Anthropic cost and usage exports, OpenCost allocations — as CSV, JSON, Parquet, gzip or zip. The format
        is recognised from the content. Every import is all or nothing: if a file cannot be read, the workspace stays as it was. Your
        files are read on this computer and never changed or sent anywhere.
      </Typography>
      <Paper
        variant="outlined"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
        sx={{ p: 4, textAlign: 'center', borderStyle: 'dashed', borderWidth: 2, borderColor: dragging ? 'primary.main' : 'divider' }}
      >
        <UploadFileIcon aria-hidden sx={{ fontSize: 48, mb: 1 }} />
        <Typography sx={{ mb: 2 }}>Drop billing files here, or</Typography>
        <Button variant="contained" onClick={() => void choose()} disabled={running}>Choose files…</Button>
        <input
          ref={input}
          type="file"
          multiple
          hidden
          accept=".csv,.tsv,.txt,.json,.jsonl,.parquet,.gz,.zip,text/csv,application/json"
          aria-label="Billing files to import"
          data-testid="file-input"
          onChange={(e) => {
            importFiles(Array.from(e.target.files ?? []));
            e.target.value = '';
          }}
        />
      </Paper>

      {state.phase === 'running' && <Progress state={state} onCancel={cancel} />}
      {state.phase === 'cancelled' && <Alert severity="info" role="status" onClose={reset}>Import cancelled. Nothing was imported.</Alert>}
      {state.phase === 'error' && <Alert severity="error" role="alert" onClose={reset}>{state.message}</Alert>}
      {state.phase === 'done' && (
        <ValidationReport
          result={state.result}
          acceptedPartial={state.acceptedPartial}
          onAcceptPartial={() => void start(state.files, true, state.overlapping)}
          onOverlapping={(choice) => void start(state.files, state.acceptedPartial, choice)}
          onDiscard={reset}
          onOverview={onOverview}
          onMapColumns={(report) => setMappingSource(report.file)}
        />
      )}
      {state.phase === 'done' && mappingSource !== null && (
        <ColumnMappingDialog
          files={state.files}
          source={mappingSource}
          onClose={() => setMappingSource(null)}
          onSaved={() => {
            setMappingSource(null);
            void start(state.files);
          }}
        />
      )}
      <SourcesInWorkspace />
      <SavedMappings refreshKey={state.phase} />
    </Box>
  );
}

function Progress({ state, onCancel }: { state: Extract<ReturnType<typeof useImport>['state'], { phase: 'running' }>; onCancel: () => void }) {
  const p = state.progress;
  const percent = p ? progressPercent(p) : 0;
  const text = p ? progressText(p) : `Starting the import of ${state.files.length} file${state.files.length === 1 ? '' : 's'}…`;
  // Summaries take a while on a large file and have no share to show: the bar runs indeterminate.
  const determinate = p !== null && p !== undefined && p.phase !== 'indexing';
  return (
    <Paper variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Typography id="import-progress-label" role="status">{text}</Typography>
      <LinearProgress variant={determinate ? 'determinate' : 'indeterminate'} value={percent} aria-labelledby="import-progress-label" />
      <Box>
        <Button variant="outlined" onClick={onCancel}>Cancel import</Button>
      </Box>
    </Paper>
  );
}

function SourcesInWorkspace() {
  const { api } = useEngine();
  const { data } = useEngineQuery('listSources', {});
  const [removing, setRemoving] = useState<SourceSummary | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  if (!data || data.length === 0) return null;
  const remove = async (source: SourceSummary) => {
    setRemoving(null);
    try {
      await api.removeSource({ id: source.id });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Paper component="section" aria-labelledby="sources-title" variant="outlined" sx={{ p: 2 }}>
      <Typography id="sources-title" variant="h6" component="h2" gutterBottom>Files in this workspace</Typography>
      <DataTable
        caption="Imported files, with their own totals"
        rowKey={(s) => String(s.id)}
        rows={data}
        columns={[
          { header: 'File', cell: (s) => s.file },
          { header: 'Format', cell: (s) => s.format },
          { header: 'Rows', numeric: true, cell: (s) => formatCount(s.rows) },
          { header: 'Stored as', cell: (s) => grainText(s) },
          { header: 'Total (effective)', numeric: true, cell: (s) => Object.entries(s.totals).map(([c, t]) => formatMoney(t.effectiveCost, c)).join(' · ') },
          { header: 'Imported at (UTC)', cell: (s) => s.importedAt.replace('T', ' ').slice(0, 16) },
          { header: 'SHA-256', cell: (s) => <code title={s.sha256}>{s.sha256.slice(0, 12)}…</code> },
          { header: 'Actions', cell: (s) => <Button size="small" color="error" onClick={() => setRemoving(s)}>Remove<VisuallyHidden> {s.file}</VisuallyHidden></Button> },
        ]}
      />
      {failure && <Alert severity="error" role="alert" onClose={() => setFailure(null)}>{failure}</Alert>}
      <Dialog open={removing !== null} onClose={() => setRemoving(null)} aria-labelledby="remove-title">
        <DialogTitle id="remove-title">Remove {removing?.file}?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Its {formatCount(removing?.rows ?? 0)} rows leave the workspace, and every figure is recomputed without them. The file on disk is not touched; you can import it again.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRemoving(null)}>Keep it</Button>
          <Button color="error" variant="contained" onClick={() => removing && void remove(removing)}>Remove</Button>
        </DialogActions>
      </Dialog>
    </Paper>
  );
}
