// What the Renew button of a certificate opens: the wizard of the kit that made (or can remake)
// it, with its values filled in. undefined: nothing here can renew it (a public CA's certificate).
import type { InventoryCertificate } from '../../../shared/certs/inventory';
import type { WizardPrefill } from '../keystores/page-requests';

/** keytool SAN words ("dns:a,ip:b") from the inventory's "DNS:a" / "IP Address:b". */
function sanWords(san: readonly string[]): string {
  return san
    .flatMap((s) => {
      if (s.startsWith('DNS:')) return [`dns:${s.slice(4)}`];
      if (s.startsWith('IP Address:')) return [`ip:${s.slice(11)}`];
      return [];
    })
    .join(',');
}

export function renewPrefill(c: InventoryCertificate): WizardPrefill | undefined {
  if (c.origin !== 'file') return undefined;
  if (c.configKey === 'ssl.keyStorePath' && c.role === 'server' && c.alias) {
    const days = Math.max(
      1,
      Math.round((Date.parse(c.notAfter) - Date.parse(c.notBefore)) / 86_400_000),
    );
    return {
      wizard: 'https',
      keystore: c.file,
      alias: c.alias,
      dname: c.subject,
      san: sanWords(c.san),
      days,
      replace: true,
    };
  }
  if (c.configKey === 'cassandraCluster.trustStore') return { wizard: 'cassandra', nodes: '' };
  return undefined;
}
