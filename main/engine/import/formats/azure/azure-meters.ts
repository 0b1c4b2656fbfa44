/**
 * What a meter says about AI usage: a token meter (model, token type) or a GPU VM size. Looked up
 * once per distinct meter name; AdditionalInfo is read only for N-series VM rows whose meter name
 * did not name a known size.
 */
import { gpusOfAdditionalInfo, gpusOfMeter } from './azure-gpu.js';
import { parseTokenMeter, type TokenMeter } from './azure-openai-meter.js';

export interface MeterFacts {
  tokens: TokenMeter | null;
  /** GPUs per VM hour (0 when the meter is not a GPU VM). */
  gpus: number;
  /** A Virtual Machines N-series meter whose size was not recognised from the name. */
  maybeGpuVm: boolean;
}

export class AzureMeters {
  private readonly cache = new Map<string, MeterFacts>();

  of(meterName: string, meterCategory: string): MeterFacts {
    const key = `${meterCategory}\u0000${meterName}`;
    let facts = this.cache.get(key);
    if (!facts) {
      const gpus = gpusOfMeter(meterName);
      facts = {
        tokens: parseTokenMeter(meterName),
        gpus,
        maybeGpuVm: gpus === 0 && /^virtual machines/i.test(meterCategory) && /^\s*n[cdvg]/i.test(meterName),
      };
      this.cache.set(key, facts);
    }
    return facts;
  }

  /** GPUs per hour of a row: by meter name, else by AdditionalInfo for unrecognised N-series meters. */
  gpusOf(facts: MeterFacts, additionalInfo: string): number {
    if (facts.gpus > 0) return facts.gpus;
    return facts.maybeGpuVm && additionalInfo !== '' ? gpusOfAdditionalInfo(additionalInfo) : 0;
  }
}
