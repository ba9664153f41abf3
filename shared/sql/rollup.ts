// Pre-aggregated rollups (Cube's pre-aggregations, for pivots): a table holding, per combination
// of a few of the dataset's columns (those the dimensions and filters analysts use read) and per
// value of a median's measured column, the additive partials of every measure of the dataset.
// Because a rollup keeps the source columns under their own names, any field expression that
// reads only those columns (age bands and age ranges both read `startage`) runs on it unchanged:
// the query is answered exactly by the two-step renderer from thousands of rows, not millions.
import type { Dataset } from '../catalogue/catalogue-types';
import type { Dialect } from './dialect';
import type { AggregatePlan, PivotPlan, Predicate } from './pivot-plan';
import { renderPredicate } from './render-sql';
import { clusterIs, numbersPairs, renderRecordTableBuild } from './record-table-build';
import { twoStepBlocker, twoStepShape, type Partial, type StepOneSource } from './render-two-step';

/** A median's measured value, as the histogram column of a rollup stores it. */
export interface HistogramSpec { readonly arg: string; readonly where: string | null }

export interface RollupSpec {
  readonly dataset: Dataset['id'];
  /** The dataset's table (view) the rollup is built from. */
  readonly source: string;
  /** Name of the rollup table in the engine. */
  readonly table: string;
  readonly baseWhere: string | null;
  /** Source columns kept, sorted, under their own names. */
  readonly grain: readonly string[];
  /** Histogram value columns __h0, __h1, … (CASE WHEN where THEN arg END). */
  readonly histograms: readonly HistogramSpec[];
  /** Partial columns __p0, __p1, …: every additive partial of every measure of the dataset. */
  readonly partials: readonly Omit<Partial, 'alias'>[];
  /** One row per record, not per combination: the records' columns with every partial worked
   *  out per record (a 0/1 count, a value or null), so a pivot sums small integers instead of
   *  evaluating each measure's condition on every record (2–3× faster at national scale). */
  readonly perRecord?: true;
  /** Per-record tables only: written one value of `expr` (the year) at a time, so its rows lie
   *  in year order and a query on one year of five skips the others' row groups (min/max). */
  readonly clusterBy?: { readonly expr: string; readonly values: readonly string[] };
  /** Per-record tables only: the expressions distinct counts count (person_id, spell_id), each
   *  stored as `__s<i>` = 1 when no other record has that key, else as an integer key `__k<i>`.
   *  With `clusterBy`, "other" means another record of the same year and the keys are numbered
   *  within each year (numbering five national years at once needs more than DuckDB's memory),
   *  so the table answers a distinct count only for a query on one year. */
  readonly distinctKeys?: readonly string[];
  /** Per-record tables of several years: each key's 64-bit hash as well (`__g<i>`, null for a
   *  null key), the same in every year, so the table answers a distinct count over several years
   *  by counting hashes distinct (without the "seen once" split, which holds within a year). The
   *  build first checks that no two keys share a hash, one hash partition at a time (every
   *  patient of five national years at once does not fit DuckDB's memory), and fails if any do:
   *  a collision would merge two patients.
   *  Each pair of consecutive years (clusterBy.values[p] and [p + 1]) also numbers the keys
   *  found in both its years (`__y<p % 2>x<i>`, 1…n, null for the others), in the columns of
   *  parity p % 2 (a year's records belong to two pairs, of different parities). Over the pair,
   *  a key in one year only is seen once if `__s` says so and otherwise is that year's `__k`: so a
   *  query on two consecutive years takes the one-year path (keys seen once add up like counts,
   *  the rest are small integers, bitmaps) instead of hashing every record (a national two-year
   *  patients count by chapter × age band took 14.7 s from the hashes). Numbering every key a
   *  pair shares instead needed three joins of 10M keys each per year: out of memory. */
  readonly crossYearKeys?: true;
  /** Per-record tables only: the field expressions that compute a value (age bands, admission
   *  groups, ages in whole years), each worked out once per record at build as a column
   *  `__c<i>`, which queries read instead. Evaluating a 20-branch CASE on every record at
   *  query time made a pivot on one national year 1.3–2× slower. */
  readonly computed?: readonly string[];
  /** Per-record tables only, measured once built: the largest number each key got (`__k<i>`,
   *  numbered 1…n within each year), which bounds the size of a bitmap of those keys. */
  readonly keyRanges?: readonly number[];
  /** Per-record tables with crossYearKeys, measured once built: per key, the largest number in
   *  the pair columns of parity 0 and 1 (`__y0x<i>`, `__y1x<i>`). */
  readonly pairKeyRanges?: readonly (readonly [number, number])[];
  /** Build it from this per-record table (same dataset, covering its grain and histograms)
   *  rather than from the records: sums of precomputed partials, no conditions to evaluate. */
  readonly buildFrom?: RollupSpec;
}

