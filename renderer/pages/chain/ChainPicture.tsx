// The chain as a picture: one box per certificate, leaf first, joined by arrows pointing to the
// issuer. Each box carries its verdict in colour and words; a click shows its details below.
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { Fragment } from 'react';
import type { CertificateReport, Check } from '../../../shared/tls/verdicts';
import type { HostCheck } from './host-verdict';
import { commonName, expiryOf } from '../../components/certificate/expiry';
import { markColor, markSymbol, markWord, worstMark } from './marks';

const roleText = { leaf: 'Leaf', intermediate: 'Intermediate CA', root: 'Root CA' } as const;

function Arrow() {
  return (
    <Box
      aria-hidden
      sx={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        color: 'text.secondary',
        flexDirection: 'column',
        px: 0.5,
      }}
    >
      <svg width="44" height="20" viewBox="0 0 44 20">
        <line x1="2" y1="10" x2="36" y2="10" stroke="currentColor" strokeWidth="2" />
        <polygon points="34,4 42,10 34,16" fill="currentColor" />
      </svg>
      <Typography variant="caption">issued by</Typography>
    </Box>
  );
}

type ShownCheck = Check | HostCheck;

export function ChainPicture(props: {
  certificates: readonly CertificateReport[];
  /** The host-name check, shown on the leaf and counted in its verdict. */
  leafCheck?: HostCheck | null;
  selected: number | null;
  onSelect(index: number): void;
}) {
  const last = props.certificates[props.certificates.length - 1];
  return (
    <Box
      role="list"
      aria-label="Certificate chain, leaf first"
      sx={{ display: 'flex', alignItems: 'stretch', flexWrap: 'wrap', rowGap: 2 }}
    >
      {props.certificates.map((cert, i) => {
        const checks: readonly ShownCheck[] =
          i === 0 && props.leafCheck ? [props.leafCheck, ...cert.checks] : cert.checks;
        const mark = worstMark(checks);
        const color = markColor[mark];
        const selected = props.selected === i;
        const expiry = expiryOf(cert.notBefore, cert.notAfter);
        return (
          <Fragment key={`${cert.sha256}-${i}`}>
            {i > 0 && <Arrow />}
            <ButtonBase
              role="listitem"
              aria-label={`${roleText[cert.role]} ${commonName(cert.subject)}: ${markWord[mark]}`}
              aria-pressed={selected}
              data-role={cert.role}
              data-verdict={mark}
              onClick={() => props.onSelect(i)}
              sx={{
                display: 'flex',
                flexDirection: 'column',
                alignItems: 'stretch',
                justifyContent: 'flex-start',
                textAlign: 'left',
                width: 250,
                p: 1.5,
                borderRadius: 1,
                border: 2,
                borderColor: `${color}.main`,
                bgcolor: selected ? 'action.selected' : 'background.paper',
                boxShadow: selected ? 3 : 0,
              }}
            >
              <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 1, mb: 0.5 }}>
                <Typography variant="overline" sx={{ lineHeight: 1.6 }}>
                  {roleText[cert.role]}
                </Typography>
                <Chip
                  size="small"
                  color={color}
                  label={`${markSymbol[mark]} ${markWord[mark]}`}
                  sx={{ fontWeight: 600 }}
                />
              </Box>
              <Typography sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
                {commonName(cert.subject)}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
                {cert.origin === 'trust-source' ? 'from the trust source' : 'supplied'} ·{' '}
                {expiry.text}
              </Typography>
              <Box component="ul" sx={{ listStyle: 'none', p: 0, m: 0, mt: 1 }}>
                {checks
                  .filter((c) => c.mark !== 'ok' || c.id === 'trust-anchor' || c.id === 'hostname')
                  .slice(0, 5)
                  .map((c) => (
                    <Typography
                      key={`${c.id}-${c.message}`}
                      component="li"
                      variant="caption"
                      color={c.mark === 'info' ? 'text.secondary' : `${markColor[c.mark]}.main`}
                      sx={{ display: 'block', overflowWrap: 'anywhere' }}
                    >
                      {markSymbol[c.mark]} {c.message}
                    </Typography>
                  ))}
              </Box>
            </ButtonBase>
          </Fragment>
        );
      })}
      {last && !last.selfIssued && (
        <>
          <Arrow />
          <Box
            role="listitem"
            data-role="missing"
            sx={{
              width: 250,
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
            <Typography variant="body2" color="error.main">
              ✗ neither supplied nor in the trust source
            </Typography>
          </Box>
        </>
      )}
    </Box>
  );
}
