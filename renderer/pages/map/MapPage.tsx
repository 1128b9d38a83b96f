// The connection map page: which of RWS's connections the open configuration protects, each link
// opening its settings; beside it, the guide's authentication flow.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { Response } from '../../../shared/api/contract';
import { authSteps } from '../../../shared/connections/auth-flow';
import type { ConnectionLink } from '../../../shared/connections/types';
import { linkStateText } from '../../../shared/connections/types';
import { api } from '../../api/client';
import type { ConfigModel } from '../../app/use-config';
import { AuthFlowDiagram } from './AuthFlowDiagram';
import { ConnectionDiagram } from './ConnectionDiagram';
import { linkStates, useLinkLooks } from './link-style';
import { errorText } from '../../components/use-async-action';

type MapState = Response<'map.state'>;

function Legend() {
  const linkLooks = useLinkLooks();
  return (
    <Stack direction="row" aria-label="Legend" role="list" sx={{ mt: 1, flexWrap: 'wrap', gap: 1 }}>
      {linkStates.map((state) => (
        <Box
          key={state}
          role="listitem"
          sx={{ display: 'flex', alignItems: 'center', gap: 0.75, fontSize: 13 }}
        >
          <svg width={34} height={14} aria-hidden="true">
            <line
              x1={2}
              y1={7}
              x2={32}
              y2={7}
              stroke={linkLooks[state].color}
              strokeWidth={4}
              strokeDasharray={linkLooks[state].dash}
            />
          </svg>
          <Box component="span" sx={{ color: linkLooks[state].color, fontWeight: 700 }}>
            {linkLooks[state].glyph}
          </Box>
          {linkStateText[state]}
        </Box>
      ))}
    </Stack>
  );
}

function LinkDetails(props: { link: ConnectionLink; onOpen(link: ConnectionLink): void }) {
  const { link } = props;
  const look = useLinkLooks()[link.state];
  return (
    <Paper
      variant="outlined"
      data-link-details={link.id}
      sx={{ p: 2, borderLeft: `6px solid ${look.color}` }}
    >
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {link.peer}
        </Typography>
        <Chip
          size="small"
          label={`${look.glyph} ${linkStateText[link.state]}`}
          sx={{ bgcolor: look.color, color: look.onColor, fontWeight: 600 }}
          data-state-text
        />
        <Box sx={{ flex: 1 }} />
        <Button size="small" onClick={() => props.onOpen(link)}>
          Open settings
        </Button>
      </Stack>
      <Typography variant="body2" sx={{ mt: 1, overflowWrap: 'anywhere' }}>
        {link.summary}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
        {link.validation}
      </Typography>
      {link.reason && (
        <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          Why unknown: {link.reason}
        </Typography>
      )}
      {link.diagnostics.map((d, i) => (
        <Alert
          key={`${d.rule}-${i}`}
          severity={d.severity}
          sx={{ mt: 1, py: 0, overflowWrap: 'anywhere' }}
        >
          {d.message}
        </Alert>
      ))}
    </Paper>
  );
}

export function MapPage(props: { model: ConfigModel; jumpTo(path: string): void }) {
  const [map, setMap] = useState<MapState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const state = props.model.state;

  // The map follows every answered edit: the state object changes with each one.
  useEffect(() => {
    let live = true;
    api['map.state']({}).then(
      (m) => {
        if (live) {
          setMap(m);
          setError(null);
        }
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [state]);

  const open = (link: ConnectionLink) => props.jumpTo(link.target.path);
  const links = map?.links ?? [];
  const shown = links.find((l) => l.id === selected) ?? null;

  return (
    <>
      <Typography variant="h5" component="h1" gutterBottom>
        Connection map
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Which of RWS&apos;s connections are protected, as this configuration says (unsaved edits
        included). Choose a link to open its settings.
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      {map && !map.open && (
        <Alert severity="info">Open an application.yaml to see its connection map.</Alert>
      )}
      {map?.open && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'flex-start' }}>
          <Paper variant="outlined" sx={{ flex: '1 1 560px', minWidth: 0, p: 1.5 }}>
            <ConnectionDiagram
              links={links}
              selected={selected}
              onSelect={setSelected}
              onOpen={open}
            />
            <Legend />
          </Paper>
          <Paper
            variant="outlined"
            sx={{ flex: '0 1 300px', minWidth: 240, p: 1.5 }}
            component="section"
            aria-label="Authentication flow"
          >
            <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 600 }}>
              Authentication flow
            </Typography>
            <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
              What RWS does with each request (the guide). Not set in application.yaml:
              Configuration Server authentication is enabled per contact center.
            </Typography>
            <AuthFlowDiagram />
            <Box component="ol" sx={{ pl: 2.5, my: 1, fontSize: 12.5 }}>
              {authSteps.map((s) => (
                <li key={s.id}>
                  <strong>{s.title}</strong>: {s.applies}
                </li>
              ))}
            </Box>
          </Paper>
        </Box>
      )}
      {map?.open && (
        <Stack sx={{ mt: 2, gap: 1.5 }} component="section" aria-label="Links">
          {(shown ? [shown, ...links.filter((l) => l !== shown)] : links).map((link) => (
            <LinkDetails key={link.id} link={link} onOpen={open} />
          ))}
        </Stack>
      )}
    </>
  );
}

export default MapPage;
