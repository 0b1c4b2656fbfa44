/**
 * Edits a rule's conditions: a group (all / any) of conditions and sub-groups, each condition a
 * field (column, tag or extra column), an operator and a value. Every control is labelled with
 * its position ("Condition 2: operator"), so a screen-reader user knows which one they are in.
 */
import { Autocomplete, Box, Button, FormControl, IconButton, InputLabel, MenuItem, Paper, Select, TextField, Typography } from '@mui/material';
import { VisuallyHidden } from '../../components/VisuallyHidden.js';
import DeleteIcon from '@mui/icons-material/DeleteOutline';
import { addItem, removeItem, setCombinator, updateCondition, type ConditionForm, type FieldKind, type GroupForm, type OperatorOption, type Path } from './condition-form.js';


export interface FieldOptions {
  columns: readonly string[];
  tagKeys: readonly string[];
  extras: readonly string[];
}

const FIELD_LABEL: Record<FieldKind, string> = { column: 'Column', tag: 'Tag', extra: 'Extra column' };

export function ConditionEditor({ root, onChange, operators, fields }: {
  root: GroupForm;
  onChange: (next: GroupForm) => void;
  operators: readonly OperatorOption[];
  fields: FieldOptions;
}) {
  return <GroupEditor group={root} path={[]} root={root} onChange={onChange} operators={operators} fields={fields} />;
}

function pathLabel(path: Path): string {
  return path.map((i) => i + 1).join('.');
}

function GroupEditor({ group, path, root, onChange, operators, fields }: {
  group: GroupForm;
  path: Path;
  root: GroupForm;
  onChange: (next: GroupForm) => void;
  operators: readonly OperatorOption[];
  fields: FieldOptions;
}) {
  const name = path.length === 0 ? 'Conditions' : `Group ${pathLabel(path)}`;
  const combinatorId = `combinator-${pathLabel(path) || 'root'}`;
  return (
    <Paper component="fieldset" variant="outlined" sx={{ p: 1.5, m: 0, display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Typography component="legend" variant="subtitle2" sx={{ px: 0.5 }}>{name}</Typography>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
        <FormControl size="small" sx={{ minWidth: 260 }}>
          <InputLabel id={combinatorId}>{`${name}: match`}</InputLabel>
          <Select labelId={combinatorId} label={`${name}: match`} value={group.combinator} onChange={(e) => onChange(setCombinator(root, path, e.target.value as GroupForm['combinator']))}>
            <MenuItem value="all">All of these (AND)</MenuItem>
            <MenuItem value="any">Any of these (OR)</MenuItem>
          </Select>
        </FormControl>
        {path.length > 0 && <Button size="small" color="error" onClick={() => onChange(removeItem(root, path))}>Remove {name.toLowerCase()}</Button>}
      </Box>
      {group.items.length === 0 && <Typography variant="body2">No conditions: the rule applies to every cost line.</Typography>}
      {group.items.map((item, i) => {
        const itemPath = [...path, i];
        return item.type === 'group'
          ? <GroupEditor key={i} group={item} path={itemPath} root={root} onChange={onChange} operators={operators} fields={fields} />
          : <ConditionRow key={i} condition={item} path={itemPath} root={root} onChange={onChange} operators={operators} fields={fields} />;
      })}
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button size="small" onClick={() => onChange(addItem(root, path, 'condition'))}>Add condition<VisuallyHidden> to {name.toLowerCase()}</VisuallyHidden></Button>
        {path.length < 2 && <Button size="small" onClick={() => onChange(addItem(root, path, 'group'))}>Add group<VisuallyHidden> to {name.toLowerCase()}</VisuallyHidden></Button>}
      </Box>
    </Paper>
  );
}

function ConditionRow({ condition, path, root, onChange, operators, fields }: {
  condition: ConditionForm;
  path: Path;
  root: GroupForm;
  onChange: (next: GroupForm) => void;
  operators: readonly OperatorOption[];
  fields: FieldOptions;
}) {
  const name = `Condition ${pathLabel(path)}`;
  const id = `condition-${pathLabel(path)}`;
  const set = (patch: Partial<Omit<ConditionForm, 'type'>>) => onChange(updateCondition(root, path, patch));
  const operator = operators.find((o) => o.id === condition.operator);
  const names = condition.field === 'column' ? fields.columns : condition.field === 'tag' ? fields.tagKeys : fields.extras;
  return (
    <Box role="group" aria-label={name} sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '150px 1fr 180px 1fr auto' }, gap: 1, alignItems: 'start' }}>
      <FormControl size="small">
        <InputLabel id={`${id}-field`}>{`${name}: field`}</InputLabel>
        <Select labelId={`${id}-field`} label={`${name}: field`} value={condition.field} onChange={(e) => set({ field: e.target.value as FieldKind, name: '' })}>
          {(Object.keys(FIELD_LABEL) as FieldKind[]).map((k) => <MenuItem key={k} value={k}>{FIELD_LABEL[k]}</MenuItem>)}
        </Select>
      </FormControl>
      <Autocomplete
        freeSolo
        size="small"
        options={[...names]}
        inputValue={condition.name}
        onInputChange={(_e, value) => set({ name: value })}
        renderInput={(params) => <TextField {...params} label={`${name}: ${condition.field === 'tag' ? 'tag key' : 'column name'}`} />}
      />
      <FormControl size="small">
        <InputLabel id={`${id}-operator`}>{`${name}: operator`}</InputLabel>
        <Select labelId={`${id}-operator`} label={`${name}: operator`} value={condition.operator} onChange={(e) => set({ operator: String(e.target.value) })}>
          {operators.map((o) => <MenuItem key={o.id} value={o.id}>{o.label}</MenuItem>)}
        </Select>
      </FormControl>
      {operator?.needsValue === false
        ? <span />
        : <TextField size="small" label={`${name}: value`} value={condition.value} onChange={(e) => set({ value: e.target.value })} helperText={operator?.hint} multiline={condition.operator === 'in'} />}
      <IconButton aria-label={`Remove ${name.toLowerCase()}`} onClick={() => onChange(removeItem(root, path))}><DeleteIcon /></IconButton>
    </Box>
  );
}
