/** The native sqlite3 shell as a yardstick: `.import --csv` of the same file into one untyped table. */
import { spawn, spawnSync } from 'node:child_process';

/** The shell's version, or null when `sqlite3` is not on PATH. */
export function sqlite3Version(): string | null {
  const result = spawnSync('sqlite3', ['-version'], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return null;
  return result.stdout.split(' ')[0] ?? null;
}

export interface ShellImport {
  seconds: number;
  rows: number;
}

/** Imports the CSV into an in-memory database (as the engine's is), timing the whole process. */
export function timeSqliteImport(csvPath: string): Promise<ShellImport> {
  if (csvPath.includes('"')) return Promise.reject(new Error('the CSV path must not contain a double quote'));
  const start = performance.now();
  const child = spawn('sqlite3', [':memory:', `.import --csv "${csvPath}" lines`, 'SELECT count(*) FROM lines;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      const rows = Number(stdout.trim().split('\n').at(-1));
      if (code !== 0 || !Number.isFinite(rows)) reject(new Error(`sqlite3 .import failed (exit ${code}): ${stderr.trim().slice(0, 300)}`));
      else resolve({ seconds, rows });
    });
  });
}
