import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * Lint rules, including the layer rules of docs/architecture.md:
 * - src-shared runs anywhere: it imports neither Node, Electron, React nor another layer;
 * - the core (src-main outside shell/) never imports electron;
 * - the renderer never imports src-main or src-server, nor Node or Electron;
 * - only src-main/shell talks to Electron.
 */
const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { patterns, paths }],
});
const electron = {
  group: ['electron', 'electron/*'],
  message: 'Only src-main/shell may import electron.',
};
const node = {
  group: ['node:*', 'fs', 'path', 'os', 'child_process', 'better-sqlite3'],
  message: 'Not in this layer.',
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist-server/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/.data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src-shared/**/*.ts'],
    ignores: ['src-shared/**/*.test.ts', 'src-shared/node/**'],
    rules: restrict([
      electron,
      node,
      { group: ['react', 'react-dom', '@mantine/*'], message: 'src-shared has no UI.' },
      {
        group: ['**/src-main/**', '**/src-renderer/**', '**/src-server/**'],
        message: 'src-shared depends on nothing.',
      },
    ]),
  },
  {
    // src-shared/node: what the desk and the central both do with Node (the ССТУ file, PNGs).
    files: ['src-shared/node/**/*.ts'],
    ignores: ['src-shared/**/*.test.ts'],
    rules: restrict([
      electron,
      { group: ['react', 'react-dom', '@mantine/*'], message: 'src-shared has no UI.' },
      {
        group: ['**/src-main/**', '**/src-renderer/**', '**/src-server/**'],
        message: 'src-shared depends on nothing.',
      },
    ]),
  },
  {
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/shell/**'],
    rules: restrict([
      electron,
      {
        group: ['**/src-renderer/**', '**/shell/**'],
        message: 'The core does not depend on the shell or the UI.',
      },
    ]),
  },
  {
    // The central server shares only src-shared (the protocol) with the desk.
    files: ['src-server/**/*.ts'],
    ignores: ['src-server/**/*.test.ts'],
    rules: restrict([
      electron,
      {
        group: ['**/src-main/**', '**/src-renderer/**'],
        message: 'The central server depends only on src-shared.',
      },
    ]),
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      ...restrict([
        electron,
        node,
        {
          group: ['**/src-main/**', '**/src-server/**'],
          message: 'The renderer talks to the core only through the contract (api/client.ts).',
        },
      ]),
    },
  },
  {
    // The kiosk is its own entry (issue 4: it must not load the officer's app) and stays light:
    // schemas (zod) only as types; the pure helpers come from surveys/model.ts.
    files: ['src-renderer/kiosk/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/features/**', '**/app/router', '**/app/Layout', '**/i18n', '**/i18n/**'],
              message: 'The kiosk does not load the officer app.',
            },
            {
              group: ['zod', '**/surveys/definition', '**/contract/api', '**/domain/**'],
              allowTypeImports: true,
              message: 'Only types from here: the kiosk bundle carries no zod.',
            },
          ],
        },
      ],
    },
  },
);
