// The certificates as a table, soonest expiry first (or by node, then days left). With a fleet,
// a Node column says where each one lives; its stores are on the nodes, so Open and Renew (which
// work on local files) are offered only for the open configuration's own certificates.
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import { useMemo, useState } from 'react';
import { roleText, type InventoryCertificate } from '../../../shared/certs/inventory';
import { DateText } from '../../components/dates/DateText';
import { requestPage } from '../keystores/page-requests';
import { renewPrefill } from './renew-prefill';

const stateColor = {
  expired: 'error',
  expiring: 'warning',
  valid: 'success',
  'not-yet-valid': 'info',
} as const;

type SortBy = 'days' | 'node';

export function openStore(c: InventoryCertificate): void {
  if (c.origin === 'file') requestPage({ page: 'keystores', path: c.file, configKey: c.configKey });
}

function sorted(certs: readonly InventoryCertificate[], by: SortBy): InventoryCertificate[] {
  const days = (a: InventoryCertificate, b: InventoryCertificate) => a.daysLeft - b.daysLeft;
  return [...certs].sort(
    by === 'days' ? days : (a, b) => a.node.localeCompare(b.node) || days(a, b),
  );
}

export function CertificateTable(props: { certificates: InventoryCertificate[]; fleet: boolean }) {
  const [by, setBy] = useState<SortBy>('days');
  const rows = useMemo(() => sorted(props.certificates, by), [props.certificates, by]);
  const sortHeader = (key: SortBy, label: string) => (
    <TableCell sortDirection={by === key ? 'asc' : false}>
      <TableSortLabel active={by === key} direction="asc" onClick={() => setBy(key)}>
        {label}
      </TableSortLabel>
    </TableCell>
  );
  return (
    <Table size="small" aria-label="Certificates by days left" data-sort={by}>
      <TableHead>
        <TableRow>
          {sortHeader('days', 'Days left')}
          {props.fleet && sortHeader('node', 'Node')}
          <TableCell>Subject</TableCell>
          <TableCell>Role</TableCell>
          <TableCell>Issuer</TableCell>
          <TableCell>Valid</TableCell>
          <TableCell>Where</TableCell>
          <TableCell>Config key</TableCell>
          {!props.fleet && <TableCell />}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((c) => {
          const prefill = props.fleet ? undefined : renewPrefill(c);
          return (
            <TableRow
              key={`${c.node}:${c.file}:${c.alias ?? ''}:${c.index}:${c.sha256}`}
              data-state={c.state}
              data-node={c.node}
              data-days={c.daysLeft}
            >
              <TableCell>
                <Chip size="small" color={stateColor[c.state]} label={c.daysLeft} />
              </TableCell>
              {props.fleet && <TableCell sx={{ whiteSpace: 'nowrap' }}>{c.node}</TableCell>}
              <TableCell>{c.subject}</TableCell>
              <TableCell>{roleText[c.role]}</TableCell>
              <TableCell>{c.issuerCN || c.issuer}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                <DateText value={c.notBefore} /> → <DateText value={c.notAfter} />
              </TableCell>
              <TableCell title={c.file}>
                {c.file.split('/').pop()}
                {c.alias ? ` (${c.alias})` : ''}
              </TableCell>
              <TableCell>
                <code>{c.configKey}</code>
              </TableCell>
              {!props.fleet && (
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {c.origin === 'file' && (
                    <Button size="small" onClick={() => openStore(c)}>
                      Open
                    </Button>
                  )}
                  {prefill && (
                    <Button size="small" onClick={() => requestPage({ page: 'wizards', prefill })}>
                      Renew
                    </Button>
                  )}
                </TableCell>
              )}
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
