// Chooses, builds and serves pre-aggregated rollups automatically. A query whose shape (grain
// expressions and medians) no rollup covers is answered from the records, and its shape is queued
// to be built in the background, one build at a time; at start-up the shapes analysts used most
// (from the audit log) are built first. Builds run at low priority behind a bounded row budget:
// a shape too big for it is remembered and never retried.
import type { Catalogue } from '../../shared/catalogue/catalogue-types';
import type { PivotPlan } from '../../shared/sql/pivot-plan';
import { rollupShape, rollupSpec, type RollupSpec } from '../../shared/sql/rollup';
import type { Engine } from './engine';

export interface RollupBudget {
  /** Rows one rollup may hold; a bigger build is dropped (the shape stays on the records). */
  readonly maxRowsEach: number;
  /** Rows all rollups together may hold; the least recently used go first. */
  readonly maxRowsTotal: number;
  /** A build taking longer is interrupted. */
  readonly buildTimeoutMs: number;
}

// About 40 partial columns a row: 3M rows is some hundreds of MB inside DuckDB's memory limit.
export const DEFAULT_ROLLUP_BUDGET: RollupBudget = { maxRowsEach: 1_000_000, maxRowsTotal: 3_000_000, buildTimeoutMs: 120_000 };

/** Misses of one shape before it is built, and most shapes waiting (the newest replace the rest). */
const SIGHTINGS = 2;
const MAX_QUEUED = 12;
/** A broad rollup must have at most this fraction of the records' rows (one in ten). */
const COMMON_SHRINK = 10;
const QUIET_POLL_MS = 100;

interface Built { readonly spec: RollupSpec; readonly rows: number; used: number }

export interface RollupStats {
  readonly ready: number; readonly rows: number; readonly built: number; readonly refused: number; readonly failed: number; readonly queued: number;
  /** Queries compiled against a rollup, and against the records (with why). */
  readonly hits: number; readonly misses: number; readonly missReasons: Readonly<Record<string, number>>;
}

export class RollupManager {
  private readonly built = new Map<string, Built>();
  private readonly refused = new Set<string>();
  /** Builds waiting: a spec, or how to choose one when its turn comes. */
  private readonly queue: { key: string; spec: RollupSpec | null; choose?: () => Promise<RollupSpec> }[] = [];
  private readonly queuedKeys = new Set<string>();
  private building: Promise<void> | null = null;
  private sequence = 0;
  private counts = { built: 0, failed: 0, hits: 0, misses: 0 };
  /** Why queries missed, by reason (for the bench's report). */
  private readonly missReasons = new Map<string, number>();
  private readonly sightings = new Map<string, number>();
  private clock = 0;
  private readonly stopping = new AbortController();
  private enabled = true;

