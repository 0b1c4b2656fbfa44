/** Importing a business-metric CSV (date,<dimension>,<metric>): a file button or a drop, then the report. */
import { Alert, Box, Button, List, ListItem, Paper, Typography } from '@mui/material';
import { useRef, useState, type DragEvent } from 'react';
import type { MetricImportReport } from '../../../../shared/metrics.js';
import type { SourceRef } from '../../../../shared/model.js';
import { useEngine } from '../../app/engine-context.js';
import { sourceRefsOf } from '../import/import.api.js';
import { formatCount } from '../../format/money.js';

export function MetricImport({ onImported }: { onImported: (name: string) => void }) {
  const { api, shell } = useEngine();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<MetricImportReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  const importRef = async (file: SourceRef | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.importMetrics({ file });
      setReport(result);
      if (result.imported && result.name) onImported(result.name);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const importFiles = (files: File[]) => void importRef(sourceRefsOf(files.slice(0, 1), shell ? (f) => shell.pathForFile(f) : null)[0]);
  const choose = async () => {
    if (shell) {
      const [path] = await shell.chooseBillingFiles();
      if (path) void importRef({ kind: 'path', path });
    } else {
      input.current?.click();
    }
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (!busy) importFiles(Array.from(event.dataTransfer.files));
  };

  return (
    <Paper component="section" aria-labelledby="metric-import-title" variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 1 }}>
      <Typography id="metric-import-title" variant="h6" component="h2">Import a business metric</Typography>
      <Typography variant="body2">
        A CSV file with three columns: <code>date</code>, the dimension its values are of (an allocated dimension such as <code>team</code>,
        a tag as <code>tag:project</code>, or a column such as <code>ServiceName</code>) and the metric, named by its header — for
        example <code>date,team,searches</code> then <code>2026-10-01,search,120000</code>. Any problem and nothing is imported.
      </Typography>
      <Box
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="metric-drop-zone"
        sx={{ p: 2, display: 'flex', alignItems: 'center', gap: 2, border: 2, borderStyle: 'dashed', borderColor: dragging ? 'primary.main' : 'divider', borderRadius: 1 }}
      >
        <Typography>Drop a metric CSV here, or</Typography>
        <Button variant="outlined" onClick={() => void choose()} disabled={busy}>Choose a metric file…</Button>
        <input ref={input} type="file" hidden accept=".csv,.tsv,.txt,text/csv" aria-label="Business metric CSV file" data-testid="metric-file-input"
          onChange={(e) => { importFiles(Array.from(e.target.files ?? [])); e.target.value = ''; }} />
      </Box>
      {error && <Alert severity="error" role="alert" onClose={() => setError(null)}>{error}</Alert>}
      {report && <MetricReport report={report} onClose={() => setReport(null)} />}
    </Paper>
  );
}

function MetricReport({ report, onClose }: { report: MetricImportReport; onClose: () => void }) {
  if (report.imported) {
    return (
      <Alert severity="success" role="status" onClose={onClose}>
        Imported {formatCount(report.rowsImported)} rows of “{report.name}” per {report.dimension} from {report.file}: {report.values} values,{' '}
        {report.from} to {report.to}{report.rowsReplaced > 0 ? `; ${formatCount(report.rowsReplaced)} replaced rows already stored` : ''}.
        {report.warnings.map((w) => <Box key={w} component="span" sx={{ display: 'block' }}>{w}</Box>)}
      </Alert>
    );
  }
  const more = report.problemCount - report.problems.length;
  return (
    <Alert severity="error" role="alert" onClose={onClose}>
      Nothing was imported from {report.file}: {report.problemCount === 1 ? 'one problem' : `${formatCount(report.problemCount)} problems`}.
      <List dense aria-label={`Problems in ${report.file}`} sx={{ listStyle: 'disc', pl: 3 }}>
        {report.problems.map((p, i) => (
          <ListItem key={i} sx={{ display: 'list-item', py: 0 }}>{p.row === null ? p.message : `Row ${p.row}: ${p.message}`}</ListItem>
        ))}
        {more > 0 && <ListItem sx={{ display: 'list-item', py: 0 }}>…and {formatCount(more)} more.</ListItem>}
      </List>
    </Alert>
  );
}
