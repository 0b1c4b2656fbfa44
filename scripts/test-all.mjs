#!/usr/bin/env node
// Runs every check and test: typecheck, lint, unit tests (vitest), browser tests (Playwright with
// Debian Chromium). Ends with one line "N passed, N failed" adding unit and browser tests up
// (a failed typecheck or lint counts as one failure each). Exit code 0 only when all passed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const RESULTS = 'test-results';
mkdirSync(RESULTS, { recursive: true });

function run(title, command, args) {
  console.log(`\n=== ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
const problems = [];
/** A check that failed outside the test counts (typecheck, lint, a runner that did not report). */
function fail(problem) {
  failed++;
  problems.push(problem);
}

if (!run('Typecheck', 'npx', ['tsc', '-p', 'tsconfig.json'])) fail('typecheck');
if (!run('Typecheck (engine: no DOM, no Node)', 'npx', ['tsc', '-p', 'main/engine/tsconfig.json'])) fail('engine typecheck');
if (!run('Lint', 'npx', ['eslint', '.'])) fail('lint');

const unitFile = `${RESULTS}/unit-results.json`;
rmSync(unitFile, { force: true });
const unitOk = run('Unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitFile}`]);
const unit = readJson(unitFile);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  if (unit.numTotalTests === 0) fail('no unit tests ran');
} else {
  fail('unit tests did not report');
}
if (!unitOk && unit && unit.numFailedTests === 0) fail('unit test run failed');

const e2eFile = `${RESULTS}/e2e-results.json`;
rmSync(e2eFile, { force: true });
if (!existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) console.log('warning: Chromium not found; install it with apt-get install chromium');
const e2eOk = run('Browser tests', 'npx', ['playwright', 'test']);
const e2e = readJson(e2eFile);
if (e2e) {
  passed += e2e.stats.expected;
  failed += e2e.stats.unexpected + e2e.stats.flaky;
  if (e2e.stats.expected + e2e.stats.unexpected === 0) fail('no browser tests ran');
} else {
  fail('browser tests did not report');
}
if (!e2eOk && e2e && e2e.stats.unexpected === 0) fail('browser test run failed');

if (problems.length) console.log(`\nProblems: ${problems.join(', ')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
