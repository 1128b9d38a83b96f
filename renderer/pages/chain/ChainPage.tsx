// The chain preview: pick what to judge (a file, pasted PEM, a keystore alias, a live endpoint)
// and what trusts it; see the chain drawn with each certificate's verdict, and both host-name
// verdicts for the host RWS connects to.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { ChainSource, TrustChoice } from '../../../shared/api/chain-contract';
import type { Response } from '../../../shared/api/contract';
import type { KeystoreView } from '../../../shared/api/keystore-contract';
import { checkHostnames } from '../../../shared/tls/hostname';
import type { ProbeReport } from '../../../shared/tls/verdicts';
import { api } from '../../api/client';
import { CertificateDetails } from '../../components/certificate/CertificateDetails';
import { commonName } from '../../components/certificate/expiry';
import { ChooseFileButton } from '../keystores/ChooseFileButton';
import { errorText, readDropped, sizeText, type DroppedFile } from '../keystores/files';
import { takeRequest } from '../keystores/page-requests';
import { ChainPicture } from './ChainPicture';
import { bannerOf, hostCheck } from './host-verdict';
import { HostnamePanel } from './HostnamePanel';
import { TrustPicker, trustRequest, type TrustState } from './TrustPicker';

type SourceKind = 'file' | 'pem' | 'keystore' | 'endpoint';

interface Result {
  report: Response<'chain.verify'>['report'];
  details: Response<'chain.verify'>['details'];
  source: string;
  probe?: ProbeReport;
}

function hostOf(hostPort: string): string {
  const match =
    /^\[([^\]]+)\]:\d+$/.exec(hostPort.trim()) ?? /^([^:\s]+):\d+$/.exec(hostPort.trim());
  return match?.[1] ?? '';
}

