// The review's restatement of the certificate a kit will install, read from what the kit made or
// read (subject, names, key, validity), so the user approves the certificate itself, not a form.
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { humanDate } from '../../components/dates/human-date';
import type { KitResult } from './wizard-parts';

type Described = NonNullable<KitResult['certificate']>;

function keyText(c: Described): string {
  return c.keyAlgorithm === 'EC'
    ? `EC ${c.keySize}-bit${c.curve ? ` (${c.curve})` : ''}`
    : `${c.keyAlgorithm} ${c.keySize}-bit`;
}

/** The app's one date format. */
const day = humanDate;

function validityText(c: Described, placeholder: boolean): string {
  if (placeholder) return 'Set by your CA when it signs the request.';
  const days = Math.round((Date.parse(c.notAfter) - Date.parse(c.notBefore)) / 86_400_000);
  return `${day(c.notBefore)} to ${day(c.notAfter)} (${days} days)`;
}

/** `placeholder`: a CSR's entry holds a stand-in certificate until the CA's reply. */
export function CertificateRecap(props: { certificate: Described; placeholder?: boolean }) {
  const c = props.certificate;
  const rows: [string, string][] = [
    ['Subject', c.subject],
    ['Host names (SAN)', c.san.length > 0 ? c.san.join(', ') : 'none: clients will refuse it'],
    ['Key', keyText(c)],
    ['Valid', validityText(c, props.placeholder === true)],
    [
      'Issued by',
      props.placeholder ? 'your CA' : c.issuer === c.subject ? 'itself (self-signed)' : c.issuer,
    ],
  ];
  return (
    <Box
      component="dl"
      aria-label="Certificate"
      sx={{
        m: 0,
        display: 'grid',
        gridTemplateColumns: 'max-content 1fr',
        columnGap: 2,
        rowGap: 0.5,
      }}
    >
      {rows.map(([label, value]) => (
        <Box key={label} sx={{ display: 'contents' }}>
          <Typography component="dt" variant="body2" color="text.secondary">
            {label}
          </Typography>
          <Typography
            component="dd"
            variant="body2"
            sx={{ m: 0, overflowWrap: 'anywhere' }}
            data-recap={label}
          >
            {value}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
