/**
 * A workspace's price book: the shipped list (`DEFAULT_PRICE_BOOK`) plus the user's edits, kept in
 * the workspace's settings under 'price-book' as
 * `{ version: 1, changed: [{ id, price }], removed: [id], added: [{ id, price }], nextId }`.
 *
 * Shipped entries are named by `provider:first-model@effectiveFrom`, so edits survive a new shipped
 * list: a change of an entry the list no longer has is kept as an added entry, a removal of one is
 * dropped. The stored value comes from a file anyone may have written: it is checked when read;
 * what cannot be read is ignored (all of it when its shape is wrong) and the view says so.
 */
import type { EffectivePriceBook, ModelPriceFields, PriceBookEdit, PriceBookEntry } from '../../../shared/model.js';
import { EngineError } from '../../../shared/rpc.js';
import { deleteSetting, readSetting, writeSetting } from '../db/settings.js';
import type { Store } from '../db/store.js';
import { EDITED_PRICE_BOOK } from './book-label.js';
import { DEFAULT_PRICE_BOOK, PRICE_BOOK_AS_OF } from './default-price-book.js';
import type { ModelPrice, PriceBook } from './price-book.js';
import { checkPriceFields, samePrice } from './price-fields.js';

const KEY = 'price-book';
const VERSION = 1;
const USER_ID = /^user-(\d{1,9})$/;

interface PriceEdits {
  /** Shipped entries changed in place, by shipped id. */
  changed: Map<string, ModelPriceFields>;
  /** Shipped entries taken out. */
  removed: Set<string>;
  /** Entries added in the workspace, by `user-N` id, in the order they were added. */
  added: Map<string, ModelPriceFields>;
  nextId: number;
}

interface StoredEdits {
  version: number;
  changed: Array<{ id: string; price: ModelPriceFields }>;
  removed: string[];
  added: Array<{ id: string; price: ModelPriceFields }>;
  nextId: number;
}

export interface WorkspacePriceBook {
  /** For lookups: added entries first, so that one wins a tie with a shipped entry of the same day. */
  book: PriceBook;
  /** How import reports name the book: the shipped as-of day, or "edited price book". */
  label: string;
  view: EffectivePriceBook;
}

function fieldsOf(entry: ModelPrice): ModelPriceFields {
  const fields: ModelPriceFields = {
    provider: entry.provider, models: [...entry.models], effectiveFrom: entry.effectiveFrom, currency: entry.currency,
    perMillion: { ...entry.perMillion }, source: entry.source,
  };
  if (entry.batchMultiplier !== undefined) fields.batchMultiplier = entry.batchMultiplier;
  return fields;
}

export function shippedId(entry: ModelPriceFields | ModelPrice): string {
  return `${entry.provider}:${entry.models[0] ?? ''}@${entry.effectiveFrom}`;
}

const SHIPPED: ReadonlyMap<string, ModelPriceFields> = new Map(DEFAULT_PRICE_BOOK.map((e) => [shippedId(e), fieldsOf(e)]));

function noEdits(): PriceEdits {
  return { changed: new Map(), removed: new Set(), added: new Map(), nextId: 1 };
}

