/**
 * The demo's FOCUS 1.2 file: every meter of the catalog, day by day from 2026-08-01 to
 * 2026-10-31, plus the monthly support fee and credit. Same seed, same bytes.
 */
import { dayNumber, daysFrom, monthStart } from './calendar.js';
import { DAILY_METERS, DEMO_INCIDENTS, MONTHLY_CHARGES } from './demo-catalog.js';
import { dailyQuantity } from './demo-usage.js';
import { focusCsvLine, focusHeaderLine, type Charge } from './focus-line.js';
import { createRandom } from './prng.js';

export const DEMO_SEED = 20_260_801;
export const DEMO_FIRST_DAY = '2026-08-01';
export const DEMO_LAST_DAY = '2026-10-31';
/** The source file's name inside the demo workspace. */
export const DEMO_FILE_NAME = 'demo-ai-spend-focus-1.2.csv';

/** Every charge of the demo, in file order: by day, monthly charges first, then the catalog's order. */
export function* demoCharges(seed: number = DEMO_SEED): Generator<Charge> {
  const random = createRandom(seed);
  const first = dayNumber(DEMO_FIRST_DAY);
  const incidents = new Map(DEMO_INCIDENTS.map((incident) => [incident.meterKey, incident]));
  for (const day of daysFrom(first, dayNumber(DEMO_LAST_DAY))) {
    if (day === monthStart(day)) {
      for (const { meter, charge } of MONTHLY_CHARGES) {
        yield 'amount' in charge ? { meter, day, amount: charge.amount } : { meter, day, quantity: charge.quantity };
      }
    }
    for (const { meter, usage } of DAILY_METERS) {
      const quantity = dailyQuantity(usage, day, first, random, incidents.get(meter.key));
      if (quantity !== null) yield { meter, day, quantity };
    }
  }
}

/** The whole demo file as text (about 3 MB). */
export function demoCsv(seed: number = DEMO_SEED): string {
  const lines = [focusHeaderLine()];
  for (const charge of demoCharges(seed)) lines.push(focusCsvLine(charge));
  return lines.join('');
}
