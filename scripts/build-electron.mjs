#!/usr/bin/env node
// Bundles the desktop host with esbuild into dist/electron/ (or --outdir <dir>):
//   main.cjs            Electron main process            (CommonJS, Node, 'electron' external)
//   engine-process.cjs  the engine's utility process     (CommonJS, Node, 'electron' external)
//   import-worker-thread.cjs  a worker thread of the engine process that converts chunks of large CSV files
//   preload.cjs         the sandboxed preload            (CommonJS, no Node: require('electron') only)
//   sql-wasm.wasm       sql.js's WebAssembly, found beside engine-process.cjs at run time
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = resolve(root, values.outdir ?? 'dist/electron');

// Electron 45 runs Node 22 and Chromium 140.
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome140';

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  outdir,
  outExtension: { '.js': '.cjs' },
  external: ['electron'],
  logLevel: 'warning',
  legalComments: 'none',
};

// The sources are ES modules that use import.meta.url; in the CommonJS bundle it becomes the
// bundle file's own URL.
await build({
  ...common,
  entryPoints: {
    main: 'main/electron/main.ts',
    'engine-process': 'main/electron/engine-process.ts',
    'import-worker-thread': 'main/hosts/import-worker-thread.ts',
  },
  platform: 'node',
  target: NODE_TARGET,
  sourcemap: 'linked',
  // "use strict" first, so the directive still applies with the banner in front of the bundle.
  banner: { js: '"use strict";\nconst __bundleImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  define: { 'import.meta.url': '__bundleImportMetaUrl' },
});

// platform 'browser': a stray Node import fails the build instead of failing in the sandbox.
await build({
  ...common,
  entryPoints: { preload: 'main/electron/preload.ts' },
  platform: 'browser',
  target: CHROME_TARGET,
});

await copyFile(require.resolve('sql.js/dist/sql-wasm.wasm'), join(outdir, 'sql-wasm.wasm'));

console.log(`Built the desktop host into ${outdir}`);
