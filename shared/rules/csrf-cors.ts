// CSRF protection and the CORS filter (serverSettings.enableCsrfProtection, crossOriginSettings).
import type { OptionPath } from '../catalog/options';
import type { ConfigView } from '../config-view';
import { insertListItem } from '../yaml/list-items';
import type { Report } from './define';
import { asBoolean, defineRule, isTrue, listItems } from './rule';

const CSRF: OptionPath = 'serverSettings.enableCsrfProtection';
const EXPOSED: OptionPath = 'serverSettings.crossOriginSettings.exposedHeaders';
const ALLOWED_HEADERS: OptionPath = 'serverSettings.crossOriginSettings.allowedHeaders';
const ORIGINS: OptionPath = 'serverSettings.crossOriginSettings.allowedOrigins';
const METHODS: OptionPath = 'serverSettings.crossOriginSettings.allowedMethods';
const CREDENTIALS: OptionPath = 'serverSettings.crossOriginSettings.allowCredentials';

export const HTTP_METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'OPTIONS',
  'PATCH',
  'TRACE',
  'CONNECT',
] as const;

const findings = {
  'csrf-exposed-headers': {
    severity: 'error',
    summary: 'CSRF protection on, but exposedHeaders lacks X-CSRF-HEADER or X-CSRF-TOKEN',
  },
  'csrf-allowed-headers': {
    severity: 'warning',
    summary: 'CSRF protection on, but allowedHeaders lacks X-CSRF-TOKEN',
  },
  'csrf-speechminer': {
    severity: 'warning',
    summary: 'CSRF protection disables SpeechMiner labeling/tagging and deletion prevention',
  },
  'cors-origin-wildcard': { severity: 'error', summary: 'a bare * in allowedOrigins' },
  'cors-origin-format': {
    severity: 'error',
    summary: 'an allowed origin that is not scheme://host[:port]',
  },
  'cors-origin-http-credentials': {
    severity: 'warning',
    summary: 'http:// origins allowed to send credentials',
  },
  'cors-method-unknown': {
    severity: 'error',
    summary: 'an unknown HTTP method in allowedMethods',
  },
} as const;

type CorsReport = Report<keyof typeof findings>;

function hasHeader(items: string[] | undefined, name: string): boolean {
  return (items ?? []).some((h) => h.toLowerCase() === name.toLowerCase());
}

/**
 * The quick fix that appends `headers` to a comma-separated list option: only the new items are
 * spliced in, in the list's own separator style. A YAML sequence (or a non-text value) gets no
 * button, only the sentence.
 */
function appendHeaders(view: ConfigView, path: OptionPath, headers: readonly string[]) {
  const current = view.get(path);
  if (current !== undefined && current !== null && typeof current !== 'string') return {};
  let value = typeof current === 'string' ? current : '';
  for (const header of headers) value = insertListItem(value, Infinity, header, ',');
  return {
    quickFix: { label: `Add ${headers.join(', ')}`, edits: [{ path, value }] },
  };
}

