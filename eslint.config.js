// Layout is Prettier's job (eslint-config-prettier turns the overlapping rules off); ESLint
// keeps the habits of STYLE.md: sorted, grouped imports, no bare console in shipped code,
// hooks rules in the renderer, and the engine/renderer import boundaries.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'dist-electron/**',
      'release/**',
      'node_modules/**',
      'tests/artifacts/**',
      '.cache/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      'simple-import-sort/imports': 'warn',
      'simple-import-sort/exports': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: [
      'src-main/**/*.ts',
      'src-preload/**/*.ts',
      'scripts/**/*',
      'bench/**/*.ts',
      'tests/**/*.ts',
      '*.config.*',
    ],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src-main/**/*.ts', 'src-preload/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    rules: { 'no-console': 'error' },
  },
  {
    // The engine runs headless: it never imports Electron.
    files: ['src-main/core/**/*.ts', 'src-main/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'] }] },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The two classic hooks rules. The React Compiler rules of the recommended set (refs,
      // set-state-in-effect) flag the "latest value in a ref" pattern the map relies on to
      // repaint without re-rendering; we do not use the compiler.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      // The renderer runs in a browser: no Node built-ins.
      'no-restricted-imports': ['error', { patterns: ['node:*'] }],
    },
  },
);
