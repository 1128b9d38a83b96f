// "Go to option": type part of a label or key, pick it, and the page opens with the field focused.
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { options, type OptionSpec } from '../../shared/catalog/options';

const choices = options.filter((o) => o.alternativeTo === undefined);

/** The search box's input id (Ctrl+K focuses it). Set on the Autocomplete: it owns the input's id. */
export const findOptionId = 'find-option';

export function FindOption(props: { disabled: boolean; onPick(spec: OptionSpec): void }) {
  return (
    <Autocomplete
      id={findOptionId}
      size="small"
      disabled={props.disabled}
      options={choices}
      value={null}
      blurOnSelect
      getOptionLabel={(o) => `${o.label} (${o.path})`}
      onChange={(_e, spec) => spec && props.onPick(spec)}
      sx={{ width: 260 }}
      renderInput={(params) => (
        <TextField {...params} placeholder="Go to option… (Ctrl+K)" aria-label="Go to option" />
      )}
    />
  );
}
