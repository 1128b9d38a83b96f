// One certificate of the chain, across the width: its role, verdict, name and checks, and a
// button that unfolds every field in place (as KeyStore Explorer shows them).
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import type { CertificateDescriptionView } from '../../../shared/api/keystore-contract';
import type { CertificateReport, Check } from '../../../shared/tls/verdicts';
import { CertificateDetails } from '../../components/certificate/CertificateDetails';
import { commonName, expiryOf } from '../../components/certificate/expiry';
import { humanizeInstants } from '../../components/dates/human-date';
import type { HostCheck } from './host-verdict';
import { markColor, markSymbol, markWord, worstMark } from './marks';

export const roleText = { leaf: 'Leaf', intermediate: 'Intermediate CA', root: 'Root CA' } as const;

type ShownCheck = Check | HostCheck;

function CheckList(props: { checks: readonly ShownCheck[] }) {
  return (
    <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {props.checks
        .filter((c) => c.mark !== 'ok' || c.id === 'trust-anchor' || c.id === 'hostname')
        .map((c) => (
          <Typography
            key={`${c.id}-${c.message}`}
            component="li"
            variant="body2"
            data-check={c.id}
            color={c.mark === 'info' ? 'text.secondary' : `${markColor[c.mark]}.main`}
            sx={{ overflowWrap: 'anywhere' }}
          >
            {markSymbol[c.mark]} {humanizeInstants(c.message)}
          </Typography>
        ))}
    </Box>
  );
}

export function ChainCertificateCard(props: {
  cert: CertificateReport;
  details: CertificateDescriptionView | undefined;
  /** The host-name check, on the leaf only; it counts in the leaf's verdict. */
  hostCheck?: HostCheck | null;
  expanded: boolean;
  onToggle(): void;
}) {
  const { cert, expanded } = props;
  const detailsId = useId();
  const nameId = useId();
  const checks: readonly ShownCheck[] = props.hostCheck
    ? [props.hostCheck, ...cert.checks]
    : cert.checks;
  const mark = worstMark(checks);
  const color = markColor[mark];
  const name = commonName(cert.subject);
  const expiry = expiryOf(cert.notBefore, cert.notAfter);
  return (
    <Box
      role="listitem"
      data-role={cert.role}
      data-verdict={mark}
      sx={{ border: 2, borderColor: `${color}.main`, borderRadius: 1, minWidth: 0 }}
    >
      {/* The whole header toggles for the mouse; the button is the control for keyboards and
          screen readers (a card-sized button would read all its text as its name). */}
      <Box
        onClick={props.onToggle}
        sx={{
          cursor: 'pointer',
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', md: '170px minmax(0, 2fr) minmax(0, 3fr)' },
          gap: { xs: 1, md: 2 },
          alignItems: 'start',
          p: 1.5,
          bgcolor: expanded ? 'action.selected' : 'transparent',
        }}
      >
        <Box>
          <Typography variant="overline" component="div" sx={{ lineHeight: 1.6 }}>
            {roleText[cert.role]}
          </Typography>
          <Chip
            size="small"
            color={color}
            label={`${markSymbol[mark]} ${markWord[mark]}`}
            sx={{ fontWeight: 600 }}
          />
        </Box>
        <Box sx={{ minWidth: 0 }}>
          <Typography id={nameId} sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
            {name}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            {props.details?.subject ?? cert.subject}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {cert.origin === 'trust-source' ? 'from the trust source' : 'supplied'} · {expiry.text}
          </Typography>
        </Box>
        <Box sx={{ minWidth: 0 }}>
          <CheckList checks={checks} />
          <Button
            size="small"
            aria-expanded={expanded}
            aria-controls={detailsId}
            aria-describedby={nameId}
            onClick={(e) => {
              e.stopPropagation();
              props.onToggle();
            }}
            sx={{ mt: 0.5, ml: -0.5 }}
          >
            {expanded ? '▴ Hide fields' : '▾ All fields'}
          </Button>
        </Box>
      </Box>
      {expanded && (
        <Box
          id={detailsId}
          role="region"
          aria-label={`Fields of ${name}`}
          sx={{ p: 2, borderTop: 1, borderColor: 'divider' }}
        >
          {props.details ? (
            <CertificateDetails
              cert={props.details}
              label={`${roleText[cert.role]} ${name}`}
              wide
            />
          ) : (
            <Typography color="text.secondary">No details for this certificate.</Typography>
          )}
        </Box>
      )}
    </Box>
  );
}
