/** Dictionary encoding: every distinct string gets an integer id in the `dict` table. */
import type { Statement } from '../types/sql-js.js';
import type { Store } from './store.js';

export class Dictionary {
  private readonly ids = new Map<string, number>();
  private nextId = 1;
  private insert: Statement | null = null;
  /** Values added since construction, in order, so a rolled-back file can be forgotten. */
  private readonly added: string[] = [];

  constructor(private readonly store: Store) {
    for (const row of store.all<{ id: number; value: string }>('SELECT id, value FROM dict')) {
      this.ids.set(row.value, row.id);
      if (row.id >= this.nextId) this.nextId = row.id + 1;
    }
  }

  idOf(value: string): number {
    const known = this.ids.get(value);
    if (known !== undefined) return known;
    const id = this.nextId++;
    this.insert ??= this.store.db.prepare('INSERT INTO dict (id, value) VALUES (?, ?)');
    this.insert.run([id, value]);
    this.ids.set(value, id);
    this.added.push(value);
    return id;
  }

  /** A point to return to with `rollbackTo` when the rows since are rolled back in SQL. */
  checkpoint(): number {
    return this.added.length;
  }

  rollbackTo(checkpoint: number): void {
    const removed = this.added.splice(checkpoint);
    const first = removed[0];
    if (first === undefined) return;
    this.nextId = this.ids.get(first) ?? this.nextId;
    for (const value of removed) this.ids.delete(value);
  }

  /** Frees the prepared statement; call in `finally`. */
  close(): void {
    this.insert?.free();
    this.insert = null;
  }
}
