// "Open in the keystore manager" and "Preview chain" from elsewhere in the UI: the request waits
// here until the (lazily loaded) page takes it, and the shell is told which page to show.
export type PageRequest =
  | { page: 'keystores'; path: string; configKey?: string }
  | { page: 'chain'; alias?: string; trustKey?: string }
  | { page: 'wizards'; prefill: WizardPrefill };

/** Values a wizard starts with when another page opens it (a renew, a problem's fix). */
export type WizardPrefill =
  | {
      wizard: 'https';
      keystore?: string;
      alias?: string;
      dname?: string;
      san?: string;
      days?: number;
      replace?: boolean;
    }
  | { wizard: 'cassandra'; nodes: string }
  /** A trust file for a peer (a problem's "Make a truststore..."). */
  | { wizard: 'trust'; target: 'config-server' | 'webdav' | 'rcs' | 'speechminer'; out?: string }
  /** A secret option's stored form (a problem's "Obfuscate..." or "Encrypt with gir.jar..."). */
  | { wizard: 'secret'; form: 'OBF' | 'CRYPT'; field: string; password?: string };

type Listener = (page: PageRequest['page']) => void;

let pending: PageRequest | null = null;
const listeners = new Set<Listener>();

export function requestPage(request: PageRequest): void {
  pending = request;
  for (const listener of listeners) listener(request.page);
}

/** The request for `page`, once: the page calls it when it mounts. */
export function takeRequest<P extends PageRequest['page']>(
  page: P,
): Extract<PageRequest, { page: P }> | null {
  if (pending?.page !== page) return null;
  const request = pending as Extract<PageRequest, { page: P }>;
  pending = null;
  return request;
}

/**
 * The request for `page` without taking it: for a state initializer, which React may run for a
 * render it then discards; the page takes the request in an effect, once it is really shown.
 */
export function peekRequest<P extends PageRequest['page']>(
  page: P,
): Extract<PageRequest, { page: P }> | null {
  return pending?.page === page ? (pending as Extract<PageRequest, { page: P }>) : null;
}

/** The shell listens to switch pages; returns the unsubscribe. */
export function onPageRequest(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
