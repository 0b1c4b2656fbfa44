/** The AI model price book: data, lookups and exact token costs. */
export type { ModelPrice, PriceBook, PriceKind, PriceProvider } from './price-book.js';
export { DEFAULT_PRICE_BOOK, PRICE_BOOK_AS_OF } from './default-price-book.js';
export { modelId, modelNameCandidates } from './model-names.js';
export { findModelPrice } from './price-lookup.js';
export { millions, tokenCost } from './token-cost.js';
export { ESTIMATED_SUFFIX, UsageCostEstimator, type Estimate, type TokenUsage } from './usage-cost-estimator.js';
export { EDITED_PRICE_BOOK, bookName } from './book-label.js';
export { checkPriceFields, PRICE_KINDS } from './price-fields.js';
export { resetPriceBook, savePriceBookEdits, workspacePriceBook, type WorkspacePriceBook } from './workspace-price-book.js';
