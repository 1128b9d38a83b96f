// The outbound trust wizard's main side: the chain a live server sends (to choose what to trust),
// the trust file written, and the values naming it for the open session.
import type { X509Certificate } from 'node:crypto';
import type { Request, Response } from '../../shared/api/contract';
import { trustEdits } from '../services/kits/config-values';
import { KitError } from '../services/kits/kit-error';
import { commitFiles } from '../services/kits/transaction';
import { parseHostPort } from '../services/probe/probe-endpoint';
import { probeTls, type ProbeSession } from '../services/probe/tls-probe';
import type { EditingSession } from '../services/session/editing-session';
import type { HeavyWork } from '../services/heavy/heavy-work';
import { configPathValue, describeFiles, missingFolders } from './kit-files';
import { applyKitEdits, noConfigWarning, openDocument } from './session-doc';

function isSelfSigned(cert: X509Certificate): boolean {
  return cert.checkIssued(cert) && cert.verify(cert.publicKey);
}

export async function servedChain(endpoint: string): Promise<ProbeSession> {
  const target = parseHostPort(endpoint.trim());
  if (!target)
    throw new KitError(`Give the endpoint as HOST:PORT (or [IPv6]:PORT), not '${endpoint}'.`);
  const outcome = await probeTls(target);
  if (!outcome.ok) {
    throw new KitError(
      `Cannot take the chain of ${endpoint}: ${outcome.message} Use a file with the CA certificate instead.`,
    );
  }
  return outcome;
}

export async function probeChain(
  r: Request<'kit.trust.probe'>,
): Promise<Response<'kit.trust.probe'>> {
  const outcome = await servedChain(r.endpoint);
  const chain = outcome.served.map((c) => ({
    subject: c.subject.split('\n').join(', '),
    issuer: c.issuer.split('\n').join(', '),
    selfSigned: isSelfSigned(c),
    ca: c.ca,
    notAfter: new Date(c.validTo).toISOString(),
    fingerprint256: c.fingerprint256,
  }));
  return { protocol: outcome.protocol, chain, rootSent: chain.some((c) => c.selfSigned) };
}

/** What the trust kit would write and set, computed without writing anything. */
async function prepareTrust(session: EditingSession, work: HeavyWork, r: Request<'kit.trust.run'>) {
  let source: { certificates: X509Certificate[]; origin: string; fromServer: boolean };
  if ('endpoint' in r.source) {
    const outcome = await servedChain(r.source.endpoint);
    source = { certificates: outcome.served, origin: r.source.endpoint, fromServer: true };
  } else {
    const read = await work.run(
      'readCertificateFile',
      session.resolvePath(r.source.file),
      r.source.password,
    );
    source = {
      certificates: read.certificates.map((c) => c.cert),
      origin: read.file,
      fromServer: false,
    };
  }
  const out = session.resolvePath(r.out);
  const storepass = r.format === 'jks' ? r.password : undefined;
  const plan = await work.run('planTrustKit', {
    target: r.target,
    ...source,
    out,
    format: r.format,
    ...(storepass !== undefined ? { storepass } : {}),
  });
  const warnings = [...plan.warnings];
  const doc = await openDocument(session);
  const edits = doc
    ? trustEdits(doc, {
        target: r.target,
        file: configPathValue(session, r.out, out),
        ...(storepass !== undefined ? { storepass } : {}),
        ...(storepass !== undefined && r.crypt ? { crypt: r.crypt } : {}),
      }).map((e) => ('delete' in e ? { path: e.path, delete: true } : e))
    : [];
  if (!doc) warnings.push(noConfigWarning);
  const result = {
    files: describeFiles(plan.files),
    newFolders: missingFolders(plan.files),
    warnings,
    summary: plan.summary,
    edits,
  };
  return { plan, result };
}

/** The review before writing: the file, the folders a write would create, the values. */
export async function trustPlan(
  session: EditingSession,
  work: HeavyWork,
  r: Request<'kit.trust.plan'>,
): Promise<Response<'kit.trust.plan'>> {
  return (await prepareTrust(session, work, r)).result;
}

export async function trustKit(
  session: EditingSession,
  work: HeavyWork,
  r: Request<'kit.trust.run'>,
): Promise<Response<'kit.trust.run'>> {
  const { plan, result } = await prepareTrust(session, work, r);
  const committed = await commitFiles(plan.files);
  const applied = await applyKitEdits(session, result.edits, result.warnings);
  return { ...result, backups: committed.backups, applied };
}
