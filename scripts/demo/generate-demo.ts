/**
 * `npm run demo`: builds assets/demo.costcouncil (the demo workspace shipped with the app) from
 * the seeded demo data. Options: --seed <n>, --out <path>, --csv <path> (also keep the CSV).
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../main/hosts/atomic-write.js';
import { DEMO_SEED, demoCsv } from './demo-data.js';
import { buildDemoWorkspace } from './demo-workspace.js';

const DEFAULT_OUT = fileURLToPath(new URL('../../assets/demo.costcouncil', import.meta.url));

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(DEMO_SEED) },
    out: { type: 'string', default: DEFAULT_OUT },
    csv: { type: 'string' },
  },
});
const seed = Number(values.seed);
if (!Number.isSafeInteger(seed)) throw new Error(`--seed must be a whole number, not "${values.seed}"`);

const { bytes, report } = await buildDemoWorkspace(seed);
await writeFileAtomic(values.out, bytes);
if (values.csv) await writeFile(values.csv, demoCsv(seed));
const usd = report.totals.USD;
process.stdout.write(
  `${values.out}: ${(bytes.length / 1e6).toFixed(2)} MB, ${report.rowsImported} rows from ${report.file} ` +
    `(${report.period?.start} – ${report.period?.end}, effective cost USD ${usd?.effectiveCost ?? '0'}), seed ${seed}\n`,
);
