import { parseArgs } from 'node:util';
import { renderOptionList } from '../../../shared/catalog/help';
import { buildJsonSchema } from '../../../shared/catalog/json-schema';
import { EXIT_OK, EXIT_UNREADABLE, type CliIo, type Command } from '../command';

function help(): string {
  return [
    'Usage: rwsec schema [--list]',
    '',
    'Prints a JSON Schema (draft-07) for application.yaml, generated from the option catalog.',
    "Use it with VS Code's YAML extension: save it, e.g. as rws.schema.json, and add to settings",
    '  "yaml.schemas": { "./rws.schema.json": "application.yaml" }',
    'or put "# yaml-language-server: $schema=./rws.schema.json" on the first line of the file.',
    '',
    'Options:',
    '  --list   instead, list every option this product knows with its type, accepted',
    '           secret forms, help text and the guide procedure it belongs to',
  ].join('\n');
}

async function run(args: string[], io: CliIo): Promise<number> {
  let list: boolean;
  try {
    const { values } = parseArgs({ args, options: { list: { type: 'boolean', default: false } } });
    list = values.list;
  } catch (error) {
    io.err(`rwsec schema: ${(error as Error).message}\n\n${help()}\n`);
    return EXIT_UNREADABLE;
  }
  io.out(list ? renderOptionList() + '\n' : JSON.stringify(buildJsonSchema(), null, 2) + '\n');
  return EXIT_OK;
}

export const schemaCommand: Command = {
  name: 'schema',
  help,
  run,
};
