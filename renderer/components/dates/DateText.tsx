// A date as every page shows it: "12 Mar 2027", with the exact ISO instant on hover and in the
// markup (`<time dateTime>`), so screen readers and tests get the precise value too.
import Box from '@mui/material/Box';
import { humanDate, isoInstant } from './human-date';

export function DateText(props: { value: string | number | Date }) {
  const iso = isoInstant(props.value);
  return (
    <Box component="time" dateTime={iso} title={iso} sx={{ whiteSpace: 'nowrap' }}>
      {humanDate(props.value)}
    </Box>
  );
}
