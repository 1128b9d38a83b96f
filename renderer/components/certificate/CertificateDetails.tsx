// Every field of one certificate, as keytool -list -v (or KeyStore Explorer) shows it, laid out
// to survive long subjects and many SANs: values wrap, nothing is cut off.
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { CertificateDescriptionView } from '../../../shared/api/keystore-contract';
import { DateText } from '../dates/DateText';
import { CopyPemButton } from './CopyPemButton';
import { ExpiryBar } from './ExpiryBar';

function Row(props: { label: string; children: ReactNode; mono?: boolean; span?: boolean }) {
  // A spanning row takes a whole line of the two-pair layout (lists that need the width).
  const span = props.span ? { gridColumn: { lg: '2 / -1' } } : {};
  return (
    <>
      <Typography
        component="dt"
        variant="body2"
        color="text.secondary"
        sx={{ fontWeight: 600, ...(props.span ? { gridColumn: { lg: '1' } } : {}) }}
      >
        {props.label}
      </Typography>
      <Box
        component="dd"
        sx={{
          m: 0,
          minWidth: 0,
          overflowWrap: 'anywhere',
          fontFamily: props.mono ? 'monospace' : undefined,
          fontSize: props.mono ? 13 : 14,
          ...span,
        }}
      >
        {props.children}
      </Box>
    </>
  );
}

function Chips(props: { items: readonly string[]; empty: string; label: string }) {
  if (props.items.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        {props.empty}
      </Typography>
    );
  return (
    <Box role="list" aria-label={props.label} sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
      {props.items.map((item) => (
        <Chip
          key={item}
          role="listitem"
          size="small"
          variant="outlined"
          label={item}
          // A chip cuts its label with an ellipsis by default: a long name must wrap instead.
          sx={{
            height: 'auto',
            maxWidth: '100%',
            '& .MuiChip-label': { whiteSpace: 'normal', overflowWrap: 'anywhere', py: '2px' },
          }}
        />
      ))}
    </Box>
  );
}

export function keyText(cert: CertificateDescriptionView): string {
  const size = cert.keySize > 0 ? ` ${cert.keySize} bits` : '';
  return `${cert.keyAlgorithm}${size}${cert.curve ? ` (${cert.curve})` : ''}`;
}

const oneColumn = 'minmax(110px, max-content) minmax(0, 1fr)';

export function CertificateDetails(props: {
  cert: CertificateDescriptionView;
  label?: string;
  /** Where there is room (the chain preview), two label/value pairs per line from 1200 px. */
  wide?: boolean;
}) {
  const { cert } = props;
  return (
    <Box
      component="dl"
      aria-label={props.label ?? 'Certificate details'}
      data-testid="certificate-details"
      sx={{
        display: 'grid',
        gridTemplateColumns: props.wide
          ? { xs: oneColumn, lg: `${oneColumn} ${oneColumn}` }
          : oneColumn,
        columnGap: 2,
        rowGap: 1,
        m: 0,
      }}
    >
      <Row label="Subject">{cert.subject}</Row>
      <Row label="Issuer">{cert.issuer}</Row>
      <Row label="Serial" mono>
        {cert.serial}
      </Row>
      <Row label="Valid">
        <DateText value={cert.notBefore} /> → <DateText value={cert.notAfter} />
        <Box sx={{ maxWidth: 320, mt: 0.5 }}>
          <ExpiryBar notBefore={cert.notBefore} notAfter={cert.notAfter} />
        </Box>
      </Row>
      <Row label="Public key">{keyText(cert)}</Row>
      <Row label="Signature">{cert.signatureAlgorithm}</Row>
      <Row label="SANs" span={props.wide}>
        <Chips items={cert.san} empty="none" label="Subject alternative names" />
      </Row>
      <Row label="Key usage">
        <Chips items={cert.keyUsage} empty="not restricted" label="Key usage" />
      </Row>
      <Row label="Extended key usage">
        <Chips items={cert.extendedKeyUsage} empty="not restricted" label="Extended key usage" />
      </Row>
      <Row label="Basic constraints">
        {cert.isCA
          ? `CA${cert.pathLen !== undefined ? `, path length ${cert.pathLen}` : ''}`
          : 'not a CA'}
      </Row>
      <Row label="Subject key ID" mono>
        {cert.subjectKeyId ?? 'none'}
      </Row>
      <Row label="Authority key ID" mono>
        {cert.authorityKeyId ?? 'none'}
      </Row>
      <Row label="SHA-1" mono>
        {cert.sha1}
      </Row>
      <Row label="SHA-256" mono>
        {cert.sha256}
      </Row>
      {cert.pem && (
        <Row label="PEM">
          <CopyPemButton pem={cert.pem} label={props.label ?? cert.subject} />
        </Row>
      )}
    </Box>
  );
}
