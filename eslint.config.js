import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const restrict = (patterns, message) => ['error', { patterns: [{ group: patterns, message }] }];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  // Layering (DESIGN.md §1): shared is pure, the renderer reaches data only through the contract,
  // and only src/main/app imports electron.
  {
    files: ['src/shared/**'],
    rules: { 'no-restricted-imports': restrict(['node:*', 'electron', 'react', 'better-sqlite3-multiple-ciphers', 'kysely', 'fs', 'path'], 'src/shared must stay pure') },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(['electron', 'better-sqlite3-multiple-ciphers', 'kysely', 'node:*', '**/main/**'], 'the renderer reaches data only through api.ts'),
    },
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/app/**'],
    rules: { 'no-restricted-imports': restrict(['electron', 'electron/*'], 'only src/main/app imports electron') },
  },
);
