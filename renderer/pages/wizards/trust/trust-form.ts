// The outbound trust wizard's form: the peer, the CA's source, the trust file to write, and the
// request the kit receives.
import type { Request, Response } from '../../../../shared/api/contract';

export type TrustTarget = Request<'kit.trust.run'>['target'];

export const trustTargets: { id: TrustTarget; label: string }[] = [
  {
    id: 'config-server',
    label: 'Configuration, SIP and Interaction Server (caCertificate: ONE CA)',
  },
  { id: 'webdav', label: 'WebDAV (webDAVTrustedCA)' },
  { id: 'rcs', label: 'Recording Crypto Server (rcsTrustedCA)' },
  { id: 'speechminer', label: 'SpeechMiner Interaction Receiver (speechMinerTrustedCA)' },
];

export interface TrustForm {
  target: TrustTarget;
  sourceKind: 'file' | 'endpoint';
  file: string;
  endpoint: string;
  served: Response<'kit.trust.probe'> | null;
  out: string;
  format: 'jks' | 'pem';
}

export function initialTrustForm(prefill?: { target: TrustTarget; out?: string }): TrustForm {
  const out = prefill?.out ?? 'trust/ca.jks';
  return {
    target: prefill?.target ?? 'config-server',
    sourceKind: 'file',
    file: '',
    endpoint: '',
    served: null,
    out,
    format: formatOf(out),
  };
}

/** A name ending in .pem/.crt/.cer is written as PEM; anything else as JKS. */
export function formatOf(out: string): 'jks' | 'pem' {
  return /\.(pem|crt|cer)$/i.test(out) ? 'pem' : 'jks';
}

export function trustRequest(form: TrustForm, password: string): Request<'kit.trust.run'> {
  return {
    target: form.target,
    source: form.sourceKind === 'file' ? { file: form.file } : { endpoint: form.endpoint },
    out: form.out,
    format: form.format,
    ...(form.format === 'jks' ? { password } : {}),
  };
}