function csrfRules(view: ConfigView, report: CorsReport): void {
  if (!isTrue(view, CSRF)) return;
  const exposed = listItems(view.get(EXPOSED));
  const missing = ['X-CSRF-HEADER', 'X-CSRF-TOKEN'].filter((h) => !hasHeader(exposed, h));
  if (missing.length > 0) {
    report({
      id: 'csrf-exposed-headers',
      path: EXPOSED,
      message: `CSRF protection is on, but crossOriginSettings.exposedHeaders does not expose ${missing.join(' and ')}: browser clients cannot read the CSRF token.`,
      fix: `Add ${missing.join(',')} to serverSettings.crossOriginSettings.exposedHeaders (e.g. "X-CSRF-HEADER,X-CSRF-TOKEN").`,
      ...appendHeaders(view, EXPOSED, missing),
    });
  }
  if (!hasHeader(listItems(view.get(ALLOWED_HEADERS)), 'X-CSRF-TOKEN')) {
    report({
      id: 'csrf-allowed-headers',
      path: ALLOWED_HEADERS,
      message:
        'CSRF protection is on, but crossOriginSettings.allowedHeaders does not allow X-CSRF-TOKEN: cross-origin clients cannot send the token back.',
      fix: 'Append X-CSRF-TOKEN to serverSettings.crossOriginSettings.allowedHeaders.',
      ...appendHeaders(view, ALLOWED_HEADERS, ['X-CSRF-TOKEN']),
    });
  }
  report({
    id: 'csrf-speechminer',
    path: CSRF,
    message:
      'SpeechMiner does not support CSRF: with enableCsrfProtection on, its labeling/tagging and deletion prevention stop working.',
    fix: 'Keep CSRF protection only if SpeechMiner labeling/tagging and deletion prevention are not used.',
  });
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(.*)$/;
const LABEL = /^(\*|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)$/;

/** Why `origin` is not scheme://host[:port], or undefined when it is. */
export function originProblem(origin: string): string | undefined {
  const match = SCHEME.exec(origin);
  if (!match) return 'it has no scheme:// prefix';
  const rest = match[2] ?? '';
  if (/[/?#]/.test(rest)) return 'an origin has no path, query or trailing /';
  if (rest.includes('@')) return 'an origin has no user information';
  const hostPort = /^(\[[0-9A-Fa-f:.]+\]|[^:]*)(?::(\d+))?$/.exec(rest);
  if (!hostPort) return 'the port is not a number';
  const host = hostPort[1] ?? '';
  const port = hostPort[2];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    return 'the port is outside 1..65535';
  }
  if (host.startsWith('[')) return undefined;
  if (host === '') return 'the host is empty';
  if (!host.split('.').every((label) => LABEL.test(label))) {
    return 'the host is not a valid name (letters, digits, hyphens, dots; * only as a whole label such as *.example.com)';
  }
  return undefined;
}

function isBareWildcard(origin: string): boolean {
  const host = SCHEME.exec(origin)?.[2];
  return origin === '*' || host === '*' || (host?.startsWith('*:') ?? false);
}

/**
 * Why one item of a list option is invalid on its own (drawn as a red chip with this reason), or
 * undefined. The same judgement as the rules below; findings that depend on other keys (an http://
 * origin with credentials) are warnings about the list, not about the item.
 */
export function listItemProblem(path: string, item: string): string | undefined {
  if (path === ORIGINS) {
    if (isBareWildcard(item)) return 'a bare wildcard would let any site call the API';
    const problem = originProblem(item);
    return problem ? `not scheme://host[:port]: ${problem}` : undefined;
  }
  if (path === METHODS) {
    const known: readonly string[] = HTTP_METHODS;
    return known.includes(item.toUpperCase()) ? undefined : 'not an HTTP method';
  }
  return undefined;
}

function originRules(view: ConfigView, report: CorsReport): void {
  const origins = listItems(view.get(ORIGINS));
  if (!origins) return;
  const httpOrigins: string[] = [];
  for (const origin of origins) {
    if (isBareWildcard(origin)) {
      report({
        id: 'cors-origin-wildcard',
        path: ORIGINS,
        message: `allowedOrigins contains the bare wildcard '${origin}', which RWS does not permit (it would let any site call the API).`,
        fix: 'List each origin, or use a wildcard inside the host such as https://*.example.com.',
      });
      continue;
    }
    const problem = originProblem(origin);
    if (problem) {
      report({
        id: 'cors-origin-format',
        path: ORIGINS,
        message: `allowedOrigins entry '${origin}' is not scheme://host[:port]: ${problem}.`,
        fix: 'Write each origin as scheme://host[:port], e.g. https://portal.example.com:8443, separated by commas.',
      });
    } else if (origin.toLowerCase().startsWith('http://')) {
      httpOrigins.push(origin);
    }
  }
  if (httpOrigins.length > 0 && asBoolean(view.get(CREDENTIALS)) === true) {
    report({
      id: 'cors-origin-http-credentials',
      path: ORIGINS,
      message: `allowCredentials is true while allowedOrigins includes plain-HTTP origins (${httpOrigins.join(', ')}): credentials can be sent from pages an attacker on the network can alter.`,
      fix: 'Use https:// origins, or set allowCredentials to false if those clients do not need credentials.',
    });
  }
}

function methodRules(view: ConfigView, report: CorsReport): void {
  const methods = listItems(view.get(METHODS)) ?? [];
  const known: readonly string[] = HTTP_METHODS;
  const unknown = methods.filter((m) => !known.includes(m.toUpperCase()));
  if (unknown.length === 0) return;
  report({
    id: 'cors-method-unknown',
    path: METHODS,
    message: `allowedMethods contains ${unknown.map((m) => `'${m}'`).join(', ')}, not ${unknown.length > 1 ? 'HTTP methods' : 'an HTTP method'}.`,
    fix: `Use only ${HTTP_METHODS.join(', ')}, separated by commas.`,
  });
}

export const csrfCorsRule = defineRule({
  name: 'csrf-cors',
  findings,
  check(view, report) {
    csrfRules(view, report);
    originRules(view, report);
    methodRules(view, report);
  },
});
