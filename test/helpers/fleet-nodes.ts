// RWS node folders for the test fleet: each node gets the sample application.yaml with HTTPS on,
// its own PKCS12 keystore (its own key), and a JKS trust file for Configuration Server holding
// the one CA every node shares (named by a relative path, resolved against the config folder).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyEntry } from '../../electron/services/keystore/model';
import { writeKeystore } from '../../electron/services/keystore/write';
import { RwsDocument, type DocumentEdit } from '../../shared/yaml/document';
import { asTrusted, selfSignedEntry } from '../unit/rules-keystore-files-support';
import { sampleConfig } from './paths';
import type { FleetNode } from './ssh-fleet';

export const STOREPASS = 'Node-Store-Pw-7731';
export const TRUSTPASS = 'Trust-Pw-5519';
export const CASS_PASSWORD = 'Cass-Secret-1';

export interface NodeMaterial {
  ca: KeyEntry;
  /** Extra edits per node index (drift scenarios). */
  edits?: (index: number) => DocumentEdit[];
}

export async function nodeMaterial(): Promise<NodeMaterial> {
  return { ca: await selfSignedEntry({ alias: 'fleet-ca', dname: 'CN=Fleet Test CA', ca: true }) };
}

export function nodeConfigText(node: FleetNode, index: number, extra: DocumentEdit[] = []): string {
  const doc = RwsDocument.parse(readFileSync(sampleConfig, 'utf8'));
  return doc.withEdits([
    { path: 'enableSsl', value: true },
    { path: 'ssl.keyStorePath', value: join(node.dir, 'etc', 'keystore.p12') },
    { path: 'ssl.keyStorePassword', value: STOREPASS },
    { path: 'serverSettings.caCertificate', value: 'ca.jks' },
    { path: 'serverSettings.jksPassword', value: TRUSTPASS },
    { path: 'serverSettings.applicationName', value: `IRWS_Node${index + 1}` },
    {
      path: 'serverSettings.externalApiUrlV2',
      value: `https://${node.name}.example.internal:443/api/v2`,
    },
    ...extra,
  ]).text;
}

/** Writes the node's application.yaml, keystore.p12 and ca.jks. */
export function populateNode(material: NodeMaterial) {
  return async (node: FleetNode, index: number): Promise<void> => {
    const etc = join(node.dir, 'etc');
    const key = await selfSignedEntry({
      alias: 'jetty',
      dname: `CN=${node.name}.example.internal`,
      dns: [`${node.name}.example.internal`],
    });
    writeFileSync(
      join(etc, 'keystore.p12'),
      writeKeystore({ type: 'PKCS12', entries: [key] }, { type: 'PKCS12', password: STOREPASS }),
    );
    writeFileSync(
      join(etc, 'ca.jks'),
      writeKeystore(
        { type: 'JKS', entries: [asTrusted(material.ca)] },
        { type: 'JKS', password: TRUSTPASS },
      ),
    );
    writeFileSync(node.config, nodeConfigText(node, index, material.edits?.(index)), {
      mode: 0o640,
    });
  };
}
