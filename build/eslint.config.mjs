// Layer boundaries are enforced here, not by memory:
// shared/ is pure TypeScript (no Node, DOM-only APIs or Electron); renderer/ never reaches into
// the main process; electron/ never imports UI code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'crypto',
  'child_process',
  'net',
  'tls',
  'http',
  'https',
  'url',
  'util',
  'stream',
  'events',
  'buffer',
  'zlib',
  'worker_threads',
];
// Anchored: a gitignore-style `group` would also match our own folders (shared/tls/...).
const nodeBuiltinPatterns = nodeBuiltins.map((name) => ({
  regex: `^${name.replace('*', '.*')}(/.*)?$`,
  message: 'Node built-ins belong in electron/ (the main process).',
}));

const rendererFromMain = {
  group: ['**/renderer/**', '../renderer*', '../../renderer*'],
  message: 'The main process must not import UI code.',
};

// @peculiar/x509 needs reflect-metadata first and a crypto provider: set up once, in one module.
const peculiarDirect = {
  group: ['@peculiar/x509', 'reflect-metadata'],
  message: 'Import px from services/x509/peculiar.ts, which sets @peculiar/x509 up.',
};

/**
 * One lint block per room of electron/: the imports of `doors` are refused there (relative paths
 * that climb to electron/DOOR; shared/api and the like do not match). Each block repeats the
 * renderer ban because a later no-restricted-imports setting replaces an earlier one.
 */
function electronRooms(rooms) {
  return rooms.map(({ files, ignores, doors, peculiar = false }) => ({
    files,
    ...(ignores ? { ignores } : {}),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            rendererFromMain,
            ...(peculiar ? [] : [peculiarDirect]),
            ...doors.map((door) => ({
              regex: `^(\\.\\./)+${door}(/|$)`,
              message: `${files[0].split('/')[1]}/ must not import ${door}/ (see ARCHITECTURE.md).`,
            })),
          ],
        },
      ],
    },
  }));
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'test-artifacts/**', 'bench-results/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeBuiltinPatterns,
            { group: ['electron', 'electron/*'], message: 'shared/ must not depend on Electron.' },
            {
              group: ['**/electron/**', '../electron*', '../../electron*'],
              message: 'shared/ must not import the main process.',
            },
            {
              group: [
                '**/renderer/**',
                '../renderer*',
                '../../renderer*',
                'react',
                'react-dom',
                '@mui/*',
              ],
              message: 'shared/ must not import UI code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...nodeBuiltinPatterns,
            {
              group: ['electron', 'electron/*'],
              message: 'The renderer talks to the main process only through the API contract.',
            },
            {
              group: ['**/electron/**', '../electron*', '../../electron*'],
              message: 'The renderer must not import main-process code.',
            },
          ],
        },
      ],
    },
  },
  // Inside electron/: services (the engines) import no door; the doors (desktop = Electron IPC,
  // serve = HTTP, cli = rwsec, api = the contract's adapter over the services) do not import each
  // other. desktop/ composes the api handlers into IPC; `rwsec serve` is the one CLI command that
  // launches the HTTP door, so it alone may compose serve/ with api/.
  ...electronRooms([
    { files: ['electron/**/*.ts'], doors: [] },
    { files: ['electron/services/**/*.ts'], doors: ['desktop', 'serve', 'cli', 'api'] },
    { files: ['electron/api/**/*.ts'], doors: ['desktop', 'serve', 'cli'] },
    { files: ['electron/desktop/**/*.ts'], doors: ['serve', 'cli'] },
    { files: ['electron/serve/**/*.ts'], doors: ['desktop', 'cli', 'api'] },
    {
      files: ['electron/cli/**/*.ts'],
      ignores: ['electron/cli/commands/serve.ts'],
      doors: ['desktop', 'serve', 'api'],
    },
    { files: ['electron/cli/commands/serve.ts'], doors: ['desktop'] },
    {
      files: ['electron/services/x509/peculiar.ts'],
      doors: ['desktop', 'serve', 'cli', 'api'],
      peculiar: true,
    },
  ]),
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
