// What one analyst has recently been shown of one dataset, cell by cell: each published cell's
// population and the raw counts behind its published values (kept on the server only, never
// sent). Indexed so a new cell finds the cells that differ from it in one field. Bounded by the
// policy's overlap settings (tables, age, cells); the oldest tables go first.
import type { OverlapSettings } from '../policy';
import { populationKey, type Population } from './population';

export interface PublishedCell {
  readonly population: Population;
  /** Measure key (see overlap-control.ts) → the raw count behind a published value. */
  readonly counts: ReadonlyMap<string, number>;
}

export interface IndexedCell extends PublishedCell {
  readonly key: string;
  readonly batch: number;
  /** Per constrained field, the key of the population without it (the index's other keys). */
  readonly less: readonly (readonly [field: string, key: string])[];
}

/** Cells by population, and by population less one field: the lookups overlap control makes. */
export class CellIndex {
  readonly byKey = new Map<string, IndexedCell[]>();
  readonly byKeyLess = new Map<string, IndexedCell[]>();
  /** For a population key, the fields whose removal from some indexed cell gives it. */
  readonly lessFields = new Map<string, Set<string>>();

  add(cell: IndexedCell): void {
    push(this.byKey, cell.key, cell);
    for (const [field, less] of cell.less) {
      push(this.byKeyLess, `${field}\u0003${less}`, cell);
      let fields = this.lessFields.get(less);
      if (!fields) { fields = new Set(); this.lessFields.set(less, fields); }
      fields.add(field);
    }
  }

  remove(cell: IndexedCell): void {
    pull(this.byKey, cell.key, cell);
    for (const [field, less] of cell.less) {
      if (pull(this.byKeyLess, `${field}\u0003${less}`, cell) === 0) {
        const fields = this.lessFields.get(less);
        fields?.delete(field);
        if (fields?.size === 0) this.lessFields.delete(less);
      }
    }
  }

  /** Cells whose constraints equal `context` except on `field`, where they have one (`with`)
   *  or none (`without`). */
  members(field: string, context: string): { withField: readonly IndexedCell[]; withoutField: readonly IndexedCell[] } {
    return { withField: this.byKeyLess.get(`${field}\u0003${context}`) ?? [], withoutField: this.byKey.get(context) ?? [] };
  }
}

/** A cell ready for an index: its keys worked out once. */
export function indexed(cell: PublishedCell, batch: number): IndexedCell {
  return {
    population: cell.population, counts: cell.counts, key: populationKey(cell.population), batch,
    less: [...cell.population.keys()].map((field) => [field, populationKey(cell.population, field)] as const),
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}

/** Removes `value` from the list at `key`; returns how many are left. */
function pull<K, V>(map: Map<K, V[]>, key: K, value: V): number {
  const list = map.get(key);
  if (!list) return 0;
  const at = list.indexOf(value);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) map.delete(key);
  return list.length;
}

interface Batch { readonly id: number; readonly at: number; readonly cells: IndexedCell[] }

export class PublishedHistory {
  private readonly index = new CellIndex();
  private batches: Batch[] = [];
  private total = 0;
  private nextBatch = 1;

  constructor(private readonly settings: OverlapSettings) {}

  /** The index of every remembered cell. */
  get cellIndex(): CellIndex { return this.index; }

  /** Remembers a table's published cells (at time `now`, ms), dropping what is too old. */
  record(cells: readonly PublishedCell[], now: number): void {
    const batch: Batch = { id: this.nextBatch++, at: now, cells: [] };
    for (const c of cells) {
      const cell = indexed(c, batch.id);
      // Asked again (a repeat, a re-phrasing): the same population with the same values.
      if ((this.index.byKey.get(cell.key) ?? []).some((old) => [...c.counts.keys()].every((k) => old.counts.has(k)))) continue;
      batch.cells.push(cell);
      this.index.add(cell);
    }
    this.batches.push(batch);
    this.total += batch.cells.length;
    this.prune(now);
  }

  /** Cells remembered. */
  get size(): number { return this.total; }

  /** Drops whole tables, oldest first, while any bound is passed. */
  private prune(now: number): void {
    const { recentQueries, windowMs, maxCells } = this.settings;
    while (this.batches.length > 0) {
      const oldest = this.batches[0]!;
      if (now - oldest.at <= windowMs && this.batches.length <= recentQueries && this.total <= maxCells) break;
      this.batches.shift();
      this.total -= oldest.cells.length;
      for (const c of oldest.cells) this.index.remove(c);
    }
  }
}
