// The chips of a list field: an item that is invalid on its own (a bare * origin, an origin
// without scheme, an unknown method) is red, with the reason on hover and for screen readers.
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import type { AutocompleteRenderValueGetItemProps } from '@mui/material/Autocomplete';
import { listItemProblem } from '../../shared/rules/csrf-cors';
import { VisuallyHidden } from '../components/VisuallyHidden';

export function renderListChips(path: string) {
  return (items: readonly string[], getItemProps: AutocompleteRenderValueGetItemProps<true>) =>
    items.map((item, index) => {
      const { key, ...itemProps } = getItemProps({ index });
      const problem = listItemProblem(path, item);
      if (!problem) return <Chip key={key} size="small" label={item} {...itemProps} />;
      return (
        <Tooltip key={key} title={problem}>
          <Chip
            size="small"
            color="error"
            data-invalid="true"
            label={
              <>
                {item}
                <VisuallyHidden>: invalid, {problem}</VisuallyHidden>
              </>
            }
            {...itemProps}
          />
        </Tooltip>
      );
    });
}