  constructor(
    private readonly engine: Engine,
    private readonly catalogue: Catalogue,
    private readonly budget: RollupBudget = DEFAULT_ROLLUP_BUDGET,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** The rollups ready to be read, for the compiler. */
  ready(): RollupSpec[] {
    return this.enabled ? [...this.built.values()].map((b) => b.spec) : [];
  }

  /** Switches rollups off (every query reads the records) or back on: for benchmarks. */
  setEnabled(on: boolean): void {
    this.enabled = on;
  }

  /** Marks a rollup as just used (eviction keeps the most recently used). */
  touch(table: string): void {
    this.counts.hits++;
    for (const b of this.built.values()) if (b.spec.table === table) b.used = ++this.clock;
  }

  /** A query missed every rollup: queue its shape once it has been asked for `SIGHTINGS` times
   *  (a build scans every record, as costly as the query itself: one-off shapes are not worth
   *  it), unless it cannot or may not have one. Start-up seeds pass `now`. */
  consider(plan: PivotPlan, now = false): void {
    if (!this.enabled) return;
    this.counts.misses++;
    const dataset = this.catalogue.datasets.get(plan.dataset);
    const shape = rollupShape(plan, dataset?.columns);
    const why = !shape ? 'no rollup can answer it (distinct counts, mentions or list filters)' : 'its shape was not built yet';
    this.missReasons.set(why, (this.missReasons.get(why) ?? 0) + 1);
    if (!shape || !dataset) return;
    const key = JSON.stringify([plan.dataset, shape]);
    if (this.built.has(key) || this.refused.has(key) || this.queuedKeys.has(key)) return;
    const seen = (this.sightings.get(key) ?? 0) + 1;
    this.sightings.set(key, seen);
    if (!now && seen < SIGHTINGS) return;
    if (this.queue.length >= MAX_QUEUED) this.queuedKeys.delete(this.queue.pop()!.key);
    this.queuedKeys.add(key);
    this.queue.push({ key, spec: rollupSpec(dataset, shape, `rollup_${plan.dataset}_${++this.sequence}`) });
    this.pump();
  }

  /** Queues one broad rollup of a dataset without medians ("the common low-cardinality
   *  dimensions"): starting from the year, it adds candidate columns in priority order while
   *  the estimated row count stays within `rows` (each estimate is one scan of a few columns). */
  chooseCommon(datasetId: PivotPlan['dataset'], candidates: readonly string[], rows: number): void {
    const dataset = this.catalogue.datasets.get(datasetId);
    if (!dataset?.columns || !this.enabled) return;
    const available = new Set(dataset.columns);
    const key = JSON.stringify([datasetId, 'common']);
    if (this.queuedKeys.has(key) || this.built.has(key)) return;
    this.queuedKeys.add(key);
    const choose = async (): Promise<RollupSpec> => {
      const chosen = ['fyear'].filter((c) => available.has(c));
      for (const column of candidates) {
        if (this.stopping.signal.aborted || chosen.includes(column) || !available.has(column)) continue;
        const estimate = await this.engine.estimateDistinct(dataset.table, [...chosen, column], { timeoutMs: this.budget.buildTimeoutMs, signal: this.stopping.signal });
        // Worth it only well below the records' own count (small data needs no rollup).
        if (estimate.distinct <= Math.min(rows, estimate.rows / COMMON_SHRINK)) chosen.push(column);
      }
      return rollupSpec(dataset, { grain: [...chosen].sort(), histograms: [] }, `rollup_${datasetId}_common`);
    };
    this.queue.unshift({ key, spec: null, choose });
    this.pump();
  }

  /** Interrupts a running build and forgets the queue (the server is closing). */
  async stop(): Promise<void> {
    this.queue.length = 0;
    this.stopping.abort();
    await this.idle();
  }

  /** Resolves when nothing is queued or building (for tests and the bench). */
  async idle(): Promise<void> {
    while (this.building) await this.building;
  }

  stats(): RollupStats {
    return {
      ready: this.built.size, rows: [...this.built.values()].reduce((n, b) => n + b.rows, 0),
      built: this.counts.built, refused: this.refused.size, failed: this.counts.failed, queued: this.queue.length,
      hits: this.counts.hits, misses: this.counts.misses, missReasons: Object.fromEntries(this.missReasons),
    };
  }

  private pump(): void {
    if (this.building || this.queue.length === 0) return;
    const next = this.queue.shift()!;
    const work = async () => {
      await this.quiet();
      const spec = next.spec ?? (await next.choose!());
      await this.build(next.key, spec);
    };
    this.building = work().catch((error: unknown) => {
      if (!this.stopping.signal.aborted) this.log(`[rollups] not chosen: ${error instanceof Error ? error.message : String(error)}`);
    }).finally(() => {
      this.queuedKeys.delete(next.key);
      this.building = null;
      this.pump();
    });
  }

  /** Waits until no analyst's query is running or waiting: builds are background work and
   *  must not take a connection (or the cores) from an answer someone is waiting for. */
  private async quiet(): Promise<void> {
    while (this.engine.pending() > 0 && !this.stopping.signal.aborted) await new Promise((r) => setTimeout(r, QUIET_POLL_MS));
  }

  private async build(key: string, spec: RollupSpec): Promise<void> {
    const started = performance.now();
    try {
      if (this.stopping.signal.aborted) return;
      const { rows } = await this.engine.buildRollup(spec, { timeoutMs: this.budget.buildTimeoutMs, signal: this.stopping.signal });
      if (rows > this.budget.maxRowsEach) {
        await this.engine.dropRollup(spec.table);
        this.refused.add(key);
        this.log(`[rollups] ${spec.table}: ${rows.toLocaleString('en-GB')} rows is over the budget; its queries stay on the records`);
        return;
      }
      this.built.set(key, { spec, rows, used: ++this.clock });
      this.counts.built++;
      this.log(`[rollups] ${spec.table} ready: ${rows.toLocaleString('en-GB')} rows, grain ${spec.grain.length} + ${spec.histograms.length} histogram(s), ${Math.round(performance.now() - started)} ms`);
      this.evict();
    } catch (error) {
      if (this.stopping.signal.aborted) return;
      this.counts.failed++;
      this.refused.add(key);
      this.log(`[rollups] ${spec.table} not built: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private evict(): void {
    const total = () => [...this.built.values()].reduce((n, b) => n + b.rows, 0);
    while (total() > this.budget.maxRowsTotal && this.built.size > 1) {
      const [key, oldest] = [...this.built].sort((a, b) => a[1].used - b[1].used)[0]!;
      this.built.delete(key);
      // Queries compiled against it may still be running: drop it once they must have ended.
      setTimeout(() => { void this.engine.dropRollup(oldest.spec.table).catch(() => {}); }, this.budget.buildTimeoutMs).unref();
    }
  }
}
