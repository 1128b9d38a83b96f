// One TLS handshake to a live endpoint, judged by us rather than by node: we connect with
// rejectUnauthorized:false and an EMPTY CA store, so node neither refuses the session nor completes
// the peer's chain from its own root store: what we get back is what the server sent.
import { X509Certificate } from 'node:crypto';
import type { DetailedPeerCertificate, PeerCertificate } from 'node:tls';
import { connect, type TLSSocket } from 'node:tls';
import type { ProbeFailureKind } from '../../../shared/tls/verdicts';

export type { ProbeFailureKind };

export interface ProbeTarget {
  host: string;
  port: number;
  /** SNI name; default the host (never sent for an IP address, as TLS forbids it). */
  servername?: string;
  timeoutMs?: number;
}

export interface ProbeSession {
  ok: true;
  protocol: string;
  cipher: string;
  /** The chain as the server sent it: leaf first, issuer links followed without duplicates. */
  served: X509Certificate[];
  durationMs: number;
}

export interface ProbeFailure {
  ok: false;
  kind: ProbeFailureKind;
  message: string;
  durationMs: number;
}

export type ProbeOutcome = ProbeSession | ProbeFailure;

export const DEFAULT_TIMEOUT_MS = 10_000;

function isIp(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

/** Walks issuerCertificate links as node exposes them; stops at a self-reference or a repeat. */
function servedChain(peer: DetailedPeerCertificate): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  let current: PeerCertificate | undefined = peer;
  while (current?.raw) {
    const cert = new X509Certificate(current.raw);
    if (seen.has(cert.fingerprint256)) break;
    seen.add(cert.fingerprint256);
    chain.push(cert);
    const next: DetailedPeerCertificate | undefined = (current as DetailedPeerCertificate)
      .issuerCertificate;
    if (!next || next === current) break;
    current = next;
  }
  return chain;
}

function classify(
  error: NodeJS.ErrnoException & { reason?: string },
  target: ProbeTarget,
): [ProbeFailureKind, string] {
  const where = `${target.host}:${target.port}`;
  const code = error.code ?? '';
  const text = `${error.message} ${error.reason ?? ''}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return ['dns', `${target.host} does not resolve (DNS: ${code}). Check the host name.`];
  }
  if (code === 'ECONNREFUSED') {
    return [
      'refused',
      `${where} refused the connection: nothing listens there. Check the host and port.`,
    ];
  }
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL') {
    return ['unreachable', `${where} is unreachable (${code}). Check routing and firewalls.`];
  }
  if (
    /wrong version number|packet length too long|unknown protocol|http request|record layer failure|unexpected message/i.test(
      text,
    )
  ) {
    return [
      'not-tls',
      `${where} answered, but not with TLS (is it a plain HTTP or non-TLS port?).`,
    ];
  }
  if (
    code === 'ECONNRESET' ||
    code === 'EPIPE' ||
    /socket disconnected|socket hang up/i.test(text)
  ) {
    return [
      'reset',
      `${where} closed the connection during the TLS handshake (a non-TLS port, or the server refuses this client: protocol, cipher or a required client certificate).`,
    ];
  }
  if (/alert/i.test(text) || code.startsWith('ERR_SSL')) {
    return ['handshake', `${where}: TLS handshake failed (${error.reason ?? error.message}).`];
  }
  return ['handshake', `${where}: ${error.message}`];
}

/** Connects, captures the served chain, protocol and cipher, and closes. Never throws. */
export function probeTls(target: ProbeTarget): Promise<ProbeOutcome> {
  const timeoutMs = target.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const started = Date.now();
  const elapsed = (): number => Date.now() - started;
  const servername = target.servername ?? (isIp(target.host) ? undefined : target.host);
  return new Promise<ProbeOutcome>((resolve) => {
    let socket: TLSSocket | undefined;
    let settled = false;
    let tcpConnected = false;
    const finish = (outcome: ProbeOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket?.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      const where = `${target.host}:${target.port}`;
      finish({
        ok: false,
        kind: 'timeout',
        message: tcpConnected
          ? `${where} accepted the connection but did not complete a TLS handshake within ${timeoutMs / 1000} s (not a TLS port?).`
          : `${where} did not answer within ${timeoutMs / 1000} s (host down or filtered by a firewall).`,
        durationMs: elapsed(),
      });
    }, timeoutMs);
    try {
      socket = connect({
        host: target.host,
        port: target.port,
        ...(servername && !isIp(servername) ? { servername } : {}),
        rejectUnauthorized: false,
        // An empty CA list keeps node from appending roots of its own store to the peer chain.
        ca: [],
        // Accept what an old server still speaks: we report the protocol, we do not negotiate policy.
        minVersion: 'TLSv1',
      });
    } catch (err) {
      const [kind, message] = classify(err as NodeJS.ErrnoException, target);
      finish({ ok: false, kind, message, durationMs: elapsed() });
      return;
    }
    socket.once('connect', () => {
      tcpConnected = true;
    });
    socket.once('secureConnect', () => {
      const s = socket as TLSSocket;
      const peer = s.getPeerCertificate(true);
      const served = peer && 'raw' in peer && peer.raw ? servedChain(peer) : [];
      if (served.length === 0) {
        finish({
          ok: false,
          kind: 'no-certificate',
          message: `${target.host}:${target.port} completed a handshake without a certificate (anonymous cipher or PSK).`,
          durationMs: elapsed(),
        });
        return;
      }
      finish({
        ok: true,
        protocol: s.getProtocol() ?? 'unknown',
        cipher: s.getCipher().standardName ?? s.getCipher().name,
        served,
        durationMs: elapsed(),
      });
    });
    socket.once('error', (err) => {
      const [kind, message] = classify(err as NodeJS.ErrnoException & { reason?: string }, target);
      finish({ ok: false, kind, message, durationMs: elapsed() });
    });
    socket.once('close', () => {
      finish({
        ok: false,
        kind: 'reset',
        message: `${target.host}:${target.port} closed the connection before the TLS handshake completed.`,
        durationMs: elapsed(),
      });
    });
  });
}
