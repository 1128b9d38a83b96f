// JSON Schema (draft-07) for application.yaml, generated from the catalog, for VS Code's YAML
// extension (yaml-language-server). Strict (additionalProperties: false) only where every key is
// ours; everything else stays open, since RWS reads many keys this product does not own.
import { mappingPaths, options, sections, type OptionSpec } from './options';
import { describeSecretForms } from './help';

export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  type?: string | string[];
  description?: string;
  markdownDescription?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean;
  default?: unknown;
  examples?: unknown[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

function leafSchema(spec: OptionSpec): JsonSchema {
  const base: JsonSchema = {};
  switch (spec.type) {
    case 'boolean':
      base.type = 'boolean';
      break;
    case 'integer':
      base.type = 'integer';
      base.minimum = 0;
      break;
    case 'port':
      base.type = 'integer';
      base.minimum = 1;
      base.maximum = 65535;
      break;
    case 'trust':
      base.type = ['boolean', 'string'];
      break;
    default:
      base.type = 'string';
  }
  const lines = [spec.help];
  const forms = describeSecretForms(spec);
  if (forms) lines.push('', forms);
  lines.push('', `Guide: *${spec.procedure}*.`);
  const schema: JsonSchema = {
    ...base,
    title: spec.label,
    description: spec.help,
    markdownDescription: lines.join('\n'),
  };
  if (spec.default !== undefined) schema.default = spec.default;
  if (spec.example !== undefined) schema.examples = [spec.example];
  return schema;
}

const sectionTitles: Record<string, string> = {
  ssl: 'HTTPS connector (Jetty) keystore and port.',
  jetty: 'Embedded Jetty server settings (most are not security settings).',
  onPremiseSettings: 'Connection of the sync node to Configuration Server.',
  serverSettings: 'RWS server settings, including outbound TLS trust, CSRF and CORS.',
  'serverSettings.crossOriginSettings': 'CORS filter settings (comma-separated lists).',
  cassandraCluster: 'Cassandra connection, TLS and authentication.',
};

export function buildJsonSchema(): JsonSchema {
  const root: JsonSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://rws-security-studio.local/application.schema.json',
    title: 'Genesys Interaction Recording Web Services application.yaml',
    type: 'object',
    properties: {},
    additionalProperties: true,
  };
  const nodeAt = (path: string): JsonSchema => {
    let node = root;
    for (const part of path === '' ? [] : path.split('.')) {
      node.properties ??= {};
      node = node.properties[part] ??= {
        type: 'object',
        properties: {},
        additionalProperties: true,
      };
    }
    return node;
  };
  for (const path of mappingPaths) {
    const node = nodeAt(path);
    const strict = sections.find((s) => s.path === path)?.strict ?? false;
    node.additionalProperties = !strict;
    const title = sectionTitles[path];
    if (title) node.description = title;
  }
  for (const spec of options) {
    const dot = spec.path.lastIndexOf('.');
    const parent = nodeAt(dot < 0 ? '' : spec.path.slice(0, dot));
    parent.properties ??= {};
    parent.properties[spec.path.slice(dot + 1)] = leafSchema(spec);
  }
  return root;
}
