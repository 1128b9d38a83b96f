// The chain as a list across the width, leaf first, each certificate joined to its issuer below by
// an "issued by" link. Each carries its verdict in colour and words and unfolds in place; where
// the issuer is neither supplied nor trusted, a dashed box says so.
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { Fragment } from 'react';
import type { CertificateDescriptionView } from '../../../shared/api/keystore-contract';
import type { CertificateReport } from '../../../shared/tls/verdicts';
import { commonName } from '../../components/certificate/expiry';
import { ChainCertificateCard } from './ChainCertificateCard';
import type { HostCheck } from './host-verdict';

function IssuedBy() {
  return (
    <Box
      aria-hidden
      sx={{ display: 'flex', alignItems: 'center', gap: 1, pl: 3, color: 'text.secondary' }}
    >
      <svg width="20" height="28" viewBox="0 0 20 28">
        <line x1="10" y1="2" x2="10" y2="20" stroke="currentColor" strokeWidth="2" />
        <polygon points="4,18 10,26 16,18" fill="currentColor" />
      </svg>
      <Typography variant="caption">issued by</Typography>
    </Box>
  );
}

export function ChainPicture(props: {
  certificates: readonly CertificateReport[];
  details: readonly CertificateDescriptionView[];
  /** The host-name check, shown on the leaf and counted in its verdict. */
  leafCheck?: HostCheck | null;
  expanded: ReadonlySet<number>;
  onToggle(index: number): void;
}) {
  const last = props.certificates[props.certificates.length - 1];
  return (
    <Box
      role="list"
      aria-label="Certificate chain, leaf first"
      sx={{ display: 'flex', flexDirection: 'column' }}
    >
      {props.certificates.map((cert, i) => (
        <Fragment key={`${cert.sha256}-${i}`}>
          {i > 0 && <IssuedBy />}
          <ChainCertificateCard
            cert={cert}
            details={props.details[i]}
            hostCheck={i === 0 ? props.leafCheck : null}
            expanded={props.expanded.has(i)}
            onToggle={() => props.onToggle(i)}
          />
        </Fragment>
      ))}
      {last && !last.selfIssued && (
        <>
          <IssuedBy />
          <Box
            role="listitem"
            data-role="missing"
            sx={{
              p: 1.5,
              borderRadius: 1,
              border: 2,
              borderStyle: 'dashed',
              borderColor: 'error.main',
            }}
          >
            <Typography variant="overline">Issuer not found</Typography>
            <Typography sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
              {commonName(last.issuer)}
            </Typography>
            <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
              {last.issuer}
            </Typography>
            <Typography variant="body2" color="error.main">
              ✗ neither supplied nor in the trust source
            </Typography>
          </Box>
        </>
      )}
    </Box>
  );
}
