// Chooses, builds and serves pre-aggregated rollups automatically. A query no rollup covers is
// answered from the records and its shape (columns and medians) is remembered; once some shape
// has been missed twice, a background job plans one rollup for the recent misses — a greedy cover
// (shared/sql/rollup-plan.ts) that merges as many missed shapes as fit the row budget, so one
// table answers many shapes — and builds it. At start-up the same planner works on the audit
// log's queries. Jobs run one at a time, only while no analyst's query runs or waits.
import type { Catalogue, Dataset } from '../../shared/catalogue/catalogue-types';
import type { CompiledQuery, PivotPlan } from '../../shared/sql/pivot-plan';
import { holdsShape, recordTableSpec, rollupShape, rollupSpec, shapeColumns, yearSlice, type HistogramSpec, type RollupSpec } from '../../shared/sql/rollup';
import { planRollups, type ShapeDemand } from '../../shared/sql/rollup-plan';
import type { Engine, RunOptions } from './engine';
import { isAttempt, recordTableAttempts } from './record-table';

/** Budgets count rows per year of data: rollups are ordered by year, so a query reads only the
 *  rows of the years it asks for, and five years' rollup of a shape answers a one-year query as
 *  fast as one year's does. */
export interface RollupBudget {
  /** Rows one rollup may hold per year of its dataset; a bigger build is dropped (the shape
   *  stays on the records). */
  readonly maxRowsEach: number;
  /** Rows all rollups together may hold per year of data; the least recently used go first. */
  readonly maxRowsTotal: number;
  /** A build taking longer is interrupted. */
  readonly buildTimeoutMs: number;
  /** The same for a per-record table (a copy of every record: 80–100 s for one national year
   *  of APC, minutes for five); default 30 minutes. */
  readonly recordTableTimeoutMs?: number;
}

// Rollups live in the engine's file database, compressed (~30 bytes a row measured): 12M rows
// (a year of data's budget) are some 360 MB, paged by DuckDB inside its memory limit.
export const DEFAULT_ROLLUP_BUDGET: RollupBudget = { maxRowsEach: 1_000_000, maxRowsTotal: 12_000_000, buildTimeoutMs: 120_000 };

const RECORD_TABLE_TIMEOUT_MS = 30 * 60_000;
/** A sampled estimate this many times the budget rules a rollup out without a full scan. */
const QUICK_REFUSAL = 2;

/** Misses of one shape before a rollup is planned for it (a build scans every record, as costly
 *  as the query itself: one-off shapes are not worth it). */
const SIGHTINGS = 2;
/** Misses remembered for planning (older ones are forgotten: the workload moves on). */
const RECENT_MISSES = 400;
/** Plans aim this far under the row budget: estimates are approximate (a sample's, or one year's
 *  rows times the years). */
const ESTIMATE_MARGIN = 0.8;
/** Estimates one planning job may make (each scans a few columns of every record, ~0.35 s
 *  nationally): a job for recent misses plans one rollup, start-up plans several. */
const ESTIMATES_PER_PLAN = 40;
const ESTIMATES_AT_START = 500;
/** A rollup must have at most this fraction of the records' rows (one in ten). */
const COMMON_SHRINK = 10;
const QUIET_POLL_MS = 100;
/** Background work yields to analysts' queries at most this long: under constant load it would
 *  otherwise never run, and every miss it would answer costs more than the build. */
const MAX_YIELD_MS = 5_000;

interface Built { readonly spec: RollupSpec; readonly rows: number; used: number }
interface Job { readonly key: string; readonly run: () => Promise<void> }

export interface RollupStats {
  readonly ready: number; readonly rows: number; readonly built: number;
  /** Column sets found too big for one rollup (estimated or built). */
  readonly refused: number;
  readonly failed: number; readonly queued: number;
  /** Queries compiled against a rollup, and against the records (with why). */
  readonly hits: number; readonly misses: number; readonly missReasons: Readonly<Record<string, number>>;
}

/** An engine error's first line for the log. DuckDB quotes the value it failed on (e.g. in a
 *  conversion error): that could be a record's, so quoted text is left out. */
const engineReason = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/'(?:[^']|'')*'/g, "'…'");

/** Key of the row estimate of a dataset's column set (columns sorted, as shapes and plans give them). */
const estimateKey = (dataset: string, columns: readonly string[]) => JSON.stringify([dataset, columns]);
const estimateDataset = (key: string) => (JSON.parse(key) as [Dataset['id'], string[]])[0];

const demandKey = (dataset: string, d: { grain: readonly string[]; histograms: readonly HistogramSpec[] }) =>
  JSON.stringify([dataset, d.grain, d.histograms.map((h) => [h.arg, h.where])]);

