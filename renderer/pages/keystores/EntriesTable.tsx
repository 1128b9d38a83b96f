// The store's entries: alias, kind, subject CN and time left; a row selects the entry.
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { KeystoreView } from '../../../shared/api/keystore-contract';
import { ExpiryBar } from '../../components/certificate/ExpiryBar';
import { commonName } from '../../components/certificate/expiry';

export function EntriesTable(props: {
  entries: KeystoreView['entries'];
  selected: string | null;
  onSelect(alias: string): void;
}) {
  return (
    <Table size="small" aria-label="Entries" sx={{ tableLayout: 'fixed' }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: '24%' }}>Alias</TableCell>
          <TableCell sx={{ width: 130 }}>Kind</TableCell>
          <TableCell>Subject CN</TableCell>
          <TableCell sx={{ width: '28%' }}>Expiry</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.entries.map((entry) => {
          const leaf = entry.chain[0];
          const selected = entry.alias === props.selected;
          return (
            <TableRow
              key={entry.alias}
              hover
              selected={selected}
              aria-selected={selected}
              data-alias={entry.alias}
              tabIndex={0}
              onClick={() => props.onSelect(entry.alias)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  props.onSelect(entry.alias);
                }
              }}
              sx={{ cursor: 'pointer' }}
            >
              <TableCell sx={{ overflowWrap: 'anywhere', fontWeight: 600 }}>
                {entry.alias}
              </TableCell>
              <TableCell>
                <Chip
                  size="small"
                  variant="outlined"
                  color={entry.kind === 'key' ? 'primary' : 'default'}
                  label={entry.kind === 'key' ? 'private key' : 'trusted'}
                />
              </TableCell>
              <TableCell sx={{ overflowWrap: 'anywhere' }}>
                {leaf ? commonName(leaf.subject) : '—'}
              </TableCell>
              <TableCell>
                {leaf ? (
                  <ExpiryBar notBefore={leaf.notBefore} notAfter={leaf.notAfter} />
                ) : (
                  <Typography variant="caption">no certificate</Typography>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
