/** Opens a workspace file read-only for the CLI's reading commands (forecast, anomalies). */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { CallContext } from '../../shared/rpc.js';
import { createEngine, type Engine } from '../engine/index.js';
import { nodeEngineDeps } from './node-host.js';

export class CliUsageError extends Error {}

/** The engine over the workspace at `path` (nothing is written back). */
export async function readWorkspace(command: string, path: string | undefined): Promise<Engine> {
  if (!path) throw new CliUsageError(`cost-council ${command}: --workspace <path> is required.`);
  if (!existsSync(path)) throw new Error(`${path}: no such workspace file.`);
  return createEngine(await nodeEngineDeps(), new Uint8Array(await readFile(path)));
}

export const quietContext: CallContext = { requestId: 1, cancelled: false, emit: () => undefined };

/** A number option, or undefined; the engine checks ranges and says what is wrong. */
export function numberOption(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new CliUsageError(`--${name}: "${text}" is not a number.`);
  return value;
}

/** 1234.5 → "1,234.50" (negative with a minus sign). */
export function money(value: number): string {
  return value.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function signedMoney(value: number): string {
  return `${value >= 0 ? '+' : '−'}${money(Math.abs(value))}`;
}
