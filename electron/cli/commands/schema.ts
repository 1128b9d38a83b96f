import { renderOptionList } from '../../../shared/catalog/help';
import { buildJsonSchema } from '../../../shared/catalog/json-schema';
import { defineCommand } from '../cli-spec';
import { EXIT_OK } from '../command';

export const schemaCommand = defineCommand({
  name: 'schema',
  options: {
    list: {
      type: 'boolean',
      help: [
        'instead, list every option this product knows with its type, accepted',
        'secret forms, help text and the guide procedure it belongs to',
      ],
    },
  },
  description: [
    'Prints a JSON Schema (draft-07) for application.yaml, generated from the option catalog.',
    "Use it with VS Code's YAML extension: save it, e.g. as rws.schema.json, and add to settings",
    '  "yaml.schemas": { "./rws.schema.json": "application.yaml" }',
    'or put "# yaml-language-server: $schema=./rws.schema.json" on the first line of the file.',
  ],
  async run({ values, io }) {
    io.out(
      values.list ? renderOptionList() + '\n' : JSON.stringify(buildJsonSchema(), null, 2) + '\n',
    );
    return EXIT_OK;
  },
});
