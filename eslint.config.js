// Lint with the layer boundaries of docs/ARCHITECTURE.md as errors.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'worker_threads', 'stream', 'util', 'module', 'url', 'http', 'https', 'net'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true, named: true, defaultFrom: true, namedFrom: true, namespaceFrom: true } }],
    },
  },
  {
    // The engine: no Electron, no Node, no DOM, no renderer.
    files: ['main/engine/**/*.ts'],
    ignores: ['main/engine/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', ...nodeBuiltins], message: 'main/engine runs in every host: take OS access from EngineDeps.' },
          { group: ['**/renderer/**', 'react', 'react-dom', '@mui/*', '@nivo/*'], message: 'main/engine never imports UI code.' },
          { group: ['**/hosts/**', '**/electron/**'], message: 'main/engine never imports its hosts.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'console', 'process', 'require', 'Buffer', 'fetch', 'localStorage'],
    },
  },
  {
    // shared/: plain types and the RPC; imports neither side.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', ...nodeBuiltins], message: 'shared/ is used by every side: no OS imports.' },
          { group: ['**/main/**', '**/renderer/**', 'react', '@mui/*'], message: 'shared/ imports neither the engine nor the renderer.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'require', 'Buffer'],
    },
  },
  {
    // The renderer talks to the engine only through shared/contract and the RPC.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/main/**'], message: 'The renderer never imports main/: call the engine through shared/contract.' },
          { group: ['electron', ...nodeBuiltins], message: 'The renderer has no OS access: use window.app (ShellApi).' },
        ],
      }],
    },
  },
  {
    // The desktop shell (main/electron): Electron and the project's own modules, never the renderer
    // (the window loads the built dist/web).
    files: ['main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['**/renderer/**', 'react', 'react-dom', '@mui/*', '@nivo/*'], message: 'main/electron never imports the renderer: the window loads dist/web.' }],
      }],
    },
  },
  {
    // The sandboxed preload can require only Electron's renderer modules.
    files: ['main/electron/preload.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: nodeBuiltins, message: 'A sandboxed preload cannot require Node modules.' },
          { group: ['**/renderer/**', 'react', 'react-dom', '@mui/*', '@nivo/*'], message: 'main/electron never imports the renderer.' },
          { group: ['**/engine/**', '**/hosts/**', './main', './ipc-handlers', './engine-process'], message: 'The preload bundles only ./ipc-validation (and its pure imports).' },
        ],
      }],
    },
  },
  {
    // Pure modules of the shell: tested in plain Node and partly bundled into the preload, so they
    // take only Electron's types and no Node module.
    files: ['main/electron/security.ts', 'main/electron/ipc-validation.ts', 'main/electron/port-adapter.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'electron', allowTypeImports: true, message: 'Pure shell modules use Electron types only (import type).' }],
        patterns: [{ group: nodeBuiltins, message: 'Pure shell modules import no Node module (the preload bundles them).' }],
      }],
    },
  },
  {
    // The shell's tests run in plain Node: Electron's types only.
    files: ['main/electron/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [{ name: 'electron', allowTypeImports: true, message: 'Tests run in plain Node: test the pure modules, import Electron types only.' }],
        patterns: [{ group: ['./main', './preload', './ipc-handlers', './engine-process'], message: 'These modules import electron at run time; test the pure modules.' }],
      }],
    },
  },
  {
    // Config files and scripts may default-export (tool conventions).
    files: ['*.config.{ts,js,mjs}', 'eslint.config.js', '**/*.d.ts'],
    rules: { 'no-restricted-exports': 'off' },
  },
);
