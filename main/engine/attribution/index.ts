/**
 * Cost attribution: rules, shared-cost pools, versions, and the materialised allocation
 * (`alloc_daily`) that other features read. Call `ensureAllocations` (or `allocatedDimensions`,
 * which does) before reading `alloc_daily`: the result is recomputed lazily when stale.
 */
export { allocatedDimensions } from './queries.js';
export { ensureAllocations, recomputeAllocations } from './materialise.js';
export { attributionHandlers } from './handlers.js';
export { readAllocatedLines, type AllocatedLine, type AllocatedLinesQuery, type Fractions } from './allocated-lines.js';
