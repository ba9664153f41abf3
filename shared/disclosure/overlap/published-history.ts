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
}

/** Cells by population, and by population less one field: the lookups overlap control makes. */
export class CellIndex {
  readonly byKey = new Map<string, IndexedCell[]>();
  readonly byKeyLess = new Map<string, IndexedCell[]>();
  /** For a population key, the fields whose removal from some indexed cell gives it. */
  readonly lessFields = new Map<string, Set<string>>();

  add(cell: IndexedCell): void {
    push(this.byKey, cell.key, cell);
    for (const field of cell.population.keys()) {
      const less = populationKey(cell.population, field);
      push(this.byKeyLess, `${field}\u0003${less}`, cell);
      let fields = this.lessFields.get(less);
      if (!fields) { fields = new Set(); this.lessFields.set(less, fields); }
      fields.add(field);
    }
  }

  /** Cells whose constraints equal `context` except on `field`, where they have one (`with`)
   *  or none (`without`). */
  members(field: string, context: string): { withField: readonly IndexedCell[]; withoutField: readonly IndexedCell[] } {
    return { withField: this.byKeyLess.get(`${field}\u0003${context}`) ?? [], withoutField: this.byKey.get(context) ?? [] };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}

interface Batch { readonly id: number; readonly at: number; readonly cells: number }

export class PublishedHistory {
  private index = new CellIndex();
  private batches: Batch[] = [];
  private cells: IndexedCell[] = [];
  private nextBatch = 1;

  constructor(private readonly settings: OverlapSettings) {}

  /** The index of every remembered cell. */
  get cellIndex(): CellIndex { return this.index; }

  /** Remembers a table's published cells (at time `now`, ms), dropping what is too old. */
  record(cells: readonly PublishedCell[], now: number): void {
    const id = this.nextBatch++;
    for (const c of cells) {
      const key = populationKey(c.population);
      // Asked again (a repeat, a re-phrasing): the same population with the same values.
      if ((this.index.byKey.get(key) ?? []).some((old) => [...c.counts.keys()].every((k) => old.counts.has(k)))) continue;
      const indexed: IndexedCell = { ...c, key, batch: id };
      this.cells.push(indexed);
      this.index.add(indexed);
    }
    this.batches.push({ id, at: now, cells: cells.length });
    this.prune(now);
  }

  /** Cells remembered. */
  get size(): number { return this.cells.length; }

  private prune(now: number): void {
    const { recentQueries, windowMs, maxCells } = this.settings;
    let total = this.batches.reduce((n, b) => n + b.cells, 0);
    const keep = this.batches.filter((b, i) => {
      const old = now - b.at > windowMs || this.batches.length - i > recentQueries || total > maxCells;
      if (old) total -= b.cells;
      return !old;
    });
    if (keep.length === this.batches.length) return;
    const alive = new Set(keep.map((b) => b.id));
    this.batches = keep;
    this.cells = this.cells.filter((c) => alive.has(c.batch));
    this.index = new CellIndex();
    for (const c of this.cells) this.index.add(c);
  }
}
