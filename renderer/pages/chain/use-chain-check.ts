// The chain preview's state: what to judge (a file, pasted PEM, a keystore alias or a live
// endpoint), what trusts it, and the last verdict. A file from this computer (chosen or dropped)
// wins over a typed path.
import { useEffect, useState } from 'react';
import type { ChainSource, TrustChoice } from '../../../shared/api/chain-contract';
import type { Response } from '../../../shared/api/contract';
import type { KeystoreView } from '../../../shared/api/keystore-contract';
import type { ProbeReport } from '../../../shared/tls/verdicts';
import { api } from '../../api/client';
import { useAsyncAction } from '../../components/use-async-action';
import type { DroppedFile } from '../keystores/files';
import { takeRequest } from '../keystores/page-requests';
import { trustRequest, type TrustState } from './TrustPicker';

export type SourceKind = 'file' | 'pem' | 'keystore' | 'endpoint';

export interface ChainResult {
  report: Response<'chain.verify'>['report'];
  details: Response<'chain.verify'>['details'];
  source: string;
  probe?: ProbeReport;
}

export function hostOf(hostPort: string): string {
  const match =
    /^\[([^\]]+)\]:\d+$/.exec(hostPort.trim()) ?? /^([^:\s]+):\d+$/.exec(hostPort.trim());
  return match?.[1] ?? '';
}

export function useChainCheck() {
  const [kind, setKind] = useState<SourceKind>('file');
  const [path, setPath] = useState('');
  const [filePassword, setFilePassword] = useState('');
  const [upload, setUpload] = useState<DroppedFile | null>(null);
  const [pem, setPem] = useState('');
  const [store, setStore] = useState<KeystoreView | null>(null);
  const [alias, setAlias] = useState('');
  const [hostPort, setHostPort] = useState('');
  const [host, setHost] = useState('');
  const [choices, setChoices] = useState<TrustChoice[]>([]);
  const [trust, setTrust] = useState<TrustState>({ choice: 'jdk', path: '', password: '' });
  const { busy, error, setError, run: runAsync } = useAsyncAction();
  const [result, setResult] = useState<ChainResult | null>(null);
  // Counts the checks run, so that what the result view chose (an expanded certificate) starts
  // afresh with every new verdict.
  const [checks, setChecks] = useState(0);

  useEffect(() => {
    const request = takeRequest('chain');
    if (request?.alias) {
      setKind('keystore');
      setAlias(request.alias);
    }
    // The default trust comes from the main side: for a keystore entry, the store it is used
    // against in this config; never a trust file that does not exist.
    api['chain.trustChoices'](request?.alias ? { alias: request.alias } : {}).then(
      ({ choices: found, preferred }) => {
        setChoices(found);
        const choice = request?.trustKey ? `config:${request.trustKey}` : preferred;
        if (choice === 'jdk' || found.some((c) => `config:${c.key}` === choice)) {
          setTrust({ choice, path: '', password: '' });
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
      if (upload) {
        return {
          kind: 'upload',
          upload: { name: upload.name, base64: upload.base64 },
          ...password,
        };
      }
      return path.trim() ? { kind: 'file', path: path.trim(), ...password } : null;
    }
    if (kind === 'pem') return pem.trim() ? { kind: 'pem', text: pem } : null;
    if (kind === 'keystore') return alias ? { kind: 'keystore', alias } : null;
    return null;
  };

  const trustChoice = trustRequest(trust);
  const ready =
    trustChoice !== null && (kind === 'endpoint' ? hostOf(hostPort) !== '' : source() !== null);

  /** The endpoint's served chain; throws (shown as the error) when no TLS session came up. */
  const probe = async (trustWith: NonNullable<typeof trustChoice>): Promise<ChainResult> => {
    const probed = await api['probe.run']({ hostPort: hostPort.trim(), trust: trustWith });
    if (host.trim() === '') setHost(hostOf(hostPort));
    const report = probed.report;
    if (!report.connected || !report.chain) {
      throw new Error(
        `No TLS session with ${hostPort.trim()}: ${report.failure?.message ?? 'unknown failure'}`,
      );
    }
    return {
      report: report.chain,
      details: probed.details,
      source: `${hostPort.trim()} (${report.protocol ?? '?'}, ${report.cipher ?? '?'}, ${report.servedCount ?? 0} certificate(s) served)`,
      probe: report,
    };
  };

  const run = async () => {
    if (!trustChoice) return;
    const chosen = source();
    if (kind !== 'endpoint' && !chosen) return;
    const next = await runAsync(() =>
      kind === 'endpoint' || !chosen
        ? probe(trustChoice)
        : api['chain.verify']({ source: chosen, trust: trustChoice }),
    );
    setResult(next);
    if (next) setChecks((n) => n + 1);
  };

  return {
    ...{ kind, setKind, path, setPath, filePassword, setFilePassword, upload, setUpload },
    ...{ pem, setPem, store, alias, setAlias, hostPort, setHostPort, host, setHost },
    ...{ choices, trust, setTrust, busy, error, setError, result, checks, ready, run },
  };
}

export type ChainCheck = ReturnType<typeof useChainCheck>;