/** What a per-record table's build measures of its keys. */
export type KeyRanges = Pick<RollupSpec, 'keyRanges' | 'pairKeyRanges'>;

const signature = (p: Omit<Partial, 'alias'>) => JSON.stringify([p.fn, p.arg, p.where]);
const histKey = (h: HistogramSpec) => JSON.stringify([h.arg, h.where]);

/** Expressions a predicate reads, or null when a rollup cannot answer it (lists, trusted SQL). */
function predicateExprs(p: Predicate): string[] | null {
  switch (p.kind) {
    case 'in': case 'not-in': case 'between': case 'starts-with': return [p.expr];
    case 'all': case 'any': {
      const parts = p.parts.map(predicateExprs);
      return parts.some((x) => x === null) ? null : parts.flat() as string[];
    }
    default: return null;
  }
}

/** The columns of `columns` an SQL expression reads (identifiers outside string literals). */
export function referencedColumns(expr: string, columns: ReadonlySet<string>): string[] {
  const code = expr.replace(/'(?:[^']|'')*'/g, "''");
  return [...new Set((code.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []).filter((w) => columns.has(w)))];
}

/** The grain (source columns) and histograms a rollup needs to answer `plan`, or null when none
 *  can (mention fields, list filters, a dataset without a column list, or distinct counts: only
 *  a per-record table keying them answers those, so they are shapes only when `distinct` is set). */
export function rollupShape(plan: PivotPlan, columns: readonly string[] | undefined, distinct = false): { grain: string[]; histograms: HistogramSpec[] } | null {
  if (!columns || (!distinct && twoStepBlocker(plan) !== null) || plan.dimensions.some((d) => d.multiValued)) return null;
  const filterExprs = plan.recordFilters.map(predicateExprs);
  if (filterExprs.some((x) => x === null)) return null;
  const known = new Set(columns);
  const grain = [...new Set([...plan.dimensions.map((d) => d.expr), ...(filterExprs.flat() as string[])]
    .flatMap((e) => referencedColumns(e, known)))].sort();
  const histograms = plan.aggregates.filter((a) => a.fn === 'median').map((a) => ({ arg: a.arg ?? 'NULL', where: a.where }));
  return { grain, histograms: [...new Map(histograms.map((h) => [histKey(h), h])).values()] };
}

/** Whether a rollup of `held` has every column and histogram `shape` needs. */
export function holdsShape(held: Pick<RollupSpec, 'grain' | 'histograms'>, shape: Pick<RollupSpec, 'grain' | 'histograms'>): boolean {
  return shape.grain.every((g) => held.grain.includes(g)) && shape.histograms.every((h) => held.histograms.some((x) => histKey(x) === histKey(h)));
}

/** The columns whose distinct combinations bound the rows of a rollup of `shape`: its grain and
 *  the columns its histograms' measured values read. */
export function shapeColumns(shape: { grain: readonly string[]; histograms: readonly HistogramSpec[] }, columns: readonly string[]): string[] {
  const known = new Set(columns);
  return [...new Set([...shape.grain, ...shape.histograms.flatMap((h) => referencedColumns(h.arg, known))])].sort();
}

