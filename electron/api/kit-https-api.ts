// The HTTPS wizard's main side: plans or runs the HTTPS kit on the keystore, and returns the
// enableSsl / ssl.* values for the OPEN session (applied there as pending edits, saved through the
// reviewed save) instead of writing application.yaml behind the editor's back.
import type { Request, Response } from '../../shared/api/contract';
import { enableSslPath } from '../../shared/rules/rule';
import { httpsEdits } from '../services/kits/config-values';
import { SUGGESTED_PORT, type HttpsSource } from '../services/kits/https-kit';
import { KitError } from '../services/kits/kit-error';
import { commitFiles } from '../services/kits/transaction';
import type { EditingSession } from '../services/session/editing-session';
import type { HeavyWork } from '../services/heavy/heavy-work';
import { parseSanList } from '../services/x509/names';
import { describeCertificate } from '../services/x509/describe';
import { configPathValue, describeFiles, keySpecOf, missingFolders } from './kit-files';
import { applyKitEdits, noConfigWarning, openDocument } from './session-doc';

type HttpsRequest = Request<'kit.https.run'>;
type KitResult = Response<'kit.https.run'>;

function need(value: string | undefined, what: string): string {
  if (value === undefined || value.trim() === '') throw new KitError(`Give ${what}.`);
  return value;
}

function sourceOf(r: HttpsRequest, session: EditingSession): HttpsSource {
  const san = parseSanList(r.san ?? '');
  const firstName = san.find((s) => s.type === 'dns')?.value;
  const dname = r.dname?.trim() || `CN=${firstName ?? 'rws'}`;
  const key = keySpecOf(r.key ?? 'rsa-2048');
  switch (r.mode) {
    case 'self-signed':
      return { mode: 'self-signed', dname, san, key, days: r.days ?? 825 };
    case 'csr':
      return {
        mode: 'csr',
        csrOut: session.resolvePath(need(r.csrOut, 'the file to write the CSR to')),
        dname,
        san,
        key,
      };
    case 'reply':
      return {
        mode: 'reply',
        replyFile: session.resolvePath(need(r.replyFile, "the CA's reply (signed certificate)")),
      };
    case 'import':
      return {
        mode: 'import',
        keyFile: session.resolvePath(need(r.keyFile, 'the PEM private key file')),
        certFile: session.resolvePath(need(r.certFile, 'the PEM certificate (chain) file')),
        ...(r.keyPassword ? { keyPassword: r.keyPassword } : {}),
      };
  }
}

export async function httpsKit(
  session: EditingSession,
  work: HeavyWork,
  r: HttpsRequest,
  run: boolean,
): Promise<KitResult> {
  const keystore = session.resolvePath(r.keystore);
  const plan = await work.run('planHttpsKit', {
    keystore,
    alias: r.alias,
    storeType: r.storeType,
    storepass: r.password,
    source: sourceOf(r, session),
    replace: r.replace ?? false,
    port: r.port,
  });
  const warnings = [...plan.warnings];
  if (r.port < 1024) {
    warnings.push(
      `Port ${r.port} is below 1024: on Unix only root can open it, and the guide advises against running RWS as root. Use a port such as ${SUGGESTED_PORT}.`,
    );
  }
  // A CSR's entry holds a placeholder certificate until the CA's reply: HTTPS stays as it is.
  let edits: KitResult['edits'] = [];
  if (r.mode !== 'csr') {
    const doc = await openDocument(session);
    if (doc) {
      edits = httpsEdits(doc, {
        port: r.port,
        keyStorePath: configPathValue(session, r.keystore, keystore),
        storepass: r.password,
      });
      // Keep the flag where this file has it (top level, or jetty.enableSsl in older layouts).
      edits[0] = { path: enableSslPath(doc), value: true };
    } else warnings.push(noConfigWarning);
  }
  const described = {
    files: describeFiles(plan.files),
    newFolders: missingFolders(plan.files),
    warnings,
    summary: plan.summary,
    edits,
    ...(plan.certificate ? { certificate: describeCertificate(plan.certificate) } : {}),
  };
  if (!run) return described;
  const result = await commitFiles(plan.files);
  const applied = await applyKitEdits(session, edits, warnings);
  return { ...described, backups: result.backups, applied };
}
