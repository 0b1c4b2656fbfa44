/**
 * Streams a large FOCUS 1.2 CSV to disk: any number of rows, constant memory. Rows spread
 * evenly over the demo's three months; each row is a random meter of the benchmark catalog on
 * that day, written by the demo's line writer.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { dayNumber } from '../scripts/demo/calendar.js';
import { DEMO_FIRST_DAY } from '../scripts/demo/demo-data.js';
import { dailyQuantity } from '../scripts/demo/demo-usage.js';
import { focusCsvLine, focusHeaderLine } from '../scripts/demo/focus-line.js';
import { createRandom } from '../scripts/demo/prng.js';
import { benchMeters } from './bench-catalog.js';

const DAYS = 92;
const FLUSH_CHARS = 1 << 20;

export interface LargeFileOptions {
  rows: number;
  seed: number;
  /** Fewer resources for small test files; default 10,000. */
  resources?: number;
}

/** Writes the file to `path` (via a temporary file, so a cancelled run leaves no partial file). */
export async function writeLargeFocusFile(path: string, options: LargeFileOptions): Promise<void> {
  const random = createRandom(options.seed);
  const meters = benchMeters(random, options.resources);
  const first = dayNumber(DEMO_FIRST_DAY);
  const temporary = `${path}.partial`;
  const out = createWriteStream(temporary, { encoding: 'utf8' });
  try {
    let buffer = focusHeaderLine();
    for (let row = 0; row < options.rows; row++) {
      const day = first + Math.floor((row * DAYS) / options.rows);
      const { meter, usage } = random.pick(meters);
      // Every pick makes a line: a quantity that rounds to nothing falls back to the base.
      const quantity = dailyQuantity(usage, day, first, random) ?? usage.base;
      buffer += focusCsvLine({ meter, day, quantity });
      if (buffer.length >= FLUSH_CHARS) {
        if (!out.write(buffer)) await once(out, 'drain');
        buffer = '';
      }
    }
    out.end(buffer);
    await once(out, 'finish');
    await rename(temporary, path);
  } catch (error) {
    out.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}