/** The dataset's distinct-count measures (patients, spells). */
function distinctCounts(dataset: Dataset): { readonly of: string; readonly where: string | null }[] {
  return dataset.measures.flatMap((m) => (m.kind === 'count' && m.distinctOf !== undefined ? [{ of: m.distinctOf, where: m.where }] : []));
}

/** Every aggregate the dataset's measures can need, distinct counts excepted. */
export function datasetAggregates(dataset: Dataset): AggregatePlan[] {
  const out: AggregatePlan[] = [];
  const add = (fn: AggregatePlan['fn'], arg: string | null, where: string | null) => out.push({ alias: `x${out.length}`, fn, arg, where });
  for (const m of dataset.measures) {
    switch (m.kind) {
      case 'count': if (m.distinctOf === undefined) add('count', null, m.where); break;
      case 'sum': add('sum', m.of, m.where); add('count_nonnull', m.of, m.where); break;
      case 'statistic': add(m.aggregate === 'median' ? 'count_nonnull' : m.aggregate, m.of, m.where); add('count_nonnull', m.of, m.where); break;
      case 'ratio': break; // its parts are counts, listed themselves
      default: { const never: never = m; throw new Error(`unhandled measure ${String(never)}`); }
    }
  }
  return out;
}

export function rollupSpec(dataset: Dataset, shape: { grain: readonly string[]; histograms: readonly HistogramSpec[] }, table: string): RollupSpec {
  const partials = new Map<string, Omit<Partial, 'alias'>>();
  const aggregates = datasetAggregates(dataset);
  for (const p of twoStepShape(aggregates).partials) partials.set(signature(p), { fn: p.fn, arg: p.arg, where: p.where });
  // Records each measure condition admits, so a query can skip rows none of its measures count
  // (as its record-level plan does): otherwise groups of all-zero cells would appear. Distinct
  // counts' conditions too: a per-record table answers those with them.
  for (const where of new Set([...aggregates.map((a) => a.where), ...distinctCounts(dataset).map((d) => d.where)])) {
    const presence = { fn: 'count' as const, arg: null, where };
    partials.set(signature(presence), presence);
  }
  // The year's columns first: the build orders rows by grain, so a query on one year of five
  // reads only that year's row groups (DuckDB skips the rest by their min/max).
  const years = new Set(yearColumns(dataset));
  const grain = [...shape.grain.filter((g) => years.has(g)), ...shape.grain.filter((g) => !years.has(g))];
  return { dataset: dataset.id, source: dataset.table, table, baseWhere: dataset.baseWhere, grain, histograms: [...shape.histograms], partials: [...partials.values()] };
}

/** The financial year's level (fyear), which every query filters on. */
function yearLevel(dataset: Dataset) {
  const year = dataset.fields.find((f) => f.id === 'fyear');
  return year?.type === 'code' ? year.levels.find((l) => l.id === 'fyear') : undefined;
}

/**
 * The latest year's rows, for estimating a rollup's rows over several years from one: with the
 * year in its columns, a rollup's rows are the sum of each year's, about `years` times the
 * latest's (a little more than the truth where earlier years had fewer). Over five national
 * years a full scan per estimate took seconds and start-up planning many minutes; tables are
 * ordered by year, so one year's scan costs what it does over one year of data.
 */
export function yearSlice(dataset: Dataset, columns: readonly string[]): { readonly where: string; readonly years: number } | undefined {
  const level = yearLevel(dataset);
  const latest = dataset.years.at(-1);
  const needed = yearColumns(dataset);
  if (!level || latest === undefined || dataset.years.length < 2 || needed.length === 0 || !needed.every((c) => columns.includes(c))) return undefined;
  return { where: `(${level.sql}) = '${latest.replaceAll("'", "''")}'`, years: dataset.years.length };
}

function yearColumns(dataset: Dataset): string[] {
  const level = yearLevel(dataset);
  return level && dataset.columns ? referencedColumns(level.sql, new Set(dataset.columns)) : [];
}

