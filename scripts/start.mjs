#!/usr/bin/env node
// `npm start [-- <workspace.costcouncil>]`: the desktop app when the Electron binary is installed,
// else the browser edition (dist/web served on localhost).
//
// The Electron binary is looked up by hand (node_modules/electron/path.txt and dist/): requiring
// the `electron` package when its binary is missing starts a download, which must never happen here.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
process.env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';

/** The Electron executable if it is installed, else null. Never downloads anything. */
function electronBinary() {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const expected = override ? join(override, relative || 'electron') : join(packageDir, 'dist', relative);
  if (!relative || !existsSync(expected)) return null;
  try {
    // Safe now: index.js downloads only when the binary is missing.
    const executable = createRequire(import.meta.url)('electron');
    return typeof executable === 'string' && existsSync(executable) ? executable : null;
  } catch {
    return null;
  }
}

/** Runs an npm script in the project, exiting on failure. */
function npmRun(script) {
  const npmCli = process.env.npm_execpath;
  const result = npmCli && /\.c?js$/.test(npmCli)
    ? spawnSync(process.execPath, [npmCli, 'run', script], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Runs a long-lived child, passing Ctrl+C and termination on, and exits with its code. */
function runAttached(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

// The workspace argument, resolved against the directory npm was started from.
const argument = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
const workspace = argument ? resolve(process.env.INIT_CWD ?? process.cwd(), argument) : undefined;

const electron = electronBinary();
if (electron) {
  npmRun('build:web');
  npmRun('build:electron');
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE; // would make Electron run as plain Node
  runAttached(electron, ['.', ...(workspace ? [workspace] : [])], env);
} else {
  console.log('The Electron binary is not available on this machine; serving the browser edition instead.');
  npmRun('build:web');
  runAttached(process.execPath, [join(root, 'scripts', 'serve-web.mjs'), ...(workspace ? [workspace] : [])]);
}
