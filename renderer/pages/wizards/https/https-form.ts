// The HTTPS wizard's form: its values, where they start (the open config, or a page that opened
// the wizard prefilled), what blocks each step, and the request the kit receives.
import type { Request } from '../../../../shared/api/contract';
import { parseSanItem, sanListProblems } from '../../../../shared/tls/san-syntax';
import type { WizardPrefill } from '../../keystores/page-requests';
import type { KeyChoice } from '../KeyChoiceField';

export type Mode = Request<'kit.https.run'>['mode'];

export interface HttpsForm {
  mode: Mode;
  san: string;
  dname: string;
  key: KeyChoice;
  days: number;
  csrOut: string;
  replyFile: string;
  keyFile: string;
  certFile: string;
  /** Reply and import modes have no SAN field: the verify step checks this name instead. */
  checkHost: string;
  keystore: string;
  alias: string;
  storeType: 'JKS' | 'PKCS12';
  port: number;
  replace: boolean;
}

/** What each step component of the wizard receives: the form and its setter. */
export interface StepProps {
  form: HttpsForm;
  set<K extends keyof HttpsForm>(key: K, value: HttpsForm[K]): void;
}

export type HttpsPrefill = Extract<WizardPrefill, { wizard: 'https' }>;

export function initialHttpsForm(
  valueOf: (path: string) => unknown,
  prefill: HttpsPrefill | undefined,
): HttpsForm {
  const currentPort = Number(valueOf('ssl.port'));
  const currentStore = valueOf('ssl.keyStorePath');
  return {
    mode: 'self-signed',
    san: prefill?.san ?? 'dns:rws.example.com',
    dname: prefill?.dname ?? '',
    key: 'rsa-2048',
    days: prefill?.days ?? 825,
    csrOut: 'rws.csr',
    replyFile: '',
    keyFile: '',
    certFile: '',
    checkHost: '',
    keystore:
      prefill?.keystore ??
      (typeof currentStore === 'string' && currentStore ? currentStore : 'keystore'),
    alias: prefill?.alias ?? 'jetty',
    storeType: 'JKS',
    port: Number.isInteger(currentPort) && currentPort >= 1024 ? currentPort : 9443,
    replace: prefill?.replace ?? false,
  };
}

export const makesKey = (mode: Mode) => mode === 'self-signed' || mode === 'csr';

export function firstDns(san: string): string | undefined {
  for (const item of san.split(',')) {
    const parsed = parseSanItem(item);
    if (parsed.ok && parsed.san.type === 'dns') return parsed.san.value;
  }
  return undefined;
}

/** Every name and address of the SAN list: the verify step checks each one. */
export function sanHosts(san: string): string[] {
  return san.split(',').flatMap((item) => {
    const parsed = parseSanItem(item);
    return parsed.ok && (parsed.san.type === 'dns' || parsed.san.type === 'ip')
      ? [parsed.san.value]
      : [];
  });
}

/** What the verify step checks the certificate against. */
export function hostsToCheck(form: HttpsForm): string[] {
  if (makesKey(form.mode)) return sanHosts(form.san);
  return form.checkHost.trim() ? [form.checkHost.trim()] : [];
}

/** The SAN list's problems on the step where it is typed (empty for modes without SANs). */
export function sanProblems(form: HttpsForm): string[] {
  return makesKey(form.mode) ? sanListProblems(form.san) : [];
}

/** Whether the first step can move on: the source files named, the SAN list well formed. */
export function sourceReady(form: HttpsForm): boolean {
  if (sanProblems(form).length > 0) return false;
  switch (form.mode) {
    case 'reply':
      return form.replyFile.trim() !== '';
    case 'import':
      return form.keyFile.trim() !== '' && form.certFile.trim() !== '';
    case 'csr':
      return form.csrOut.trim() !== '';
    case 'self-signed':
      return Number.isInteger(form.days) && form.days >= 1 && form.days <= 36500;
  }
}

export function httpsRequest(form: HttpsForm, password: string): Request<'kit.https.run'> {
  return {
    mode: form.mode,
    keystore: form.keystore,
    alias: form.alias,
    storeType: form.storeType,
    password,
    port: form.port,
    san: form.san,
    ...(form.dname.trim() ? { dname: form.dname } : {}),
    key: form.key,
    days: form.days,
    ...(form.mode === 'csr' ? { csrOut: form.csrOut } : {}),
    ...(form.mode === 'reply' ? { replyFile: form.replyFile } : {}),
    ...(form.mode === 'import' ? { keyFile: form.keyFile, certFile: form.certFile } : {}),
    replace: form.replace,
  };
}