/** The per-record table of a dataset: every column its single-valued fields read, and every
 *  column its medians measure (shapeColumns names those, so the planner's row estimates, made
 *  from this table once it is built, must find them: `elecdur` is read by no field). */
export function recordTableSpec(dataset: Dataset, table: string): RollupSpec | null {
  if (!dataset.columns) return null;
  const known = new Set(dataset.columns);
  // A median's histogram as the plan asks for it (build-plan: the measure's own value and where).
  const histograms = dataset.measures.flatMap((m) => (m.kind === 'statistic' && m.aggregate === 'median' ? [{ arg: m.of, where: m.where }] : []));
  const grain = [
    ...dataset.fields.flatMap((f) => {
      if (f.type === 'number') return referencedColumns(f.sql, known);
      return f.multiValued === true ? [] : f.levels.flatMap((l) => referencedColumns(l.sql, known));
    }),
    ...histograms.flatMap((h) => referencedColumns(h.arg, known)),
  ];
  const spec = rollupSpec(dataset, { grain: [...new Set(grain)].sort(), histograms: [...new Map(histograms.map((h) => [histKey(h), h])).values()] }, table);
  const keys = [...new Set(distinctCounts(dataset).map((d) => d.of))].sort();
  const year = yearLevel(dataset);
  const computed = [...new Set(dataset.fields.flatMap((f) => (f.type === 'number' ? [f.sql] : f.multiValued === true ? [] : f.levels.map((l) => l.sql))))]
    .filter((sql) => !known.has(sql.trim()));
  return {
    ...spec, perRecord: true,
    ...(computed.length > 0 ? { computed } : {}),
    ...(year ? { clusterBy: { expr: year.sql, values: [...dataset.years] } } : {}),
    ...(keys.length > 0 ? { distinctKeys: keys } : {}),
    ...(keys.length > 0 && year && dataset.years.length > 1 ? { crossYearKeys: true as const } : {}),
  };
}

/** The smallest-grain rollup that answers `plan` (every dimension, filter, partial, median). */
export function matchRollup(plan: PivotPlan, rollups: readonly RollupSpec[], columns: readonly string[] | undefined): RollupSpec | undefined {
  const { partials, distincts } = twoStepShape(plan.aggregates);
  const shape = rollupShape(plan, columns, distincts.length > 0);
  if (!shape) return undefined;
  const need = [...partials, ...distincts.map((a) => ({ fn: 'count' as const, arg: null, where: a.where }))].map(signature);
  const keys = distincts.map((a) => a.arg ?? '');
  const keyedFor = (r: RollupSpec) => keys.length === 0
    || (keys.every((k) => r.distinctKeys?.includes(k) === true) && (r.clusterBy === undefined || plan.years.length === 1 || r.crossYearKeys === true));
  return rollups
    .filter((r) => r.dataset === plan.dataset && holdsShape(r, shape) && need.every((s) => r.partials.some((p) => signature(p) === s)) && keyedFor(r))
    .sort((a, b) => a.grain.length - b.grain.length)[0];
}

