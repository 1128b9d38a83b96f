// Comma-separated options (origins, methods, headers) edited as chips. A chip added, removed or
// changed splices that one item into the value (shared/yaml/list-items.ts): the file keeps its
// separators, spacing and quoting. Removing the last chip leaves the key with an empty value;
// removing the key is the explicit "Remove key".
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useRef } from 'react';
import { editListValue, listItems, separatorOf } from '../../shared/yaml/list-items';
import { renderListChips } from './list-chips';
import { displayText, placeholderOf, worstSeverity, type FieldProps } from './field-props';

export function ListField(props: FieldProps) {
  const { spec, id, value, describedBy, diagnostics, onChange } = props;
  const text = displayText(value);
  const items = listItems(text).map((item) => item.text);
  // A value with one item does not show its separator: remember the last one it showed.
  const separator = useRef<string | undefined>(undefined);
  if (items.length >= 2) separator.current = separatorOf(text);
  return (
    <Autocomplete
      id={id}
      multiple
      freeSolo
      autoSelect
      disableClearable
      size="small"
      options={(spec.allowed ?? []).filter((o) => !items.includes(o))}
      value={items}
      renderValue={renderListChips(spec.path)}
      onChange={(_e, next) => {
        const clean = next.map((n) => n.trim()).filter((n) => n !== '');
        const edited = editListValue(text, clean, separator.current);
        if (edited !== text) onChange(edited);
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label={spec.label}
          placeholder={items.length === 0 ? placeholderOf(spec) : 'add…'}
          error={worstSeverity(diagnostics) === 'error'}
          slotProps={{
            ...params.slotProps,
            inputLabel: { ...params.slotProps.inputLabel, shrink: true },
            htmlInput: { ...params.slotProps.htmlInput, 'aria-describedby': describedBy },
          }}
        />
      )}
    />
  );
}
