// Lint: typescript-eslint's recommended rules plus the layering of ARCHITECTURE.md.
// The layers are enforced with no-restricted-imports per folder, so the layout on disk
// is the architecture: core is pure; the renderer sees only the contract.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'crypto', 'http', 'url', 'util', 'stream'];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', '.tmp/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Split a file before it passes 400 lines (ARCHITECTURE.md); the planner and its verifier read as rooms of short functions.
    files: ['src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}', 'tests/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }] },
  },
  {
    files: ['src-main/core/planner/**/*.ts', 'src-main/core/verify/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['scripts/*.cjs'],
    languageOptions: { globals: { require: 'readonly', __dirname: 'readonly', process: 'readonly', console: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src-main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: NODE_BUILTINS, message: 'core is pure: no Node APIs (inject them from a shell).' },
          { group: ['electron', 'better-sqlite3', 'react', 'react-dom', 'leaflet', 'react-leaflet', 'exceljs', 'pdfmake', 'papaparse'], message: 'core is pure: no electron, sqlite, UI or file-format libraries.' },
          { group: ['**/db', '**/db/**', '**/api', '**/api/**', '**/desktop/**', '**/web/**', '**/cli/**', '**/workers/**', '**/src-renderer/**'], message: 'core depends on nothing outside core.' },
        ],
      }],
    },
  },
  {
    // The verifier re-derives calendar and travel on its own: a bug there must not hide here.
    files: ['src-main/core/verify/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: NODE_BUILTINS, message: 'core is pure: no Node APIs (inject them from a shell).' },
          { group: ['electron', 'better-sqlite3', 'react', 'react-dom', 'leaflet', 'react-leaflet', 'exceljs', 'pdfmake', 'papaparse'], message: 'core is pure: no electron, sqlite, UI or file-format libraries.' },
          { group: ['**/planner', '**/planner/**', '**/calendar', '**/calendar/**', '**/travel', '**/travel/**', '**/analysis', '**/analysis/**'], message: 'core/verify shares nothing with the planner, its calendar or its travel matrix: only core/model and date-fns.' },
          { group: ['**/db', '**/db/**', '**/api', '**/api/**', '**/desktop/**', '**/web/**', '**/cli/**', '**/workers/**', '**/src-renderer/**'], message: 'core depends on nothing outside core.' },
        ],
      }],
    },
  },
  {
    files: ['src-main/core/planner/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: NODE_BUILTINS, message: 'core is pure: no Node APIs (inject them from a shell).' },
          { group: ['electron', 'better-sqlite3', 'react', 'react-dom', 'leaflet', 'react-leaflet', 'exceljs', 'pdfmake', 'papaparse'], message: 'core is pure: no electron, sqlite, UI or file-format libraries.' },
          { group: ['**/verify', '**/verify/**'], message: 'the planner must not lean on the verifier that judges it.' },
          { group: ['**/db', '**/db/**', '**/api', '**/api/**', '**/desktop/**', '**/web/**', '**/cli/**', '**/workers/**', '**/src-renderer/**'], message: 'core depends on nothing outside core.' },
        ],
      }],
    },
  },
  {
    files: ['src-main/db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['electron', '**/api', '**/api/**', '**/desktop/**', '**/web/**', '**/cli/**', '**/workers/**', '**/src-renderer/**'], message: 'db depends only on core.' }],
      }],
    },
  },
  {
    // Renderers turn core data into file bytes (PDF, workbooks): Node and file-format libraries, nothing else.
    files: ['src-main/render/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['electron', 'better-sqlite3', 'react', 'react-dom', '**/db', '**/db/**', '**/api', '**/api/**', '**/desktop/**', '**/web/**', '**/cli/**', '**/workers/**', '**/src-renderer/**'], message: 'render depends only on core (and Node / file-format libraries).' }],
      }],
    },
  },
  {
    files: ['src-main/api/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['electron', '**/desktop/**', '**/web/**', '**/cli/**', '**/src-renderer/**'], message: 'api must not depend on a shell.' }],
      }],
    },
  },
  {
    files: ['src-main/io/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['electron', 'better-sqlite3', '**/db', '**/db/**', '**/api', '**/api/**', '**/desktop/**', '**/web/**', '**/cli/**', '**/workers/**', '**/src-renderer/**'], message: 'io reads and writes files (node, exceljs, papaparse) for core only: no database, api or shell.' }],
      }],
    },
  },
  {
    files: ['src-main/web/**/*.ts', 'src-main/cli/**/*.ts', 'src-main/workers/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['electron', '**/desktop/**', '**/src-renderer/**'], message: 'only the desktop shell uses electron.' }],
      }],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: [...NODE_BUILTINS, 'electron', 'better-sqlite3'], message: 'the renderer runs sandboxed: talk to main through lib/rpc.' },
          {
            regex: '^(\\.\\./)+src-main/(?!api/contract$|core/model(/.*)?$)',
            message: 'the renderer may import only src-main/api/contract (and the model types it re-exports).',
          },
        ],
      }],
    },
  },
);
