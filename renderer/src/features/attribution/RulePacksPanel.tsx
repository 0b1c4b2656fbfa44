/** Rule packs: download the rule set as JSON to share; import one, seeing what it changes before applying it. */
import { Alert, Box, Button, FormControlLabel, FormLabel, Paper, Radio, RadioGroup, TextField, Typography } from '@mui/material';
import { useRef, useState } from 'react';
import type { RulePack, RulePackDiff, RulePackMode } from '../../../../shared/attribution.js';
import { useEngine } from '../../app/engine-context.js';
import { packDiffLines } from './attribution-view.js';
import { errorText } from './fields.js';
import { downloadJson } from './files.js';

type Message = { severity: 'success' | 'error'; text: string };

export function RulePacksPanel({ onMessage }: { onMessage: (m: Message) => void }) {
  const { api } = useEngine();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<{ file: string; pack: RulePack } | null>(null);
  const [mode, setMode] = useState<RulePackMode>('merge');
  const [diff, setDiff] = useState<RulePackDiff | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const exportPack = async () => {
    try {
      const pack = await api.exportRulePack({ ...(name.trim() ? { name: name.trim() } : {}), ...(description.trim() ? { description: description.trim() } : {}) });
      const file = `${(name.trim() || 'rule-pack').toLowerCase().replace(/[^a-z0-9-]+/g, '-')}.json`;
      downloadJson(file, pack);
      onMessage({ severity: 'success', text: `Downloaded ${file}: ${pack.rules.length} rules and ${pack.pools.length} pools.` });
    } catch (e) {
      onMessage({ severity: 'error', text: errorText(e) });
    }
  };
  const showDiff = async (pack: RulePack, m: RulePackMode) => {
    setDiff(null);
    try {
      setDiff(await api.diffRulePack({ pack, mode: m }));
      setProblem(null);
    } catch (e) {
      setProblem(errorText(e));
    }
  };
  const choose = async (file: File | undefined) => {
    if (!file) return;
    setChosen(null);
    setDiff(null);
    try {
      const pack = JSON.parse(await file.text()) as RulePack;
      setChosen({ file: file.name, pack });
      await showDiff(pack, mode);
    } catch (e) {
      setProblem(`${file.name} is not a rule pack: ${errorText(e)}`);
    }
  };
  const apply = async () => {
    if (!chosen) return;
    try {
      await api.applyRulePack({ pack: chosen.pack, mode });
      onMessage({ severity: 'success', text: `Applied the rule pack ${chosen.file} (${mode === 'merge' ? 'merged' : 'replacing the rule set'}).` });
      setChosen(null);
      setDiff(null);
    } catch (e) {
      setProblem(errorText(e));
    }
  };

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2, alignItems: 'start' }}>
      <Paper component="section" aria-labelledby="export-pack-title" variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography id="export-pack-title" variant="h6" component="h2">Share the rules</Typography>
        <Typography variant="body2">Download the dimensions, rules and pools being edited as a JSON rule pack, for another team or workspace to import.</Typography>
        <TextField size="small" label="Pack name" value={name} onChange={(e) => setName(e.target.value)} />
        <TextField size="small" label="Description" value={description} onChange={(e) => setDescription(e.target.value)} multiline />
        <Box><Button variant="contained" onClick={() => void exportPack()}>Download rule pack</Button></Box>
      </Paper>
      <Paper component="section" aria-labelledby="import-pack-title" variant="outlined" sx={{ p: 2, display: 'flex', flexDirection: 'column', gap: 2 }}>
        <Typography id="import-pack-title" variant="h6" component="h2">Import a rule pack</Typography>
        <FormLabel id="pack-mode-label">How to apply it</FormLabel>
        <RadioGroup aria-labelledby="pack-mode-label" value={mode} onChange={(e) => { const m = e.target.value as RulePackMode; setMode(m); if (chosen) void showDiff(chosen.pack, m); }}>
          <FormControlLabel value="merge" control={<Radio />} label="Merge: the pack's rules and pools replace those with the same id; new ones are added" />
          <FormControlLabel value="replace" control={<Radio />} label="Replace: the pack becomes the rule set" />
        </RadioGroup>
        <input ref={input} type="file" accept=".json,application/json" hidden onChange={(e) => { void choose(e.target.files?.[0]); e.target.value = ''; }} />
        <Box><Button variant="outlined" onClick={() => input.current?.click()}>Choose a rule pack…</Button></Box>
        {problem && <Alert severity="error" role="alert" onClose={() => setProblem(null)}>{problem}</Alert>}
        {chosen && diff && (
          <Box component="section" aria-labelledby="pack-diff-title" sx={{ display: 'flex', flexDirection: 'column', gap: 1 }}>
            <Typography id="pack-diff-title" variant="subtitle1" component="h3">What {chosen.file} would change</Typography>
            <Box component="ul" sx={{ m: 0, pl: 3 }}>
              {packDiffLines(diff).map((line) => <li key={line}><Typography variant="body2">{line}</Typography></li>)}
            </Box>
            <Box sx={{ display: 'flex', gap: 1 }}>
              <Button variant="contained" onClick={() => void apply()}>Apply rule pack</Button>
              <Button onClick={() => { setChosen(null); setDiff(null); }}>Cancel</Button>
            </Box>
          </Box>
        )}
      </Paper>
    </Box>
  );
}
