import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'util',
  'stream',
  'worker_threads',
];

/** One error type at every boundary: a reviewer never sees "内部错误" for something we could name. */
const noPlainErrors = [
  {
    selector: 'NewExpression[callee.name=/^(Type|Range|Syntax|Reference|URI|Eval)?Error$/]',
    message: 'throw a KaopingError (shared/errors.ts) with a Chinese message naming the file, URL or limit.',
  },
  {
    selector: 'CallExpression[callee.name=/^(Type|Range|Syntax|Reference|URI|Eval)?Error$/]',
    message: 'throw a KaopingError (shared/errors.ts) with a Chinese message naming the file, URL or limit.',
  },
];
const noOpenExternal = {
  selector: "MemberExpression[object.name='shell'][property.name='openExternal']",
  message: 'open external URLs through hardenWebContents / isSafeExternalUrl only.',
};

/** Process boundaries (DESIGN.md): what each folder may import. */
const boundaries = [
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', ...nodeBuiltins], message: 'shared/ is isomorphic: no Node, no Electron.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing else in the app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: 'services and the CLI run under plain Node: never import electron.' },
            { group: ['**/renderer/**', '**/electron/main/**'], message: 'services do not reach into the UI or the Electron glue.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', ...nodeBuiltins], message: 'the renderer talks to the host only through the API contract.' },
            { group: ['**/electron/**'], message: 'the renderer never imports host code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noPlainErrors] },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', noOpenExternal, ...noPlainErrors] },
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'native/**', '.cache/**', 'demo-output/**', 'docs/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      // Chinese text legitimately uses the ideographic space (U+3000) in strings.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipRegExps: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...boundaries,
  {
    files: ['electron/main/harden.ts'],
    rules: { 'no-restricted-syntax': ['error', ...noPlainErrors] },
  },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  {
    // Hooks called in a fixed order, and effects that name everything they read (stale closures are silent bugs).
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': ['error', { additionalHooks: '^useCall$' }] },
  },
);
