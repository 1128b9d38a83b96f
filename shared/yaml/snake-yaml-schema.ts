// How Java's SnakeYAML (which RWS reads application.yaml with) reads YAML 1.1. The yaml package's
// 1.1 schema also reads y/Y/n/N as booleans; SnakeYAML reads them as strings, so
// `speechMinerTrustedCA: n` is a file named "n" to RWS, not false.
import type { ScalarTag, SchemaOptions, Tags } from 'yaml';

const boolTag = 'tag:yaml.org,2002:bool';

/** SnakeYAML's Resolver.BOOL, split by the value each word means. */
export const snakeYamlTrue = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
export const snakeYamlFalse = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;

function isBoolTag(tag: Tags[number]): tag is ScalarTag {
  return typeof tag === 'object' && tag.tag === boolTag && !tag.collection;
}

/** The yaml-1.1 schema's tags with both boolean tags narrowed to SnakeYAML's words. */
function snakeYamlTags(tags: Tags): Tags {
  return tags.map((tag) => {
    if (!isBoolTag(tag)) return tag;
    // Keep the tag (resolve, stringify); change only the words it matches.
    return { ...tag, test: tag.identify?.(true) ? snakeYamlTrue : snakeYamlFalse };
  });
}

/** Options for every YAML 1.1 read in the project: the version plus SnakeYAML's booleans. */
export const snakeYaml11: SchemaOptions & { version: '1.1' } = {
  version: '1.1',
  customTags: snakeYamlTags,
};