/** Step one of the two-step plan, read from a rollup: the same expressions over its columns. */
export function rollupSource(plan: PivotPlan, spec: RollupSpec): StepOneSource {
  const partialColumn = new Map(spec.partials.map((p, i) => [signature(p), `__p${i}`]));
  const shape = twoStepShape(plan.aggregates);
  return {
    render: (ctx) => {
      const stored = new Map((spec.computed ?? []).map((sql, i) => [sql, ctx.q(`__c${i}`)]));
      const dims = plan.dimensions.map((d) => `${stored.get(d.expr) ?? `(${d.expr})`} AS ${ctx.q(d.alias)}`);
      const hists = shape.histograms.map((h) => {
        const agg = plan.aggregates.find((a) => a.alias === h.aggregate)!;
        const i = spec.histograms.findIndex((x) => histKey(x) === histKey({ arg: agg.arg ?? 'NULL', where: agg.where }));
        return `${ctx.q(`__h${i}`)} AS ${ctx.q(h.alias)}`;
      });
      const wheres = plan.aggregates.map((a) => a.where);
      const counted = wheres.every((w): w is string => w !== null)
        ? [`(${[...new Set(wheres)].map((w) => `${ctx.q(partialColumn.get(signature({ fn: 'count', arg: null, where: w }))!)} > 0`).join(' OR ')})`]
        : [];
      const where = [ctx.predicate(readingColumns({ kind: 'all', parts: plan.recordFilters }, stored)), ...counted].join(' AND ');
      return `SELECT *${[...dims, ...hists].map((s) => `, ${s}`).join('')} FROM ${ctx.q(spec.table)} WHERE ${where}`;
    },
    partial: (p, ctx) => `sum(${ctx.q(partialColumn.get(signature(p))!)})`,
    distinct: (a, ctx) => {
      const i = spec.distinctKeys?.indexOf(a.arg ?? '') ?? -1;
      if (i < 0) throw new Error(`rollup ${spec.table} does not key ${a.arg}`);
      const counted = a.where === null ? null : `${ctx.q(partialColumn.get(signature({ fn: 'count', arg: null, where: a.where }))!)} = 1`;
      const pair = pairOf(spec, plan.years);
      const [yearRange, pairRange] = [spec.keyRanges?.[i], pair === undefined ? undefined : spec.pairKeyRanges?.[i]?.[pair % 2]];
      if (pair !== undefined && yearRange !== undefined && pairRange !== undefined) {
        // Two consecutive years: a key in both is numbered within the pair (1…pairRange); one in a
        // single year is seen once there (__s) or numbered within that year, after the pair's
        // numbers (the first year's) or after those too (the second's).
        const [crossed, number, once] = [ctx.q(`__y${pair % 2}x${i}`), ctx.q(`__k${i}`), ctx.q(`__s${i}`)];
        const second = clusterIs(spec.clusterBy!, spec.clusterBy!.values[pair + 1]!);
        return {
          once: `count(*) FILTER (WHERE ${[`${once} = 1`, `${crossed} IS NULL`, ...(counted ? [counted] : [])].join(' AND ')})`,
          key: `coalesce(${crossed}, ${number} + CASE WHEN ${second} THEN ${pairRange + yearRange} ELSE ${pairRange} END)`,
          shared: [`(${crossed} IS NOT NULL OR ${number} IS NOT NULL)`, ...(counted ? [counted] : [])].join(' AND '),
          dense: true,
          range: pairRange + 2 * yearRange,
          expression: true,
        };
      }
      if (spec.clusterBy !== undefined && plan.years.length > 1) {
        // "Seen once" and the numbers hold within a year or a pair: across more, count the hashes.
        if (!spec.crossYearKeys) throw new Error(`rollup ${spec.table} keys ${a.arg} within a year only`);
        const hashed = ctx.q(`__g${i}`);
        return { once: 'count(*) FILTER (WHERE FALSE)', key: hashed, shared: [`${hashed} IS NOT NULL`, ...(counted ? [counted] : [])].join(' AND ') };
      }
      const once = `${ctx.q(`__s${i}`)} = 1`;
      return {
        once: `count(*) FILTER (WHERE ${[once, ...(counted ? [counted] : [])].join(' AND ')})`,
        key: ctx.q(`__k${i}`),
        shared: [`${ctx.q(`__k${i}`)} IS NOT NULL`, ...(counted ? [counted] : [])].join(' AND '),
        dense: true, // numbered 1…n (within each year)
        ...(spec.keyRanges?.[i] !== undefined ? { range: spec.keyRanges[i] } : {}),
      };
    },
  };
}

/** The pair (index of its first year) whose numbers answer a query on `years`, if they are two
 *  consecutive years of a table numbering the keys of pairs. */