export default function ChainPage() {
  const [kind, setKind] = useState<SourceKind>('file');
  const [path, setPath] = useState('');
  const [filePassword, setFilePassword] = useState('');
  // A file from this computer, chosen with the picker or dropped on the page; it wins over `path`.
  const [upload, setUpload] = useState<DroppedFile | null>(null);
  const [pem, setPem] = useState('');
  const [store, setStore] = useState<KeystoreView | null>(null);
  const [alias, setAlias] = useState('');
  const [hostPort, setHostPort] = useState('');
  const [host, setHost] = useState('');
  const [choices, setChoices] = useState<TrustChoice[]>([]);
  const [trust, setTrust] = useState<TrustState>({ choice: 'jdk', path: '', password: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [selected, setSelected] = useState<number | null>(null);

  useEffect(() => {
    const request = takeRequest('chain');
    if (request?.alias) {
      setKind('keystore');
      setAlias(request.alias);
    }
    api['chain.trustChoices']({}).then(
      ({ choices: found }) => {
        setChoices(found);
        const preferred = request?.trustKey ?? found[0]?.key;
        if (preferred && found.some((c) => c.key === preferred)) {
          setTrust({ choice: `config:${preferred}`, path: '', password: '' });
        }
      },
      () => undefined,
    );
    api['keystore.state']({}).then(
      ({ view }) => setStore(view),
      () => undefined,
    );
  }, []);

  const source = (): ChainSource | null => {
    const password = filePassword !== '' ? { password: filePassword } : {};
    if (kind === 'file') {
      if (upload)
        return {
          kind: 'upload',
          upload: { name: upload.name, base64: upload.base64 },
          ...password,
        };
      return path.trim() ? { kind: 'file', path: path.trim(), ...password } : null;
    }
    if (kind === 'pem') return pem.trim() ? { kind: 'pem', text: pem } : null;
    if (kind === 'keystore') return alias ? { kind: 'keystore', alias } : null;
    return null;
  };

  const trustChoice = trustRequest(trust);
  const ready =
    trustChoice !== null && (kind === 'endpoint' ? hostOf(hostPort) !== '' : source() !== null);

  const run = async () => {
    if (!trustChoice) return;
    setBusy(true);
    setError(null);
    try {
      if (kind === 'endpoint') {
        const probed = await api['probe.run']({ hostPort: hostPort.trim(), trust: trustChoice });
        if (host.trim() === '') setHost(hostOf(hostPort));
        const report = probed.report;
        if (!report.connected || !report.chain) {
          setResult(null);
          setError(
            `No TLS session with ${hostPort.trim()}: ${report.failure?.message ?? 'unknown failure'}`,
          );
          return;
        }
        setResult({
          report: report.chain,
          details: probed.details,
          source: `${hostPort.trim()} (${report.protocol ?? '?'}, ${report.cipher ?? '?'}, ${report.servedCount ?? 0} certificate(s) served)`,
          probe: report,
        });
      } else {
        const chosen = source();
        if (!chosen) return;
        setResult(await api['chain.verify']({ source: chosen, trust: trustChoice }));
      }
      setSelected(null);
    } catch (e) {
      setResult(null);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const leaf = result?.report.certificates[0];
  const verdict = result?.report.verdict;
  const leafHost = leaf && host.trim() !== '' ? hostCheck(checkHostnames(host.trim(), leaf)) : null;
  const banner = bannerOf(verdict?.trusted ?? false, leafHost);
  const shown = selected !== null ? result?.details[selected] : undefined;

  return (
    <Box
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) e.preventDefault();
      }}
      onDrop={(e) => {
        e.preventDefault();
        const file = e.dataTransfer.files[0];
        if (!file) return;
        readDropped(file).then(
          (read) => {
            setKind('file');
            setError(null);
            setUpload(read);
          },
          (err: unknown) => setError(errorText(err)),
        );
      }}
    >
      <Typography variant="h5" component="h1" gutterBottom>
        Chain preview
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        Judges a certificate chain the way Java would when RWS connects: path to a trusted root,
        validity, CA flags, key usage, and the host name under both rules.
      </Typography>
      <Paper
        variant="outlined"
        component="form"
        aria-label="What to check"
        sx={{ p: 2, mb: 2 }}
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !busy) void run();
        }}
      >
        <Tabs
          value={kind}
          onChange={(_, next: SourceKind) => {
            setKind(next);
            setError(null);
          }}
          aria-label="Source of the chain"
          sx={{ mb: 2 }}
        >
          <Tab value="file" label="File" />
          <Tab value="pem" label="Paste PEM" />
          <Tab value="keystore" label="Keystore alias" />
          <Tab value="endpoint" label="Live endpoint" />
        </Tabs>
        <Stack spacing={2}>
          {kind === 'file' && (
            <Stack direction={{ xs: 'column', md: 'row' }} spacing={1}>
              {upload ? (
                <Alert
                  id="chain-chosen-file"
                  severity="info"
                  data-testid="chain-chosen-file"
                  onClose={() => setUpload(null)}
                  slotProps={{ closeButton: { title: 'Use a path instead' } }}
                  sx={{ flex: 2, minWidth: 0, alignSelf: 'flex-start', overflowWrap: 'anywhere' }}
                >
                  File from this computer: {upload.name} ({sizeText(upload.size)})
                </Alert>
              ) : (
                <TextField
                  id="chain-file"
                  label="Certificate file on the host (PEM bundle, DER, P7B, or a store)"
                  value={path}
                  helperText="Or choose a file from this computer, or drop one on this page."
                  onChange={(e) => setPath(e.target.value)}
                  sx={{ flex: 2 }}
                  slotProps={{ htmlInput: { spellCheck: false } }}
                />
              )}
              <Box sx={{ pt: { md: '2px' }, flexShrink: 0 }}>
                <ChooseFileButton
                  inputId="chain-file-input"
                  label={upload ? 'Choose another file…' : 'Choose file…'}
                  {...(upload ? { describedBy: 'chain-chosen-file' } : {})}
                  onChosen={(chosen) => {
                    setUpload(chosen);
                    setError(null);
                  }}
                  onError={setError}
                />
              </Box>
              <TextField
                id="chain-file-password"
                label="Password (stores only)"
                type="password"
                autoComplete="off"
                value={filePassword}
                onChange={(e) => setFilePassword(e.target.value)}
                sx={{ flex: 1 }}
              />
            </Stack>
          )}
          {kind === 'pem' && (
            <TextField
              id="chain-pem"
              label="PEM certificates, leaf first or in any order"
              value={pem}
              multiline
              minRows={5}
              maxRows={12}
              onChange={(e) => setPem(e.target.value)}
              slotProps={{
                htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: 12 } },
              }}
            />
          )}
          {kind === 'keystore' &&
            (store && store.entries.length > 0 ? (
              <TextField
                select
                id="chain-alias"
                label={`Entry of ${store.file}`}
                value={store.entries.some((e) => e.alias === alias) ? alias : ''}
                onChange={(e) => setAlias(e.target.value)}
              >
                {store.entries.map((e) => (
                  <MenuItem key={e.alias} value={e.alias}>
                    {e.alias} ({e.kind === 'key' ? `key, chain of ${e.chain.length}` : 'trusted'}
                    {e.chain[0] ? `, ${commonName(e.chain[0].subject)}` : ''})
                  </MenuItem>
                ))}
              </TextField>
            ) : (
              <Alert severity="info">
                Open a store in the Keystores page first; its entries are listed here.
              </Alert>
            ))}
          {kind === 'endpoint' && (
            <TextField
              id="chain-endpoint"
              label="Host and port"
              value={hostPort}
              placeholder="cfg.example.com:8443"
              helperText="The app connects from this machine and judges the chain the server sends."
              onChange={(e) => setHostPort(e.target.value)}
              slotProps={{ htmlInput: { spellCheck: false } }}
            />
          )}
          <TrustPicker choices={choices} state={trust} onChange={setTrust} />
          <Box>
            <Button type="submit" variant="contained" disabled={!ready || busy}>
              {busy ? 'Checking…' : kind === 'endpoint' ? 'Connect and check' : 'Check chain'}
            </Button>
          </Box>
          {error && (
            <Alert severity="error" role="alert" sx={{ overflowWrap: 'anywhere' }}>
              {error}
            </Alert>
          )}
        </Stack>
      </Paper>

      {!result && !error && (
        <Paper variant="outlined" sx={{ p: 4, textAlign: 'center' }}>
          <Typography color="text.secondary">
            Choose a certificate source and a trust source, then check the chain.
          </Typography>
        </Paper>
      )}

      {result && verdict && leaf && (
        <Stack spacing={2} component="section" aria-label="Chain verdict">
          <Alert
            severity={banner.severity}
            data-testid="chain-verdict"
            data-reason={verdict.reason}
            data-host-verdict={leafHost?.mark}
            sx={{ overflowWrap: 'anywhere' }}
          >
            <strong>{banner.title}</strong>: {verdict.message.replace(/^trusted: /, '')}
            {leafHost && leafHost.mark !== 'ok' && (
              <Typography variant="body2" sx={{ mt: 0.5 }}>
                Host name: {leafHost.message}.
              </Typography>
            )}
            <Typography variant="body2" sx={{ mt: 0.5 }}>
              Checked: {result.source}
            </Typography>
          </Alert>
          <Paper variant="outlined" sx={{ p: 2, overflowX: 'auto' }}>
            <ChainPicture
              certificates={result.report.certificates}
              leafCheck={leafHost}
              selected={selected}
              onSelect={(i) => setSelected(selected === i ? null : i)}
            />
            {result.report.unused.length > 0 && (
              <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
                {result.report.unused.length} supplied certificate(s) are not part of this chain.
              </Typography>
            )}
          </Paper>
          {shown && (
            <Paper
              variant="outlined"
              component="section"
              sx={{ p: 2 }}
              aria-label="Selected certificate"
            >
              <Typography variant="subtitle1" sx={{ fontWeight: 600, mb: 1 }}>
                {commonName(shown.subject)}
              </Typography>
              <CertificateDetails cert={shown} />
            </Paper>
          )}
          <Paper variant="outlined" sx={{ p: 2 }}>
            <TextField
              id="chain-host"
              label="Host name RWS connects to"
              value={host}
              placeholder="cfg.example.com"
              onChange={(e) => setHost(e.target.value)}
              sx={{ mb: 2, maxWidth: 420 }}
              fullWidth
              slotProps={{ htmlInput: { spellCheck: false } }}
            />
            <HostnamePanel host={host} leaf={leaf} />
          </Paper>
        </Stack>
      )}
    </Box>
  );
}
