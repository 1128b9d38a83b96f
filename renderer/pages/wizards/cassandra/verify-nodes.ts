// The Cassandra kit's verify step: the client truststore opened, then EVERY node's keystore opened
// and its chain judged against that truststore for the node's own name (not only the first node).
import { api } from '../../../api/client';
import type { Check, KitResult } from '../wizard-parts';

const endsWith = (path: string, tail: string[]) =>
  path.split(/[\\/]/).slice(-tail.length).join('/') === tail.join('/');

export async function verifyKitNodes(
  files: KitResult['files'],
  nodes: readonly string[],
  password: string,
): Promise<Check[]> {
  const client = files.find((f) => endsWith(f.path, ['client', 'truststore.jks']))?.path;
  if (!client) return [{ mark: 'fail', text: 'The kit wrote no client/truststore.jks.' }];
  const checks = [...(await api['kit.verify.store']({ store: client, password })).checks];
  for (const node of nodes) {
    const store = files.find((f) => endsWith(f.path, [node, 'keystore.jks']))?.path;
    if (!store) {
      checks.push({ mark: 'fail', text: `The kit wrote no keystore for ${node}.` });
      continue;
    }
    const r = await api['kit.verify.store']({
      store,
      password,
      alias: node,
      trustFile: client,
      trustPassword: password,
      host: node,
    });
    checks.push(...r.checks.map((c) => ({ ...c, text: `${node}: ${c.text}` })));
  }
  return checks;
}
