// The connection map's model: one entry per TLS link of RWS (the guide's list), judged from the
// open application.yaml and its diagnostics. Pure data, shared by the main side and the UI.
import type { Diagnostic } from '../diagnostics';
import type { OptionSection } from '../catalog/options';

export type LinkId =
  | 'inbound-https'
  | 'config-server'
  | 'sip-server'
  | 'interaction-server'
  | 'webdav'
  | 'rcs'
  | 'speechminer'
  | 'cassandra';

/**
 * `validated`: encrypted and the peer's certificate is checked; `not-validated`: encrypted but any
 * certificate is accepted; `partly-plain`: HTTPS is served but so is plain HTTP (inbound only);
 * `plain`: no TLS; `misconfigured`: TLS is asked for but a setting is wrong (see the
 * diagnostics); `unknown`: the file cannot say (see `reason`).
 */
export const linkStates = [
  'validated',
  'not-validated',
  'partly-plain',
  'plain',
  'misconfigured',
  'unknown',
] as const;
export type LinkState = (typeof linkStates)[number];

export interface ConnectionLink {
  id: LinkId;
  /** The other end, as the guide names it. */
  peer: string;
  direction: 'inbound' | 'outbound';
  state: LinkState;
  /** What the configuration says about this link, in one or two sentences. */
  summary: string;
  /** How the peer's certificate is checked (or why it is not), when TLS is in use. */
  validation: string;
  /** For `unknown`: why the file cannot tell. */
  reason?: string;
  /** Findings on this link's settings: errors make it `misconfigured` when TLS is on. */
  diagnostics: Diagnostic[];
  /** The form field that governs the link (or holds its first error): clicking the link opens it. */
  target: { section: OptionSection; path: string };
  /** Every option path this link reads. */
  paths: string[];
}

export interface ConnectionMap {
  links: ConnectionLink[];
}

export const linkStateText: Record<LinkState, string> = {
  validated: 'Encrypted, certificate validated',
  'not-validated': 'Encrypted, certificate NOT validated',
  'partly-plain': 'HTTPS, but plain HTTP still served',
  plain: 'Not encrypted',
  misconfigured: 'Misconfigured',
  unknown: 'Not known from this file',
};
