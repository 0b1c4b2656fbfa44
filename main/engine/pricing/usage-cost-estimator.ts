/**
 * Prices token usage from a price book, for exports that report usage without cost, and keeps the
 * tally the import report needs: how many lines were estimated, and what had no price.
 */
import { multiplyDecimals } from '../import/formats/decimal-text.js';
import { bookName } from './book-label.js';
import type { ModelPrice, PriceBook, PriceKind } from './price-book.js';
import { findModelPrice } from './price-lookup.js';
import { millions, tokenCost } from './token-cost.js';
import { plural } from '../text/plural.js';

export interface TokenUsage {
  model: string | null;
  /** YYYY-MM-DD of the usage (prices change over time). */
  day: string;
  kind: PriceKind;
  /** Token count as decimal text. */
  tokens: string;
  /** Batch API usage, billed at the entry's batch multiplier. */
  batch: boolean;
}

export type Estimate =
  | {
      priced: true;
      /** tokens × price (× batch multiplier), exact decimal text. */
      cost: string;
      /** tokens × list price, before any batch discount. */
      listCost: string;
      /** Price per 1M tokens. */
      unitPrice: string;
      /** Tokens in millions: the pricing quantity of a price per 1M tokens. */
      quantity: string;
      currency: string;
      entry: ModelPrice;
    }
  | { priced: false };

/** Appended to the ChargeDescription of every line whose cost came from the price book. */
export const ESTIMATED_SUFFIX = ' (estimated from list prices)';

const KIND_LABEL: Record<PriceKind, string> = {
  input: 'input', output: 'output', cachedInput: 'cache reads', cacheWrite: 'cache writes', cacheWrite1h: '1-hour cache writes',
};
const LISTED = 10;

export class UsageCostEstimator {
  private readonly entries = new Map<string, ModelPrice | null>();
  private readonly unpriced = new Map<string, number>();
  private pricedLines = 0;
  private batchLines = 0;
  private editedLines = 0;

  constructor(
    private readonly book: PriceBook,
    /** The day the book's prices were compiled, or "edited price book" (see book-label.ts), for the report. */
    private readonly asOf: string,
  ) {}

  estimate(usage: TokenUsage): Estimate {
    const model = usage.model?.trim() ?? '';
    if (model === '') return this.unpricedLine('lines without a model (export not grouped by model)');
    const key = `${model}\u0000${usage.day}`;
    let entry = this.entries.get(key);
    if (entry === undefined) {
      entry = findModelPrice(this.book, model, usage.day);
      this.entries.set(key, entry);
    }
    if (!entry) return this.unpricedLine(model);
    const unitPrice = entry.perMillion[usage.kind];
    if (unitPrice === undefined) return this.unpricedLine(`${model} ${KIND_LABEL[usage.kind]}`);
    const listCost = tokenCost(usage.tokens, unitPrice);
    const multiplier = usage.batch ? entry.batchMultiplier : undefined;
    this.pricedLines++;
    if (multiplier !== undefined) this.batchLines++;
    if (entry.status === 'edited' || entry.status === 'added') this.editedLines++;
    return {
      priced: true, listCost, unitPrice, entry, currency: entry.currency, quantity: millions(usage.tokens),
      cost: multiplier !== undefined ? multiplyDecimals(listCost, multiplier) : listCost,
    };
  }

  /** Counts a line that is imported with cost 0 because nothing prices it (`what` names it in the report). */
  unpricedLine(what: string): { priced: false } {
    this.unpriced.set(what, (this.unpriced.get(what) ?? 0) + 1);
    return { priced: false };
  }

  warnings(): string[] {
    const warnings: string[] = [];
    if (this.pricedLines > 0) {
      const details = [
        ...(this.editedLines > 0 ? [`${this.editedLines} of them at prices edited or added in this workspace`] : []),
        ...(this.batchLines > 0 ? [`${this.batchLines} of them Batch API usage, at the batch discount`] : []),
      ];
      const said = details.length > 0 ? ` (${details.join('; ')})` : '';
      warnings.push(
        `${plural(this.pricedLines, 'line')} priced from ${bookName(this.asOf)}${said}: list-price estimates, not billed amounts; each is marked "${ESTIMATED_SUFFIX.trim()}".`,
      );
    }
    if (this.unpriced.size > 0) {
      const total = [...this.unpriced.values()].reduce((a, b) => a + b, 0);
      const listed = [...this.unpriced].slice(0, LISTED).map(([what, n]) => `${what} (${n})`);
      const more = this.unpriced.size > LISTED ? ` and ${this.unpriced.size - LISTED} more` : '';
      warnings.push(`${plural(total, 'line')} imported with cost 0: the price book has no price for ${listed.join(', ')}${more}.`);
    }
    return warnings;
  }
}

