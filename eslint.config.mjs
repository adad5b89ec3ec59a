// Layer rules: which runtime each folder may reach. test/unit/layers.test.ts proves they bite.
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads', 'url', 'stream', 'util', 'events', 'zlib', 'http', 'https', 'net'];
const nodeImports = [
  { group: ['node:*'], message: 'Node built-ins are not available in this layer.' },
  ...NODE_BUILTINS.map((name) => ({ group: [name, `${name}/*`], message: 'Node built-ins are not available in this layer.' })),
];
const electronImport = { group: ['electron', 'electron/*'], message: 'Only electron/main and electron/preload may import electron.' };
const sqlImport = { group: ['sql.js', 'sql.js/*'], message: 'sql.js lives in electron/backend/db only.' };
const uiImports = { group: ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', '@tanstack/*'], message: 'UI libraries belong in renderer/.' };
const backendPaths = { group: ['**/electron/**', '**/backend/**', '**/main/**', '**/preload/**'], message: 'The renderer reaches main only through the typed bridge (renderer/src/api.ts).' };
const rendererPaths = { group: ['**/renderer/**'], message: 'Backend and main code may not import the renderer.' };

const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '**/*.cjs', '**/*.mjs', 'test/fixtures/lint/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      ...restrict(...nodeImports, electronImport, sqlImport, uiImports, backendPaths, rendererPaths),
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer', 'setTimeout', 'setInterval', 'fetch'],
      // The engine is deterministic: no clock, no randomness (Date.parse of a given string is fine).
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'shared/ has no clock.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'shared/ has no clock.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'shared/ is deterministic.' },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      ...restrict(...nodeImports, electronImport, sqlImport, backendPaths),
      'no-restricted-globals': ['error', 'process', 'require', 'Buffer', 'fetch', 'XMLHttpRequest', 'WebSocket'],
    },
  },
  {
    files: ['electron/backend/**/*.ts', 'electron/cli/**/*.ts'],
    rules: restrict(electronImport, uiImports, rendererPaths),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict(...nodeImports, sqlImport, uiImports, rendererPaths, { group: ['**/backend/**', '**/main/**'], message: 'The sandboxed preload can only use electron and shared/.' }),
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: restrict(uiImports, rendererPaths),
  },
);
