// The navigation: one page per catalog section, then the pages that are not forms.
import { options, type OptionSection, type OptionSpec } from '../../shared/catalog/options';

export type PageId =
  OptionSection | 'other' | 'problems' | 'wizards' | 'map' | 'keystores' | 'chain';

export const formPages: readonly { id: OptionSection; title: string; intro: string }[] = [
  {
    id: 'https',
    title: 'HTTPS',
    intro: 'The HTTPS connector clients use to reach RWS (Jetty), and its keystore.',
  },
  {
    id: 'outbound',
    title: 'Outbound TLS',
    intro:
      'How RWS checks the certificates of Configuration, SIP and Interaction Server, WebDAV, Recording Crypto Server and SpeechMiner.',
  },
  {
    id: 'cassandra',
    title: 'Cassandra',
    intro: 'TLS and authentication for the connection from RWS to Cassandra.',
  },
  {
    id: 'cors-csrf',
    title: 'CORS & CSRF',
    intro: 'Which browser origins may call RWS, and the CSRF token headers they need.',
  },
  {
    id: 'on-premise',
    title: 'On-premise',
    intro: 'The connection to Configuration Server on the synchronization node.',
  },
];

export const pageTitles: Record<PageId, string> = {
  ...(Object.fromEntries(formPages.map((p) => [p.id, p.title])) as Record<OptionSection, string>),
  other: 'Other keys',
  problems: 'Problems',
  wizards: 'Wizards',
  map: 'Connection map',
  keystores: 'Keystores',
  chain: 'Chain preview',
};

/** Options a page shows: older layouts (alternativeTo) are edited through their primary field. */
export function pageOptions(section: OptionSection): OptionSpec[] {
  return options.filter((o) => o.section === section && o.alternativeTo === undefined);
}

/** The catalog option a diagnostic path belongs to (exact, older layout, or nearest parent). */
export function optionForPath(path: string): OptionSpec | undefined {
  const exact = options.find((o) => o.path === path);
  if (exact)
    return exact.alternativeTo ? options.find((o) => o.path === exact.alternativeTo) : exact;
  return options
    .filter((o) => path.startsWith(`${o.path}.`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

export function fieldId(optionPath: string): string {
  return `opt-${optionPath.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
