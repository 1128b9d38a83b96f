// A recent time as "5 min ago", kept current while it is on screen, with the exact ISO instant
// on hover and in the markup (`<time dateTime>`), like every other date of the app.
import Box from '@mui/material/Box';
import { useEffect, useState } from 'react';
import { isoInstant, sinceText } from './human-date';

/** Often enough that "just now" turns into "10 s ago" when it becomes true. */
const tickMs = 5_000;

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function SinceText(props: { value: string | number | Date }) {
  const now = useNow();
  const iso = isoInstant(props.value);
  return (
    <Box component="time" dateTime={iso} title={iso} sx={{ whiteSpace: 'nowrap' }}>
      {sinceText(props.value, now)}
    </Box>
  );
}
