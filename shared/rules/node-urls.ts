// The URLs in serverSettings that point at this RWS node (externalApiUrlV2 and its siblings), read
// without normalising so a fix can rewrite only the scheme and the port of what the file says.
import type { ConfigView } from '../config-view';
import { asText } from './rule';

export interface NodeUrl {
  /** Dotted path of the key holding the URL. */
  path: string;
  scheme: string;
  host: string;
  /** As written; undefined when the URL gives none. */
  port: number | undefined;
  /** Path, query and fragment, exactly as written. */
  rest: string;
}

const URL_TEXT = /^(https?):\/\/(\[[^\]]+\]|[^/:?#\s]+)(?::(\d+))?([/?#]\S*)?$/i;

export function parseHttpUrl(path: string, text: string): NodeUrl | undefined {
  const match = URL_TEXT.exec(text.trim());
  if (!match) return undefined;
  const [, scheme = '', host = '', port, rest = ''] = match;
  return {
    path,
    scheme: scheme.toLowerCase(),
    host,
    port: port === undefined ? undefined : Number(port),
    rest,
  };
}

/** The port a client reaches: the written one, or the scheme's default. */
export function effectivePort(url: NodeUrl): number {
  return url.port ?? (url.scheme === 'https' ? 443 : 80);
}

/** The URL with scheme https and `port` (left out when it is 443), the rest untouched. */
export function httpsUrl(url: NodeUrl, port: number): string {
  return `https://${url.host}${port === 443 ? '' : `:${port}`}${url.rest}`;
}

const MAIN = 'serverSettings.externalApiUrlV2';

/**
 * externalApiUrlV2, and every other *Url/*Uri key directly in serverSettings that names the same
 * host or the plain-HTTP port (jetty.port): the URLs clients and other nodes use to reach this one.
 */
export function nodeUrls(view: ConfigView, httpPort: number | undefined): NodeUrl[] {
  const main = parseHttpUrl(MAIN, asText(view.get(MAIN)) ?? '');
  const out: NodeUrl[] = main ? [main] : [];
  for (const key of view.keys('serverSettings') ?? []) {
    const path = `serverSettings.${key}`;
    if (path === MAIN || !/ur[li]/i.test(key)) continue;
    const url = parseHttpUrl(path, asText(view.get(path)) ?? '');
    if (!url) continue;
    const sameHost = main !== undefined && url.host.toLowerCase() === main.host.toLowerCase();
    if (sameHost || (httpPort !== undefined && effectivePort(url) === httpPort)) out.push(url);
  }
  return out;
}