export class RollupManager {
  private readonly built = new Map<string, Built>();
  private readonly queue: Job[] = [];
  private running: Promise<void> | null = null;
  private sequence = 0;
  private counts = { built: 0, failed: 0, hits: 0, misses: 0 };
  /** Why queries missed, by reason (for the bench's report). */
  private readonly missReasons = new Map<string, number>();
  /** Recent misses of shapes a rollup could answer, oldest first. */
  private readonly recentMisses: { readonly dataset: Dataset['id']; readonly key: string; readonly demand: ShapeDemand }[] = [];
  /** Estimated (or, once built, actual) rows per dataset and column set. */
  private readonly estimates = new Map<string, number>();
  private clock = 0;
  private readonly stopping = new AbortController();
  private enabled = true;

  constructor(
    private readonly engine: Engine,
    private readonly catalogue: Catalogue,
    private readonly budget: RollupBudget = DEFAULT_ROLLUP_BUDGET,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Takes over what the engine kept from an earlier run on the same data: the tables (ready
   *  at once; the per-record table is not built again) and the row estimates (not made again). */
  adoptKept(): void {
    const { tables, estimates } = this.engine.kept();
    for (const [key, distinct] of estimates) this.estimates.set(key, distinct);
    for (const { spec, rows } of tables) {
      if (!this.catalogue.datasets.has(spec.dataset)) continue;
      this.built.set(spec.table, { spec, rows, used: ++this.clock });
      // New rollups are numbered after the kept ones.
      this.sequence = Math.max(this.sequence, Number(/_(\d+)$/.exec(spec.table)?.[1] ?? 0));
      this.log(`[rollups] ${spec.table} kept from the last run: ${rows.toLocaleString('en-GB')} rows`);
    }
  }

  /** The rollups ready to be read, for the compiler. */
  ready(): RollupSpec[] {
    return this.enabled ? [...this.built.values()].map((b) => b.spec) : [];
  }

  /** Switches rollups off (every query reads the records) or back on: for benchmarks. */
  setEnabled(on: boolean): void {
    this.enabled = on;
  }

  /** Notes what a compiled query reads: a rollup is marked used (eviction keeps the most
   *  recently used); a query on the records or the per-record table is a miss. */
  observe(compiled: CompiledQuery): void {
    const used = compiled.rollup === undefined ? undefined : [...this.built.values()].find((b) => b.spec.table === compiled.rollup);
    if (used) used.used = ++this.clock;
    if (used && !used.spec.perRecord) this.counts.hits++;
    else this.consider(compiled.plan, used !== undefined);
  }

  /** A query missed every rollup: remember its shape, and plan a rollup once some shape not yet
   *  covered has been missed `SIGHTINGS` times. */
  consider(plan: PivotPlan, perRecord = false): void {
    if (!this.enabled) return;
    this.counts.misses++;
    const dataset = this.catalogue.datasets.get(plan.dataset);
    const shape = rollupShape(plan, dataset?.columns);
    const why = !shape && perRecord ? 'distinct counts (read from the per-record table, which keys them)'
      : !shape ? 'no rollup can answer it (distinct counts, mentions or list filters)'
      : `its shape was not built yet${perRecord ? ' (read the per-record table)' : ''}`;
    this.missReasons.set(why, (this.missReasons.get(why) ?? 0) + 1);
    if (!shape || !dataset?.columns) return;
    const demand = { ...shape, columns: shapeColumns(shape, dataset.columns), weight: 1 };
    const key = demandKey(dataset.id, demand);
    this.recentMisses.push({ dataset: dataset.id, key, demand });
    if (this.recentMisses.length > RECENT_MISSES) this.recentMisses.shift();
    this.replanSoon(dataset.id);
  }

  /** Plans up to `count` rollups for a workload (weighted shapes, e.g. from the audit log) and
   *  queues their builds. */
  planWorkload(datasetId: Dataset['id'], demands: readonly ShapeDemand[], count: number): void {
    if (!this.enabled || demands.length === 0) return;
    this.enqueue({ key: `plan:${datasetId}:workload`, run: async () => {
      // Rollups kept from the last run count towards `count`, and their shapes are not planned again.
      const ready = this.grouped().filter((b) => b.spec.dataset === datasetId);
      const uncovered = demands.filter((d) => !ready.some((b) => holdsShape(b.spec, d)));
      if (uncovered.length > 0 && count > ready.length) await this.planAndBuild(datasetId, uncovered, count - ready.length, 1, ESTIMATES_AT_START);
    } });
  }

  /** Queues the per-record table of a dataset (outside the row budget: it is the records),
   *  unless one kept from the last run is what the current code would build. */
  buildRecordTable(datasetId: Dataset['id']): void {
    const dataset = this.catalogue.datasets.get(datasetId);
    const spec = dataset ? recordTableSpec(dataset, `records_${datasetId}`) : null;
    if (!spec || !this.enabled) return;
    const attempts = recordTableAttempts(spec);
    const kept = this.recordTable(datasetId);
    if (kept && isAttempt(kept.spec, attempts, this.engine.dialect)) return;
    this.enqueue({ key: `records:${datasetId}`, run: async () => {
      if (kept) {
        this.log(`[rollups] ${kept.spec.table} kept from the last run is built differently now: building it again`);
        this.built.delete(kept.spec.table);
        await this.engine.dropRollup(kept.spec.table);
      }
      for (const [i, attempt] of attempts.entries()) {
        if (this.stopping.signal.aborted) return;
        if (i > 0) this.log(`[rollups] ${spec.table}: building it again ${attempt.as}`);
        if (await this.build(attempt.spec) !== null) return;
      }
    } });
  }

  /** Queues one broad rollup of a dataset without medians ("the common low-cardinality
   *  dimensions") for a server without a workload yet (unless kept from the last run): starting
   *  from the year, it adds candidate columns in priority order while the estimated row count stays within `rows`. */
  chooseCommon(datasetId: Dataset['id'], candidates: readonly string[], rows: number): void {
    const dataset = this.catalogue.datasets.get(datasetId);
    if (!dataset?.columns || !this.enabled || this.built.has(`rollup_${datasetId}_common`)) return;
    const available = new Set(dataset.columns);
    this.enqueue({ key: `common:${datasetId}`, run: async () => {
      const chosen = ['fyear'].filter((c) => available.has(c));
      for (const column of candidates) {
        if (this.stopping.signal.aborted || chosen.includes(column) || !available.has(column)) continue;
        const estimate = await this.engine.estimateDistinct(dataset.table, [...chosen, column], { timeoutMs: this.budget.buildTimeoutMs, signal: this.stopping.signal });
        // Worth it only well below the records' own count (small data needs no rollup).
        if (estimate.distinct <= Math.min(rows, estimate.rows / COMMON_SHRINK)) chosen.push(column);
      }
      await this.build(this.withSource(rollupSpec(dataset, { grain: [...chosen].sort(), histograms: [] }, `rollup_${datasetId}_common`)));
    } });
  }

  /** Interrupts a running job and forgets the queue (the server is closing). */
  async stop(): Promise<void> {
    this.queue.length = 0;
    this.stopping.abort();
    await this.idle();
  }

  /** Resolves when nothing is queued or running (for tests and the bench). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  stats(): RollupStats {
    return {
      ready: this.grouped().length, rows: this.grouped().reduce((n, b) => n + b.rows, 0),
      built: this.counts.built, refused: [...this.estimates].filter(([key, n]) => n > this.maxRowsEach(estimateDataset(key)) * ESTIMATE_MARGIN).length,
      failed: this.counts.failed, queued: this.queue.length,
      hits: this.counts.hits, misses: this.counts.misses, missReasons: Object.fromEntries(this.missReasons),
    };
  }

  /** Queues a planning job for a dataset's recent misses if one of their shapes, not covered by
   *  any rollup, was missed often enough. */
  private replanSoon(datasetId: Dataset['id']): void {
    if (this.queue.some((j) => j.key === `plan:${datasetId}:misses`)) return;
    const demands = this.uncoveredMisses(datasetId);
    if (!demands.some((d) => d.weight >= SIGHTINGS)) return;
    this.enqueue({ key: `plan:${datasetId}:misses`, run: async () => {
      const learned = this.estimates.size;
      const built = await this.planAndBuild(datasetId, this.uncoveredMisses(datasetId), 1, SIGHTINGS, ESTIMATES_PER_PLAN);
      // More may be waiting (or have arrived meanwhile); a round that neither built nor learned
      // anything would only repeat itself.
      if (built > 0 || this.estimates.size > learned) this.replanSoon(datasetId);
    } });
  }

  /** Recent misses of a dataset that no ready rollup answers, weighted by how often they came. */
  private uncoveredMisses(datasetId: Dataset['id']): ShapeDemand[] {
    const byKey = new Map<string, ShapeDemand>();
    for (const m of this.recentMisses) {
      if (m.dataset !== datasetId) continue;
      const seen = byKey.get(m.key);
      byKey.set(m.key, seen ? { ...seen, weight: seen.weight + 1 } : m.demand);
    }
    const specs = this.ready().filter((r) => r.dataset === datasetId && !r.perRecord);
    const covered = (d: ShapeDemand) => specs.some((r) => holdsShape(r, d));
    const tooBig = (d: ShapeDemand) => (this.estimates.get(estimateKey(datasetId, d.columns)) ?? 0) > this.maxPlannedRows(datasetId);
    return [...byKey.values()].filter((d) => !covered(d) && !tooBig(d));
  }

  /** Rows a planned rollup may have: the budget (less the estimates' margin), and well below the
   *  records' own count, or it saves nothing (small data). */
  private maxPlannedRows(datasetId: Dataset['id']): number {
    const records = this.recordTable(datasetId)?.rows ?? Infinity;
    return Math.min(this.maxRowsEach(datasetId) * ESTIMATE_MARGIN, records / COMMON_SHRINK);
  }

  /** The budget of one rollup of a dataset: maxRowsEach per year of its data. */
  private maxRowsEach(datasetId: Dataset['id']): number {
    return this.budget.maxRowsEach * this.yearsOf(datasetId);
  }

  private yearsOf(datasetId: Dataset['id']): number {
    return Math.max(1, this.catalogue.datasets.get(datasetId)?.years.length ?? 1);
  }

  /** Plans rollups for `demands` and builds them; resolves with how many were built. */
  private async planAndBuild(datasetId: Dataset['id'], demands: readonly ShapeDemand[], count: number, minCover: number, maxEstimates: number): Promise<number> {
    const dataset = this.catalogue.datasets.get(datasetId);
    if (!dataset || demands.length === 0) return 0;
    // A scan of the latest year, times the years, where the columns include the year (yearSlice).
    const scanned = async (source: string, columns: readonly string[], options: RunOptions) => {
      const slice = yearSlice(dataset, columns);
      const { distinct } = await this.engine.estimateDistinct(source, columns, { ...options, ...(slice ? { where: slice.where } : {}) });
      return distinct * (slice?.years ?? 1);
    };
    const estimate = async (columns: readonly string[]) => {
      const key = estimateKey(datasetId, columns);
      const known = this.estimates.get(key);
      if (known !== undefined) return known;
      await this.quiet();
      // The per-record table, once built, holds the same rows and is faster to scan (if it holds
      // these columns: one kept from an older run may not).
      const records = this.enabled ? this.recordTable(datasetId)?.spec : undefined;
      const source = records && columns.every((c) => records.grain.includes(c)) ? records.table : dataset.table;
      const options = { timeoutMs: this.budget.buildTimeoutMs, signal: this.stopping.signal };
      let distinct: number;
      try {
        // Most candidates are far over the budget: a quick estimate from a sample rules those out
        // (estimateFromSample: it errs low, by up to ×2 when most combinations are rare, seldom
        // high); the rest get a scan of every record, as a sample's estimate alone planned
        // rollups that came out 1.1–1.45M rows against 0.8M.
        const quick = await this.engine.estimateDistinct(source, columns, { ...options, quick: true });
        distinct = quick.distinct > QUICK_REFUSAL * maxRows ? quick.distinct : await scanned(source, columns, options);
      } catch (error) {
        if (this.stopping.signal.aborted) throw error;
        // Failing the job instead stopped every later plan of the dataset: each tried the most
        // missed shape, this one, first. Taken as too big, its shapes are skipped from now on
        // (and this logged once); not remembered, as the next run's code may estimate it.
        this.log(`[rollups] ${datasetId}: no row estimate for ${columns.join(', ')}, so its shapes stay on the records: ${engineReason(error)}`);
        this.estimates.set(key, Infinity);
        return Infinity;
      }
      this.estimates.set(key, distinct);
      void this.engine.rememberEstimate(key, distinct).catch(() => {});
      return distinct;
    };
    const maxRows = this.maxPlannedRows(datasetId);
    const planned = await planRollups(demands, estimate, { maxRows, count, minCover, maxEstimates });
    let built = 0;
    for (const p of planned) {
      if (this.stopping.signal.aborted) break;
      const spec = this.withSource(rollupSpec(dataset, p, `rollup_${datasetId}_${++this.sequence}`));
      const rows = await this.build(spec, `answers ${p.covers} of the ${demands.reduce((n, d) => n + d.weight, 0)} queries planned for`);
      if (rows !== null && rows <= this.maxRowsEach(datasetId)) built++;
      // Remember the real size (a failed build as too big): such a plan is not chosen again.
      if (!this.stopping.signal.aborted) {
        const key = estimateKey(datasetId, shapeColumns(p, dataset.columns ?? []));
        this.estimates.set(key, rows ?? Infinity);
        if (rows !== null) void this.engine.rememberEstimate(key, rows).catch(() => {});
      }
    }
    return built;
  }

  private enqueue(job: Job): void {
    if (this.queue.some((j) => j.key === job.key)) return;
    this.queue.push(job);
    this.pump();
  }

  private pump(): void {
    if (this.running || this.queue.length === 0) return;
    const job = this.queue.shift()!;
    this.running = (async () => {
      await this.quiet();
      if (!this.stopping.signal.aborted) await job.run();
    })().catch((error: unknown) => {
      if (!this.stopping.signal.aborted) this.log(`[rollups] ${job.key} failed: ${error instanceof Error ? error.message : String(error)}`);
    }).finally(() => {
      this.running = null;
      this.pump();
    });
  }

  /** Waits until no analyst's query is running or waiting (or `MAX_YIELD_MS` passed): rollups
   *  are background work and should not take the cores from an answer someone is waiting for. */
  private async quiet(): Promise<void> {
    const until = performance.now() + MAX_YIELD_MS;
    while (this.engine.pending() > 0 && performance.now() < until && !this.stopping.signal.aborted) await new Promise((r) => setTimeout(r, QUIET_POLL_MS));
  }

  /** Builds a rollup and makes it ready; resolves with its rows, or null if it failed. */
  private async build(spec: RollupSpec, why = ''): Promise<number | null> {
    const started = performance.now();
    try {
      if (this.stopping.signal.aborted) return null;
      await this.quiet();
      const timeoutMs = spec.perRecord ? this.budget.recordTableTimeoutMs ?? RECORD_TABLE_TIMEOUT_MS : this.budget.buildTimeoutMs;
      const { rows, ...ranges } = await this.engine.buildRollup(spec, { timeoutMs, signal: this.stopping.signal });
      if (!spec.perRecord && rows > this.maxRowsEach(spec.dataset)) {
        await this.engine.dropRollup(spec.table);
        this.log(`[rollups] ${spec.table}: ${rows.toLocaleString('en-GB')} rows is over the budget (grain ${spec.grain.join(", ")}); its queries stay on the records`);
        return rows;
      }
      this.built.set(spec.table, { spec: { ...spec, ...ranges }, rows, used: ++this.clock });
      this.counts.built++;
      this.log(`[rollups] ${spec.table} ready: ${rows.toLocaleString('en-GB')} rows, ${spec.perRecord ? `per record, ${spec.grain.length} columns` : `grain ${spec.grain.join(', ')}`}${spec.histograms.length > 0 ? ` + ${spec.histograms.length} histogram(s)` : ''}, ${Math.round(performance.now() - started)} ms${why ? `; ${why}` : ''}`);
      this.evict();
      return rows;
    } catch (error) {
      if (this.stopping.signal.aborted) return null;
      this.counts.failed++;
      this.log(`[rollups] ${spec.table} not built: ${engineReason(error)}`);
      return null;
    }
  }

  /** Builds from the dataset's per-record table when it is ready (sums of precomputed partials:
   *  faster than evaluating every measure's condition on the records again). */
  private withSource(spec: RollupSpec): RollupSpec {
    const from = this.recordTable(spec.dataset)?.spec;
    return from ? { ...spec, buildFrom: from } : spec;
  }

  /** The dataset's per-record table, once built. */
  private recordTable(datasetId: Dataset['id']): Built | undefined {
    return [...this.built.values()].find((b) => b.spec.dataset === datasetId && b.spec.perRecord);
  }

  /** Ready rollups other than per-record tables (those are outside the row budget). */
  private grouped(): Built[] {
    return [...this.built.values()].filter((b) => !b.spec.perRecord);
  }

  private evict(): void {
    // Per year of data: the years of the dataset with the most (all share them in HES).
    const years = Math.max(...[...this.catalogue.datasets.keys()].map((id) => this.yearsOf(id)), 1);
    const total = () => this.grouped().reduce((n, b) => n + b.rows, 0);
    while (total() > this.budget.maxRowsTotal * years && this.grouped().length > 1) {
      const oldest = this.grouped().sort((a, b) => a.used - b.used)[0]!;
      this.built.delete(oldest.spec.table);
      // Queries compiled against it may still be running: drop it once they must have ended.
      setTimeout(() => { void this.engine.dropRollup(oldest.spec.table).catch(() => {}); }, this.budget.buildTimeoutMs).unref();
    }
  }
}