function hasEdits(edits: PriceEdits): boolean {
  return edits.changed.size + edits.removed.size + edits.added.size > 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idOfUser(id: string): number | null {
  const match = USER_ID.exec(id);
  return match ? Number(match[1]) : null;
}

/** Reads the stored edits, keeping every valid one; `problem` says what was ignored. */
function readEdits(store: Store): { edits: PriceEdits; problem?: string } {
  const value = readSetting(store, KEY);
  if (value === undefined) {
    const present = Number(store.scalar('SELECT COUNT(*) FROM settings WHERE key = ?', [KEY])) > 0;
    return present ? { edits: noEdits(), problem: unreadable('it is not valid JSON') } : { edits: noEdits() };
  }
  if (!isRecord(value) || value.version !== VERSION || !Array.isArray(value.changed) || !Array.isArray(value.removed) || !Array.isArray(value.added)) {
    return { edits: noEdits(), problem: unreadable('its shape is not one this version knows') };
  }
  const edits = noEdits();
  const skipped: string[] = [];
  const orphans: ModelPriceFields[] = [];
  for (const item of value.changed) {
    const id = isRecord(item) && typeof item.id === 'string' ? item.id : null;
    const price = isRecord(item) ? checkPriceFields(item.price) : 'not an entry';
    if (id === null || typeof price === 'string') skipped.push(id === null ? 'a changed entry without an id' : `${id}: ${price}`);
    else if (SHIPPED.has(id)) edits.changed.set(id, price);
    else orphans.push(price);
  }
  for (const id of value.removed) {
    if (typeof id !== 'string') skipped.push('a removed entry without an id');
    else if (SHIPPED.has(id)) edits.removed.add(id);
  }
  for (const item of value.added) {
    const id = isRecord(item) && typeof item.id === 'string' ? item.id : '';
    const n = idOfUser(id);
    const price = isRecord(item) ? checkPriceFields(item.price) : 'not an entry';
    if (n === null || edits.added.has(id) || typeof price === 'string') skipped.push(n === null ? 'an added entry without a valid id' : `${id}: ${typeof price === 'string' ? price : 'a repeated id'}`);
    else {
      edits.added.set(id, price);
      edits.nextId = Math.max(edits.nextId, n + 1);
    }
  }
  if (typeof value.nextId === 'number' && Number.isSafeInteger(value.nextId)) edits.nextId = Math.max(edits.nextId, value.nextId);
  // Changes of entries the shipped list no longer has: the user's price is kept, as an added entry.
  for (const price of orphans) edits.added.set(`user-${edits.nextId++}`, price);
  for (const id of edits.removed) edits.changed.delete(id);
  if (skipped.length === 0) return { edits };
  const n = skipped.length;
  return { edits, problem: `${n} of the price book edits stored in this workspace ${n === 1 ? 'is' : 'are'} not valid and ${n === 1 ? 'is' : 'are'} ignored (first: ${skipped[0]}).` };
}

function unreadable(why: string): string {
  return `The price book edits stored in this workspace could not be read (${why}), so the shipped prices are used. Saving an edit or resetting replaces them.`;
}

function writeEdits(store: Store, edits: PriceEdits): void {
  if (!hasEdits(edits)) {
    deleteSetting(store, KEY);
    return;
  }
  const stored: StoredEdits = {
    version: VERSION,
    changed: [...edits.changed].map(([id, price]) => ({ id, price })),
    removed: [...edits.removed],
    added: [...edits.added].map(([id, price]) => ({ id, price })),
    nextId: edits.nextId,
  };
  writeSetting(store, KEY, stored);
}

function entryOf(id: string, fields: ModelPriceFields, status: PriceBookEntry['status'], shipped?: ModelPriceFields): PriceBookEntry {
  return shipped ? { ...fields, id, status, shipped } : { ...fields, id, status };
}

function bookEntries(edits: PriceEdits): { entries: PriceBookEntry[]; removed: PriceBookEntry[] } {
  const entries: PriceBookEntry[] = [...edits.added].map(([id, price]) => entryOf(id, price, 'added'));
  const removed: PriceBookEntry[] = [];
  for (const [id, shipped] of SHIPPED) {
    const changed = edits.changed.get(id);
    if (edits.removed.has(id)) removed.push(entryOf(id, shipped, 'shipped'));
    else entries.push(changed ? entryOf(id, changed, 'edited', shipped) : entryOf(id, shipped, 'shipped'));
  }
  return { entries, removed };
}

function compareEntries(a: PriceBookEntry, b: PriceBookEntry): number {
  return a.provider.localeCompare(b.provider) || (a.models[0] ?? '').localeCompare(b.models[0] ?? '', 'en', { numeric: true }) || a.effectiveFrom.localeCompare(b.effectiveFrom);
}

function toModelPrice(entry: PriceBookEntry): ModelPrice {
  const price: ModelPrice = {
    provider: entry.provider, models: entry.models, effectiveFrom: entry.effectiveFrom, currency: entry.currency,
    perMillion: entry.perMillion, source: entry.source, status: entry.status,
  };
  if (entry.batchMultiplier !== undefined) price.batchMultiplier = entry.batchMultiplier;
  return price;
}

function build(edits: PriceEdits, problem?: string): WorkspacePriceBook {
  const { entries, removed } = bookEntries(edits);
  const edited = hasEdits(edits);
  const view: EffectivePriceBook = {
    asOf: PRICE_BOOK_AS_OF, edited, entries: [...entries].sort(compareEntries), removed: removed.sort(compareEntries),
  };
  if (problem !== undefined) view.problem = problem;
  return {
    book: edited ? entries.map(toModelPrice) : DEFAULT_PRICE_BOOK,
    label: edited ? EDITED_PRICE_BOOK : PRICE_BOOK_AS_OF,
    view,
  };
}

/** The workspace's effective price book (the shipped one when it has no readable edits). */
export function workspacePriceBook(store: Store): WorkspacePriceBook {
  const { edits, problem } = readEdits(store);
  return build(edits, problem);
}

function notFound(id: string): never {
  throw new EngineError('NOT_FOUND', `The price book has no entry ${id} (it may have been removed already).`);
}

function bad(message: string): never {
  throw new EngineError('BAD_REQUEST', message);
}

function apply(edits: PriceEdits, edit: PriceBookEdit): void {
  if (edit.action === 'add') {
    edits.added.set(`user-${edits.nextId++}`, edit.price);
    return;
  }
  const shipped = SHIPPED.get(edit.id);
  const added = edits.added.has(edit.id);
  if (!shipped && !added) notFound(edit.id);
  switch (edit.action) {
    case 'set':
      if (added) edits.added.set(edit.id, edit.price);
      else {
        edits.removed.delete(edit.id);
        if (shipped && samePrice(shipped, edit.price)) edits.changed.delete(edit.id);
        else edits.changed.set(edit.id, edit.price);
      }
      return;
    case 'remove':
      if (added) edits.added.delete(edit.id);
      else {
        edits.changed.delete(edit.id);
        edits.removed.add(edit.id);
      }
      return;
    case 'restore':
      if (added) bad(`${edit.id} was added in this workspace: it has no shipped prices to restore.`);
      edits.changed.delete(edit.id);
      edits.removed.delete(edit.id);
      return;
  }
}

/** Two entries for one model name from the same day would make its price ambiguous. */
function checkNoTies(entries: readonly PriceBookEntry[]): void {
  const seen = new Map<string, PriceBookEntry>();
  for (const entry of entries) {
    for (const name of entry.models) {
      const key = `${entry.provider}\u0000${name}\u0000${entry.effectiveFrom}`;
      const other = seen.get(key);
      if (other && other.id !== entry.id) {
        bad(`${name} (${entry.provider}) would have two prices from ${entry.effectiveFrom}: change that entry instead of adding another, or choose another date.`);
      }
      seen.set(key, entry);
    }
  }
}

/** Applies edits (all or nothing) and stores the result; returns the new book. */
export function savePriceBookEdits(store: Store, changes: readonly PriceBookEdit[]): EffectivePriceBook {
  const { edits } = readEdits(store);
  for (const edit of changes) apply(edits, edit);
  const next = build(edits);
  checkNoTies(next.view.entries);
  writeEdits(store, edits);
  return next.view;
}

/** Drops every edit: the shipped prices again. */
export function resetPriceBook(store: Store): EffectivePriceBook {
  deleteSetting(store, KEY);
  return build(noEdits()).view;
}
