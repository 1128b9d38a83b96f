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
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/renderer/**', '../renderer*', '../../renderer*'],
              message: 'The main process must not import UI code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
