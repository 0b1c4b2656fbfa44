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

/** Amounts as the alert titles write them (grouped digits, a true minus sign). */
export { amount as money, signedAmount as signedMoney } from '../engine/text/amount.js';

/**
 * Runs an engine call and words its argument errors in the command's option names: the engine
 * says `slice.by "Nope" is not a dimension…`, the user typed `--by Nope`. `options` maps engine
 * argument paths (an array index after one is dropped: `settings.dimensions[0]`) to option names.
 */
export async function inOptionTerms<T>(call: () => Promise<T>, options: Readonly<Record<string, string>>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    for (const path of Object.keys(options).sort((x, y) => y.length - x.length)) {
      const prefix = new RegExp(`^${path.replace(/\./g, '\\.')}(\\[\\d+\\])?(?=[\\s:])`);
      if (prefix.test(error.message)) throw new Error(error.message.replace(prefix, `--${options[path]}`));
    }
    throw error;
  }
}
