// The wizards' verify step, without keytool or a JVM: open the written store with our reader,
// check its entries and key, and judge a chain against a trust file (or a live endpoint's chain).
import type { X509Certificate } from 'node:crypto';
import type { Request, Response } from '../../shared/api/contract';
import { trustSourceOf, type TrustSource } from '../services/chain/trust-source';
import { verifyChain } from '../services/chain/verify';
import type { KeyEntry } from '../services/keystore/model';
import { parseHostPort, probeEndpoint } from '../services/probe/probe-endpoint';
import type { EditingSession } from '../services/session/editing-session';
import type { HeavyWork } from '../services/heavy/heavy-work';
import { keysMatch } from '../services/x509/keys';
import { KitError } from '../services/kits/kit-error';

type Check = Response<'kit.verify.store'>['checks'][number];

function oneLine(name: string): string {
  return name.split('\n').join(', ');
}

function daysLeft(cert: X509Certificate, now: Date): number {
  return Math.floor((new Date(cert.validTo).getTime() - now.getTime()) / 86_400_000);
}

function chainChecks(
  entry: KeyEntry,
  trust: TrustSource,
  hosts: readonly string[],
  standardOnly: boolean,
): Check[] {
  const chain = { certificates: entry.chain, leafFirst: true, trust: [trust] };
  // The chain verdict without the host, so a name mismatch is reported once, on its own lines,
  // and not as a broken chain.
  const report = verifyChain(chain);
  const checks: Check[] = [
    {
      mark: report.verdict.trusted ? 'ok' : 'fail',
      text: `Chain against ${trust.name}: ${report.verdict.message}`,
    },
  ];
  // Every name clients may use (each SAN of a new certificate), each judged by both rules.
  for (const host of hosts) {
    const named = verifyChain({ ...chain, host, hostnameRule: 'rws' });
    if (!named.hostname) continue;
    const verdicts = standardOnly
      ? [named.hostname.rfc6125]
      : [named.hostname.rws, named.hostname.rfc6125];
    for (const v of verdicts) {
      checks.push({
        mark: v.status === 'match' ? 'ok' : v.status === 'unknown' ? 'warn' : 'fail',
        text: `Host name ${v.host} (${v.rule === 'rws' ? "RWS's rule" : 'standard rule'}): ${v.message}`,
      });
    }
  }
  return checks;
}

export async function verifyStore(
  session: EditingSession,
  work: HeavyWork,
  r: Request<'kit.verify.store'>,
): Promise<Response<'kit.verify.store'>> {
  const file = session.resolvePath(r.store);
  const { store } = await work.run('readKeystoreFile', file, { password: r.password });
  const now = new Date();
  const checks: Check[] = [
    {
      mark: store.entries.length > 0 ? 'ok' : 'fail',
      text: `${file} opens with the password: ${store.type}, ${store.entries.length} entr${store.entries.length === 1 ? 'y' : 'ies'} (${store.entries.map((e) => `${e.alias}: ${e.kind === 'key' ? `key + chain of ${e.chain.length}` : 'trusted certificate'}`).join('; ') || 'none'}).`,
    },
  ];
  if (r.alias === undefined) {
    for (const e of store.entries.filter((x) => x.kind === 'trusted')) {
      const cert = e.chain[0];
      checks.push({
        mark: daysLeft(cert, now) > 30 ? 'ok' : 'warn',
        text: `Trusted "${e.alias}": ${oneLine(cert.subject)}, valid until ${cert.validTo} (${daysLeft(cert, now)} days).`,
      });
    }
    return { checks };
  }
  const alias = r.alias.toLowerCase();
  const entry = store.entries.find((e) => e.alias === alias);
  if (!entry || entry.kind !== 'key') {
    checks.push({ mark: 'fail', text: `No key entry "${alias}" in ${file}.` });
    return { checks };
  }
  const leaf = entry.chain[0];
  if (!leaf) throw new KitError(`${file}: entry "${alias}" has no certificate.`);
  checks.push({
    mark: keysMatch(entry.privateKey, leaf.publicKey) ? 'ok' : 'fail',
    text: `"${alias}": the private key matches the certificate ${oneLine(leaf.subject)}.`,
  });
  const left = daysLeft(leaf, now);
  checks.push({
    mark: left > 30 ? 'ok' : left >= 0 ? 'warn' : 'fail',
    text: `Valid until ${leaf.validTo} (${left} days left).`,
  });
  const top = entry.chain[entry.chain.length - 1] ?? leaf;
  const trust = r.trustFile
    ? await work.run('loadTrustFile', session.resolvePath(r.trustFile), r.trustPassword)
    : trustSourceOf('its own top certificate', [top]);
  const hosts = [...new Set([...(r.host ? [r.host] : []), ...(r.hosts ?? [])])];
  checks.push(...chainChecks(entry, trust, hosts, r.hostnameRules === 'standard'));
  return { checks };
}

export async function verifyEndpoint(
  session: EditingSession,
  work: HeavyWork,
  r: Request<'kit.verify.endpoint'>,
): Promise<Response<'kit.verify.endpoint'>> {
  const target = parseHostPort(r.endpoint.trim());
  if (!target) throw new KitError(`Give the endpoint as HOST:PORT, not '${r.endpoint}'.`);
  const trust = await work.run('loadTrustFile', session.resolvePath(r.trustFile), r.trustPassword);
  const { report } = await probeEndpoint({ ...target, trust: [trust], hostnameRule: 'rws' });
  if (!report.connected) {
    return {
      checks: [
        { mark: 'fail', text: `${r.endpoint}: ${report.failure?.message ?? 'no connection'}` },
      ],
    };
  }
  const checks: Check[] = [
    {
      mark: 'ok',
      text: `${r.endpoint} answered over ${report.protocol ?? 'TLS'} and sent ${report.servedCount ?? 0} certificate(s).`,
    },
  ];
  if (report.chain) {
    checks.push({
      mark: report.chain.verdict.trusted ? 'ok' : 'fail',
      text: `With ${trust.name}: ${report.chain.verdict.message}`,
    });
    const rws = report.chain.hostname?.rws;
    if (rws) {
      checks.push({
        mark: rws.status === 'match' ? 'ok' : rws.status === 'unknown' ? 'warn' : 'fail',
        text: `Host name (RWS's rule): ${rws.message}`,
      });
    }
  }
  return { checks };
}
