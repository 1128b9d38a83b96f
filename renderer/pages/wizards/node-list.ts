// The Cassandra wizard's node list: accepts what admins paste (commas, spaces, semicolons,
// newlines, a YAML/JSON-ish list) and keeps each name once, in order, ignoring case for repeats.
export function parseNodeList(text: string): string[] {
  const seen = new Set<string>();
  const nodes: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const name = raw.replace(/^[-[\]"'`]+|[\]"'`]+$/g, '').trim();
    if (name === '' || seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    nodes.push(name);
  }
  return nodes;
}

/** A node name the kit will accept: a DNS name or an IPv4/IPv6 address (the kit checks again). */
export function looksLikeHost(name: string): boolean {
  const dns =
    /^[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;
  const ipv4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
  return ipv4.test(name) || (name.includes(':') && /^[0-9A-Fa-f:.]+$/.test(name)) || dns.test(name);
}