function pairOf(spec: RollupSpec, years: readonly string[]): number | undefined {
  const values = spec.clusterBy?.values ?? [];
  if (!numbersPairs(spec) || years.length !== 2) return undefined;
  const p = values.indexOf(years[0]!);
  return p >= 0 && values[p + 1] === years[1] ? p : values[p - 1] === years[1] && p > 0 ? p - 1 : undefined;
}

/** `p` reading a stored column where one holds an expression it evaluates. */
function readingColumns(p: Predicate, stored: ReadonlyMap<string, string>): Predicate {
  switch (p.kind) {
    case 'all': case 'any': return { kind: p.kind, parts: p.parts.map((x) => readingColumns(x, stored)) };
    case 'trusted': return p;
    default: { const column = stored.get(p.expr); return column === undefined ? p : { ...p, expr: column }; }
  }
}

/** CREATE TABLE … AS the rollup, from the dataset's records (ordered by grain for fast scans):
 *  the statements to run in order. */
export function renderRollupBuild(spec: RollupSpec, dialect: Dialect): string[] {
  const q = (n: string) => dialect.quoteIdentifier(n);
  const noParams = () => { throw new Error('a rollup build has no parameters'); };
  const grain = spec.grain.map((g) => q(g));
  const hists = spec.histograms.map((h, i) => `${h.where === null ? `(${h.arg})` : `CASE WHEN (${h.where}) THEN (${h.arg}) END`} AS ${q(`__h${i}`)}`);
  const partials = spec.partials.map((p, i) => `${dialect.aggregate(p.fn, p.arg === null ? null : `(${p.arg})`, p.where === null ? null : `(${p.where})`)} AS ${q(`__p${i}`)}`);
  const keys = [...grain, ...spec.histograms.map((_, i) => q(`__h${i}`))];
  const base = spec.baseWhere === null ? [] : [renderPredicate({ kind: 'trusted', sql: spec.baseWhere }, dialect, noParams)];
  const where = base.length > 0 ? ` WHERE ${base[0]}` : '';
  const from = spec.buildFrom;
  if (from && !spec.perRecord && from.perRecord && coversSpec(from, spec)) {
    const fromHist = spec.histograms.map((h) => from.histograms.findIndex((x) => histKey(x) === histKey(h)));
    const fromPartial = spec.partials.map((p) => from.partials.findIndex((x) => signature(x) === signature(p)));
    // Counts come back as BIGINT, as count() gives them (a sum of integers is a 128-bit HUGEINT,
    // which made every pivot on the rollup ten times slower).
    const summed = (j: number, i: number) => (spec.partials[i]!.fn === 'sum' ? `sum(${q(`__p${j}`)})` : `CAST(sum(${q(`__p${j}`)}) AS BIGINT)`);
    const select = [...grain, ...fromHist.map((j, i) => `${q(`__h${j}`)} AS ${q(`__h${i}`)}`), ...fromPartial.map((j, i) => `${summed(j, i)} AS ${q(`__p${i}`)}`)];
    return [`CREATE TABLE ${q(spec.table)} AS SELECT ${select.join(', ')} FROM ${q(from.table)}`
      + (keys.length > 0 ? ` GROUP BY ${keys.map((k, i) => (i < grain.length ? k : q(`__h${fromHist[i - grain.length]}`))).join(', ')} ORDER BY ${keys.map((_, i) => i + 1).join(', ')}` : '')];
  }
  if (spec.perRecord) return renderRecordTableBuild(spec, dialect, { grain, hists, base });
  return [`CREATE TABLE ${q(spec.table)} AS SELECT ${[...grain, ...hists, ...partials].join(', ')} FROM ${q(spec.source)}${where}`
    + (keys.length > 0 ? ` GROUP BY ${keys.join(', ')} ORDER BY ${keys.join(', ')}` : '')];
}

/** Whether a table built as `from` holds every column, histogram and partial `spec` needs. */
function coversSpec(from: RollupSpec, spec: RollupSpec): boolean {
  return from.dataset === spec.dataset && holdsShape(from, spec) && spec.partials.every((p) => from.partials.some((x) => signature(x) === signature(p)));
}
