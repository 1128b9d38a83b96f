// CSRF protection and the CORS filter (serverSettings.enableCsrfProtection, crossOriginSettings).
import type { ConfigView } from '../config-view';
import type { Diagnostic } from '../diagnostics';
import { asBoolean, asText, diagnostic, isTrue, listItems, type RuleInfo } from './rule';

const CSRF = 'serverSettings.enableCsrfProtection';
const CORS = 'serverSettings.crossOriginSettings';
const EXPOSED = `${CORS}.exposedHeaders`;
const ALLOWED_HEADERS = `${CORS}.allowedHeaders`;
const ORIGINS = `${CORS}.allowedOrigins`;
const METHODS = `${CORS}.allowedMethods`;
const TTL = `${CORS}.corsFilterCacheTimeToLive`;
const CREDENTIALS = `${CORS}.allowCredentials`;

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

export const csrfCorsRuleInfo: RuleInfo[] = [
  {
    id: 'csrf-exposed-headers',
    severity: 'error',
    summary: 'CSRF protection on, but exposedHeaders lacks X-CSRF-HEADER or X-CSRF-TOKEN',
  },
  {
    id: 'csrf-allowed-headers',
    severity: 'warning',
    summary: 'CSRF protection on, but allowedHeaders lacks X-CSRF-TOKEN',
  },
  {
    id: 'csrf-speechminer',
    severity: 'warning',
    summary: 'CSRF protection disables SpeechMiner labeling/tagging and deletion prevention',
  },
  { id: 'cors-origin-wildcard', severity: 'error', summary: 'a bare * in allowedOrigins' },
  {
    id: 'cors-origin-format',
    severity: 'error',
    summary: 'an allowed origin that is not scheme://host[:port]',
  },
  {
    id: 'cors-origin-http-credentials',
    severity: 'warning',
    summary: 'http:// origins allowed to send credentials',
  },
  {
    id: 'cors-method-unknown',
    severity: 'error',
    summary: 'an unknown HTTP method in allowedMethods',
  },
  {
    id: 'cors-cache-ttl',
    severity: 'error',
    summary: 'corsFilterCacheTimeToLive negative or not a whole number',
  },
];

function hasHeader(items: string[] | undefined, name: string): boolean {
  return (items ?? []).some((h) => h.toLowerCase() === name.toLowerCase());
}

function csrfRules(view: ConfigView): Diagnostic[] {
  if (!isTrue(view, CSRF)) return [];
  const out: Diagnostic[] = [];
  const exposed = listItems(view.get(EXPOSED));
  const missing = ['X-CSRF-HEADER', 'X-CSRF-TOKEN'].filter((h) => !hasHeader(exposed, h));
  if (missing.length > 0) {
    out.push(
      diagnostic(
        view,
        'error',
        'csrf-exposed-headers',
        EXPOSED,
        `CSRF protection is on, but crossOriginSettings.exposedHeaders does not expose ${missing.join(' and ')}: browser clients cannot read the CSRF token.`,
        `Add ${missing.join(',')} to serverSettings.crossOriginSettings.exposedHeaders (e.g. "X-CSRF-HEADER,X-CSRF-TOKEN").`,
      ),
    );
  }
  if (!hasHeader(listItems(view.get(ALLOWED_HEADERS)), 'X-CSRF-TOKEN')) {
    out.push(
      diagnostic(
        view,
        'warning',
        'csrf-allowed-headers',
        ALLOWED_HEADERS,
        'CSRF protection is on, but crossOriginSettings.allowedHeaders does not allow X-CSRF-TOKEN: cross-origin clients cannot send the token back.',
        'Append X-CSRF-TOKEN to serverSettings.crossOriginSettings.allowedHeaders.',
      ),
    );
  }
  out.push(
    diagnostic(
      view,
      'warning',
      'csrf-speechminer',
      CSRF,
      'SpeechMiner does not support CSRF: with enableCsrfProtection on, its labeling/tagging and deletion prevention stop working.',
      'Keep CSRF protection only if SpeechMiner labeling/tagging and deletion prevention are not used.',
    ),
  );
  return out;
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

function originRules(view: ConfigView): Diagnostic[] {
  const origins = listItems(view.get(ORIGINS));
  if (!origins) return [];
  const out: Diagnostic[] = [];
  const httpOrigins: string[] = [];
  for (const origin of origins) {
    const host = SCHEME.exec(origin)?.[2];
    if (origin === '*' || host === '*' || (host?.startsWith('*:') ?? false)) {
      out.push(
        diagnostic(
          view,
          'error',
          'cors-origin-wildcard',
          ORIGINS,
          `allowedOrigins contains the bare wildcard '${origin}', which RWS does not permit (it would let any site call the API).`,
          'List each origin, or use a wildcard inside the host such as https://*.example.com.',
        ),
      );
      continue;
    }
    const problem = originProblem(origin);
    if (problem) {
      out.push(
        diagnostic(
          view,
          'error',
          'cors-origin-format',
          ORIGINS,
          `allowedOrigins entry '${origin}' is not scheme://host[:port]: ${problem}.`,
          'Write each origin as scheme://host[:port], e.g. https://portal.example.com:8443, separated by commas.',
        ),
      );
    } else if (origin.toLowerCase().startsWith('http://')) {
      httpOrigins.push(origin);
    }
  }
  if (httpOrigins.length > 0 && asBoolean(view.get(CREDENTIALS)) === true) {
    out.push(
      diagnostic(
        view,
        'warning',
        'cors-origin-http-credentials',
        ORIGINS,
        `allowCredentials is true while allowedOrigins includes plain-HTTP origins (${httpOrigins.join(', ')}): credentials can be sent from pages an attacker on the network can alter.`,
        'Use https:// origins, or set allowCredentials to false if those clients do not need credentials.',
      ),
    );
  }
  return out;
}

function methodRules(view: ConfigView): Diagnostic[] {
  const methods = listItems(view.get(METHODS)) ?? [];
  const known: readonly string[] = HTTP_METHODS;
  const unknown = methods.filter((m) => !known.includes(m.toUpperCase()));
  if (unknown.length === 0) return [];
  return [
    diagnostic(
      view,
      'error',
      'cors-method-unknown',
      METHODS,
      `allowedMethods contains ${unknown.map((m) => `'${m}'`).join(', ')}, not ${unknown.length > 1 ? 'HTTP methods' : 'an HTTP method'}.`,
      `Use only ${HTTP_METHODS.join(', ')}, separated by commas.`,
    ),
  ];
}

function ttlRules(view: ConfigView): Diagnostic[] {
  const value = view.get(TTL);
  if (value === undefined || value === null) return [];
  const text = asText(value);
  const number = text === undefined || text.trim() === '' ? NaN : Number(text);
  if (Number.isInteger(number) && number >= 0) return [];
  return [
    diagnostic(
      view,
      'error',
      'cors-cache-ttl',
      TTL,
      `corsFilterCacheTimeToLive must be a whole number of zero or more, not ${JSON.stringify(value)}.`,
      'Set corsFilterCacheTimeToLive to a whole number such as 120.',
    ),
  ];
}

export function csrfCorsRule(view: ConfigView): Diagnostic[] {
  return [...csrfRules(view), ...originRules(view), ...methodRules(view), ...ttlRules(view)];
}
