// The page registry: every page of the app, once. The navigation, the router (PageView) and the
// problem badges read this list; adding a page is one entry here plus its component.
import { lazy, type ComponentType } from 'react';
import type { OptionSection } from '../../shared/catalog/options';
import { OtherKeysPage } from '../pages/OtherKeysPage';
import { ProblemsPage } from '../pages/ProblemsPage';
import { SectionPage } from '../pages/SectionPage';
import type { ConfigModel } from './use-config';

/** What the shell hands every page. */
export interface PageProps {
  model: ConfigModel;
  /** This page's own registry entry (title, intro, form section). */
  page: PageEntry;
  /** Show the field of the catalog option a path belongs to (or Other keys when none does). */
  jumpTo(path: string): void;
  /** The desktop app (native file dialogs), not `rwsec serve` in a browser. */
  desktop: boolean;
}

/** Navigation groups, in the order the nav shows them (a divider between groups). */
export const navGroups = ['settings', 'tools'] as const;
export type NavGroup = (typeof navGroups)[number];

export interface PageEntry {
  readonly id: string;
  readonly title: string;
  readonly intro?: string;
  readonly group: NavGroup;
  /**
   * 'form' and 'wide' use the screen's width (forms in two columns, tables, diagrams); 'column'
   * keeps one readable column for step-by-step pages.
   */
  readonly layout: 'form' | 'wide' | 'column';
  /** Lazily loaded for pages not needed at start (the editor's forms are in the first bundle). */
  readonly component: ComponentType<PageProps>;
  /** The catalog section a form page edits. */
  readonly section?: OptionSection;
  /** Which diagnostics the nav badge counts: its section's, those of no section, or all. */
  readonly problems?: 'section' | 'unplaced' | 'all';
}

function formPage<S extends OptionSection>(
  section: S,
  title: string,
  intro: string,
): PageEntry & { id: S } {
  return {
    id: section,
    title,
    intro,
    group: 'settings',
    layout: 'form',
    component: SectionPage,
    section,
    problems: 'section',
  };
}

/** A page whose code loads on first visit, from a module that default-exports it. */
function later(load: () => Promise<{ default: ComponentType<PageProps> }>) {
  return lazy(load);
}

export const pages = [
  formPage(
    'https',
    'HTTPS',
    'The HTTPS connector clients use to reach RWS (Jetty), and its keystore.',
  ),
  formPage(
    'outbound',
    'Outbound TLS',
    'How RWS checks the certificates of Configuration, SIP and Interaction Server, WebDAV, Recording Crypto Server and SpeechMiner.',
  ),
  formPage(
    'cassandra',
    'Cassandra',
    'TLS and authentication for the connection from RWS to Cassandra.',
  ),
  formPage(
    'cors-csrf',
    'CORS & CSRF',
    'Which browser origins may call RWS, and the CSRF token headers they need.',
  ),
  formPage(
    'on-premise',
    'On-premise',
    'The connection to Configuration Server on the synchronization node.',
  ),
  {
    id: 'other',
    title: 'Other keys',
    group: 'tools',
    layout: 'form',
    component: OtherKeysPage,
    problems: 'unplaced',
  },
  {
    id: 'problems',
    title: 'Problems',
    group: 'tools',
    layout: 'form',
    component: ProblemsPage,
    problems: 'all',
  },
  {
    id: 'map',
    title: 'Connection map',
    group: 'tools',
    layout: 'form',
    component: later(() => import('../pages/map/MapPage')),
  },
  {
    id: 'wizards',
    title: 'Wizards',
    group: 'tools',
    layout: 'column',
    component: later(() => import('../pages/wizards/WizardsPage')),
  },
  {
    id: 'keystores',
    title: 'Keystores',
    group: 'tools',
    layout: 'wide',
    component: later(() => import('../pages/keystores/KeystoresPage')),
  },
  {
    id: 'certificates',
    title: 'Certificates',
    group: 'tools',
    layout: 'wide',
    component: later(() => import('../pages/certs/CertificatesPage')),
  },
  {
    id: 'fleet',
    title: 'Fleet',
    group: 'tools',
    layout: 'wide',
    component: later(() => import('../pages/fleet/FleetPage')),
  },
  {
    id: 'chain',
    title: 'Chain preview',
    group: 'tools',
    layout: 'wide',
    component: later(() => import('../pages/chain/ChainPage')),
  },
] as const satisfies readonly PageEntry[];

export type PageId = (typeof pages)[number]['id'];

export function pageById(id: PageId): PageEntry {
  return pages.find((p) => p.id === id) ?? pages[0];
}

/** The form page that edits a catalog section. */
export function pageOfSection(section: OptionSection): PageId {
  return pages.find((p: PageEntry) => p.section === section)?.id ?? 'other';
}
