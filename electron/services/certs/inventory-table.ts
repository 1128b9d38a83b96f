// The text form of an inventory: one row per certificate, soonest expiry first, then the
// summarised cacerts and the files that could not be read.
import {
  roleText,
  type Inventory,
  type InventoryCertificate,
} from '../../../shared/certs/inventory';
import { terminalLines, terminalSafe } from '../../../shared/terminal-safe';

const COLUMNS: { title: string; cell: (c: InventoryCertificate) => string }[] = [
  { title: 'DAYS', cell: (c) => String(c.daysLeft) },
  { title: 'STATE', cell: (c) => c.state },
  { title: 'NOT BEFORE', cell: (c) => c.notBefore.slice(0, 10) },
  { title: 'NOT AFTER', cell: (c) => c.notAfter.slice(0, 10) },
  { title: 'ROLE', cell: (c) => roleText[c.role] },
  { title: 'SUBJECT', cell: (c) => c.subject },
  { title: 'ISSUER', cell: (c) => c.issuerCN || c.issuer },
  { title: 'SERIAL', cell: (c) => c.serial },
  { title: 'SAN', cell: (c) => c.san.join(',') || '-' },
  { title: 'NODE', cell: (c) => c.node },
  { title: 'FILE', cell: (c) => c.file },
  { title: 'ALIAS', cell: (c) => c.alias ?? '-' },
  { title: 'CONFIG KEY', cell: (c) => c.configKey },
];

export function formatInventory(inventory: Inventory): string {
  const lines: string[] = [];
  if (inventory.certificates.length > 0) {
    const rows = inventory.certificates.map((c) => COLUMNS.map((col) => terminalSafe(col.cell(c))));
    const widths = COLUMNS.map((col, i) =>
      Math.max(col.title.length, ...rows.map((r) => (r[i] ?? '').length)),
    );
    const line = (cells: string[]): string =>
      cells
        .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
        .join('  ');
    lines.push(line(COLUMNS.map((c) => c.title)), ...rows.map(line));
  } else {
    lines.push('No certificate found in the stores this configuration names.');
  }
  for (const c of inventory.cacerts) {
    const earliest = c.earliestNotAfter
      ? `, earliest expiry ${c.earliestNotAfter.slice(0, 10)}`
      : '';
    lines.push(
      `JVM cacerts ${c.file} (${c.configKeys.join(', ')}: true): ${c.count} trust anchors, ${c.expired} expired${earliest}; maintained by the JDK, not listed.`,
    );
  }
  const due = inventory.certificates.filter((c) => c.state === 'expired' || c.state === 'expiring');
  const expired = due.filter((c) => c.state === 'expired').length;
  lines.push(
    `${inventory.certificates.length} certificate${inventory.certificates.length === 1 ? '' : 's'}: ${expired} expired, ${due.length - expired} expiring within ${inventory.warnDays} days, ${inventory.errors.length} unreadable file${inventory.errors.length === 1 ? '' : 's'}.`,
  );
  // Subjects, SANs and paths come from files and servers an attacker may craft: one safe line each.
  return terminalLines(lines) + '\n';
}
