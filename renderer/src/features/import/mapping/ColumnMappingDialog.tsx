/**
 * "Map columns…": for a file no known format reads, the user chooses for each FOCUS column the
 * file's column that holds it (each select shows the first values), fixed values for the currency
 * and provider, tag columns by prefix, a name and a provider family. "Save mapping and import"
 * saves the mapping in the workspace and runs the import again with the same files.
 * Native selects: labelled, and usable with the keyboard alone.
 */
import {
  Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, LinearProgress, List, ListItem, TextField, Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import type { FilePreview, FormatFamily, MappedField, SavedColumnMapping, SourceRef } from '../../../../../shared/model.js';
import { useEngine } from '../../../app/engine-context.js';
import { FAMILIES, FIELD_GROUPS, firstValues, formatIdOf, formProblems, initialForm, mappingOf, tagColumnsOf, type FieldInfo, type MappingForm } from './mapping-form.js';
import { useFilePreview } from './mapping.api.js';

const SHOWN_ROWS = 3;
/** The note under a field that a chosen column replaces stays readable (disabled text is too faint to read). */
const READABLE_WHEN_DISABLED = { '&.Mui-disabled': { color: 'text.secondary' } } as const;
const GRID = { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 2 } as const;

export function ColumnMappingDialog({ files, source, onClose, onSaved }: {
  files: readonly SourceRef[];
  /** The source's name in the validation report. */
  source: string;
  onClose: () => void;
  onSaved: (mapping: SavedColumnMapping) => void;
}) {
  const { preview, error } = useFilePreview(files, source);
  return (
    <Dialog open onClose={onClose} aria-labelledby="mapping-title" maxWidth="lg" fullWidth scroll="paper">
      <DialogTitle id="mapping-title">Map the columns of {source}</DialogTitle>
      {preview ? (
        <MappingEditor key={preview.file} preview={preview} onClose={onClose} onSaved={onSaved} />
      ) : (
        <>
          <DialogContent dividers>
            {error ? (
              <Alert severity="error" role="alert">{error}</Alert>
            ) : (
              <>
                <Typography id="mapping-loading" sx={{ mb: 1 }}>Reading the first rows of {source}…</Typography>
                <LinearProgress aria-labelledby="mapping-loading" />
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}

function MappingEditor({ preview, onClose, onSaved }: { preview: FilePreview; onClose: () => void; onSaved: (mapping: SavedColumnMapping) => void }) {
  const { api } = useEngine();
  const [form, setForm] = useState<MappingForm>(() => initialForm(preview));
  /** After a first "Save", what the form still lacks is listed (and clears as it is fixed); `refusal` is the engine's. */
  const [tried, setTried] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const formatId = formatIdOf(form);
  const tags = tagColumnsOf(preview.header, form);
  const problems = [...(tried ? formProblems(form) : []), ...(refusal ? [refusal] : [])];

  const setColumn = (field: MappedField, column: string) => setForm((f) => ({ ...f, columns: { ...f.columns, [field]: column } }));
  const setFamily = (family: FormatFamily | '') =>
    setForm((f) => {
      const before = FAMILIES.find((x) => x.family === f.family)?.provider ?? '';
      const after = FAMILIES.find((x) => x.family === family)?.provider ?? '';
      // The fixed provider follows the family until the user types another one.
      return { ...f, family, fixedProvider: f.fixedProvider === before ? after : f.fixedProvider };
    });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    setRefusal(null);
    const { family } = form;
    if (formProblems(form).length > 0 || family === '') return;
    setSaving(true);
    try {
      const saved = await api.saveColumnMapping(mappingOf({ ...form, family }, preview.header));
      const mapping = saved.find((m) => m.name === form.name.trim()) ?? saved[saved.length - 1];
      if (mapping) onSaved(mapping);
    } catch (failure) {
      setRefusal(failure instanceof Error ? failure.message : String(failure));
      setSaving(false);
    }
  };

  return (
    <Box component="form" onSubmit={(e: FormEvent) => void save(e)} noValidate sx={{ display: 'contents' }} aria-labelledby="mapping-title">
      <DialogContent dividers sx={{ display: 'flex', flexDirection: 'column', gap: 2, '& > *': { flexShrink: 0 } }}>
        <DialogContentText id="mapping-intro">
          No known format reads this file. For each FOCUS column, choose the column of the file that holds it; each list shows the
          first values. The mapping is saved in this workspace: files with the same columns are then imported without asking.
          Columns you do not map are kept with each line as extras.
        </DialogContentText>
        {preview.format && (
          <Alert severity="info">This file is already read as {preview.format}: close this and import it again.</Alert>
        )}
        <FirstRows preview={preview} />

        <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
          <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>The mapping</Typography>
          <Box sx={GRID}>
            <TextField
              label="Mapping name"
              required
              value={form.name}
              onChange={(e) => setForm((f) => ({ ...f, name: e.target.value }))}
              helperText={formatId ? `Format: ${formatId}` : form.family === '' ? 'Choose the provider family to name the format.' : 'Letters or digits name the format.'}
              size="small"
              slotProps={{ htmlInput: { maxLength: 80 } }}
            />
            <TextField
              select
              label="Provider family"
              value={form.family}
              onChange={(e) => setFamily(e.target.value as FormatFamily | '')}
              helperText="Whose bill this is: the format id starts with it."
              size="small"
              slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
            >
              {form.family === '' && <option value="">Choose…</option>}
              {FAMILIES.map((f) => <option key={f.family} value={f.family}>{f.label}</option>)}
            </TextField>
          </Box>
        </Box>

        {FIELD_GROUPS.map((group, g) => (
          <Box component="fieldset" key={group.title} sx={{ border: 0, p: 0, m: 0 }}>
            <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>{group.title}</Typography>
            <Box sx={GRID}>
              {group.fields.map((info) => (
                <ColumnSelect key={info.field} info={info} value={form.columns[info.field]} preview={preview} onChange={(c) => setColumn(info.field, c)} />
              ))}
              {g === 0 && (
                <TextField
                  label="Fixed currency code"
                  value={form.fixedCurrency}
                  disabled={form.columns.BillingCurrency !== ''}
                  onChange={(e) => setForm((f) => ({ ...f, fixedCurrency: e.target.value }))}
                  helperText={form.columns.BillingCurrency !== '' ? 'The currency column is used.' : 'For every row, e.g. USD or EUR.'}
                  size="small"
                  slotProps={{ htmlInput: { maxLength: 3, autoCapitalize: 'characters' }, formHelperText: { sx: READABLE_WHEN_DISABLED } }}
                />
              )}
              {group.title === 'Who and what' && (
                <TextField
                  label="Fixed provider name"
                  value={form.fixedProvider}
                  disabled={form.columns.ProviderName !== ''}
                  onChange={(e) => setForm((f) => ({ ...f, fixedProvider: e.target.value }))}
                  helperText={form.columns.ProviderName !== '' ? 'The provider column is used.' : 'For every row, e.g. OpenAI.'}
                  size="small"
                  slotProps={{ htmlInput: { maxLength: 120 }, formHelperText: { sx: READABLE_WHEN_DISABLED } }}
                />
              )}
            </Box>
          </Box>
        ))}

        <Box component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
          <Typography component="legend" variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>Tags</Typography>
          <Box sx={GRID}>
            <TextField
              label="Tag columns start with"
              value={form.tagPrefix}
              onChange={(e) => setForm((f) => ({ ...f, tagPrefix: e.target.value }))}
              helperText={
                form.tagPrefix.trim() === ''
                  ? 'Leave empty for no tags.'
                  : tags.length > 0
                    ? `Tags: ${tags.map((t) => `${t.key} (from ${t.column})`).join(', ')}`
                    : 'No column starts with this.'
              }
              size="small"
              slotProps={{ htmlInput: { maxLength: 40 } }}
            />
          </Box>
        </Box>

      </DialogContent>
      {problems.length > 0 && (
        // Outside the scrolling content, beside the button: seen where the user pressed it.
        <Box sx={{ px: 3, pt: 2 }}>
          <Alert severity="error" role="alert">
            {problems.length === 1 ? problems[0] : (
              <List dense disablePadding aria-label="What to fix">
                {problems.map((p) => <ListItem key={p} disableGutters>{p}</ListItem>)}
              </List>
            )}
          </Alert>
        </Box>
      )}
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained" disabled={saving}>Save mapping and import</Button>
      </DialogActions>
    </Box>
  );
}

function optionText(column: string, preview: FilePreview): string {
  const first = firstValues(preview, column, 1)[0];
  if (first === undefined) return column;
  return `${column} (e.g. ${first.length > 24 ? `${first.slice(0, 23)}…` : first})`;
}

function ColumnSelect({ info, value, preview, onChange }: { info: FieldInfo; value: string; preview: FilePreview; onChange: (column: string) => void }) {
  const values = value === '' ? [] : firstValues(preview, value);
  const helper = value === '' ? info.hint : values.length > 0 ? `First values: ${values.join(' · ')}` : 'Empty in the first rows.';
  return (
    <TextField
      select
      id={`map-${info.field}`}
      label={info.label}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      helperText={helper}
      size="small"
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
    >
      <option value="">{info.none ?? 'Not in the file'}</option>
      {preview.header.map((column, i) => (column === '' ? null : <option key={`${column}-${i}`} value={column}>{optionText(column, preview)}</option>))}
    </TextField>
  );
}

/** The first rows of the file, as a table that scrolls sideways (focusable, so keyboards can scroll it). */
function FirstRows({ preview }: { preview: FilePreview }) {
  const rows = preview.rows.slice(0, SHOWN_ROWS);
  return (
    <Box
      role="region"
      aria-label={`First rows of ${preview.file}`}
      tabIndex={0}
      sx={{ overflowX: 'auto', border: 1, borderColor: 'divider', borderRadius: 1, '&:focus-visible': { outline: 2, outlineStyle: 'solid', outlineColor: 'primary.main' } }}
    >
      <Box component="table" sx={{ borderCollapse: 'collapse', fontSize: '0.8125rem', '& th, & td': { px: 1, py: 0.5, textAlign: 'left', whiteSpace: 'nowrap', borderBottom: 1, borderColor: 'divider' } }}>
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: '4px 8px', fontWeight: 600, whiteSpace: 'nowrap' }}>
          First {rows.length} row{rows.length === 1 ? '' : 's'} of the file
        </caption>
        <thead>
          <tr>{preview.header.map((h, i) => <th key={`${h}-${i}`} scope="col">{h}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>{preview.header.map((_h, i) => <td key={i}>{row[i] ?? ''}</td>)}</tr>
          ))}
        </tbody>
      </Box>
    </Box>
  );
}
