// Renders a PivotPlan in two steps (performance-notes.md): first aggregate the records once to
// the finest grain the query needs — its dimensions plus, per median, the measured value — as
// additive partials (counts, sums); then build every grouping set from that small table. Counts,
// sums, means and ratios roll up exactly; a median rolls up exactly from its per-value counts
// (a histogram) by cumulative counts. Distinct counts do not roll up from the records: those
// plans stay one-step, unless the source is a per-record table that keys them (rollup.ts): then
// keys seen once in the whole table add up like counts and only the rest are counted distinct.
// The first step's shape is also what a pre-aggregated rollup table stores (rollup-source.ts).
import type { Dialect } from './dialect';
import { groupingParts, partColumns, readsDimension, type GroupingPart, type GroupingRows } from './grouping-parts';
import type { AggregatePlan, CompiledQuery, PivotPlan, Predicate, SqlValue } from './pivot-plan';
import { GROUPING_ALIAS, renderPredicate } from './render-sql';

/** Why a plan cannot be rendered in two steps, or null when it can. */
export function twoStepBlocker(plan: PivotPlan): string | null {
  if (plan.aggregates.some((a) => a.fn === 'count_distinct')) return 'distinct counts do not roll up';
  return null;
}

/** The first step's partial columns for one aggregate: how each is computed per fine-grain row
 *  and how the second step combines them. */
export interface Partial {
  readonly alias: string;
  /** Aggregate over records (first step). */
  readonly fn: 'count' | 'count_nonnull' | 'sum';
  readonly arg: string | null;
  readonly where: string | null;
}

export interface TwoStepShape {
  readonly partials: readonly Partial[];
  /** Distinct counts: only a source that keys them (StepOneSource.distinct) can answer these. */
  readonly distincts: readonly AggregatePlan[];
  /** Per median aggregate: its histogram value column (CASE WHEN where THEN arg END). */
  readonly histograms: readonly { readonly alias: string; readonly aggregate: string; readonly valueSql: string; readonly weight: string }[];
}

/** The partials and histogram columns a plan's aggregates need. */
export function twoStepShape(aggregates: readonly AggregatePlan[]): TwoStepShape {
  const partials: Partial[] = [];
  const histograms: { alias: string; aggregate: string; valueSql: string; weight: string }[] = [];
  const distincts: AggregatePlan[] = [];
  for (const a of aggregates) {
    switch (a.fn) {
      case 'count': partials.push({ alias: `${a.alias}_n`, fn: 'count', arg: null, where: a.where }); break;
      case 'count_nonnull': partials.push({ alias: `${a.alias}_n`, fn: 'count_nonnull', arg: a.arg, where: a.where }); break;
      case 'sum': partials.push({ alias: `${a.alias}_s`, fn: 'sum', arg: a.arg, where: a.where }); break;
      case 'mean':
        partials.push({ alias: `${a.alias}_s`, fn: 'sum', arg: a.arg, where: a.where });
        partials.push({ alias: `${a.alias}_n`, fn: 'count_nonnull', arg: a.arg, where: a.where });
        break;
      case 'median': {
        const value = a.where === null ? `(${a.arg})` : `CASE WHEN (${a.where}) THEN (${a.arg}) END`;
        histograms.push({ alias: `${a.alias}_v`, aggregate: a.alias, valueSql: value, weight: `${a.alias}_w` });
        partials.push({ alias: `${a.alias}_w`, fn: 'count_nonnull', arg: a.arg, where: a.where });
        break;
      }
      case 'count_distinct': distincts.push(a); break;
      default: { const never: never = a.fn; throw new Error(`unhandled aggregate ${String(never)}`); }
    }
  }
  return { partials, histograms, distincts };
}

/** Groups all grouping sets counted through bitmaps may have together: a bitmap is a bit per
 *  key value, one per group and thread — 0.6 MB for APC's 4.6M shared patients a year
 *  nationally, some 3 MB for Outpatients' (unmeasured): 48 groups keep that within 0.3 GB. */
const BITMAP_GROUPS = 48;

/** Bytes the bitmaps of the finest grouping set may take when every set is merged from them.
 *  DuckDB keeps a copy of each group's state per thread until it merges them, outside its memory
 *  limit: at 320 MB (patients by ICD-10 chapter × age band nationally, 506 groups × 0.56 MB,
 *  merged) the five-year bench's server peaked at 3.2 GB RSS instead of 2.4. */
const MERGED_BITMAP_BYTES = 64 * 2 ** 20;

type BitmapSplit =
  /** One bitmap per group of the finest set, then each grouping set ORs those: one pass over
   *  the records for all sets (2.5 s instead of 7.5 s for patients by chapter × age band over a
   *  national year, measured under load). */
  | { readonly kind: 'merged' }
  /** Sets with few groups through bitmaps (one pass for all of them), the rest by hashing. */
  | { readonly kind: 'split'; readonly bitmapSets: readonly (readonly number[])[]; readonly hashedSets: readonly (readonly number[])[] };

/** How the grouping sets count distinct keys: through bitmaps merged from the finest set's when
 *  those fit MERGED_BITMAP_BYTES (groups bounded by the dimensions' code lists, bitmap size by the
 *  keys' ranges); otherwise the smallest sets through bitmaps while their groups stay within
 *  BITMAP_GROUPS, and the rest by hashing. `ranges`: each key's largest value, null when a key is
 *  not numbered 1…n (then all are hashed). */
function splitForBitmaps(plan: PivotPlan, ranges: readonly (number | undefined)[] | null): BitmapSplit {
  const sets = plan.dimensions.length > 0 ? plan.groupingSets : [[]];
  if (ranges === null) return { kind: 'split', bitmapSets: [], hashedSets: sets };
  const groups = (set: readonly number[]) => set.reduce((n, i) => n * (plan.dimensions[i]!.codes + 1), 1); // + unknown
  const finest = plan.dimensions.map((_, i) => i);
  const bytes = ranges.reduce<number>((n, r) => n + (r === undefined ? Infinity : Math.ceil((r + 1) / 8)), 0);
  if (groups(finest) * bytes <= MERGED_BITMAP_BYTES) return { kind: 'merged' };
  let total = 0;
  const bitmapSets = [...sets].sort((a, b) => groups(a) - groups(b)).filter((set) => {
    if (total + groups(set) > BITMAP_GROUPS) return false;
    total += groups(set);
    return true;
  });
  return { kind: 'split', bitmapSets, hashedSets: sets.filter((set) => !bitmapSets.includes(set)) };
}

/** Where the first step reads from: the records, or a rollup table already at a coarser grain. */
export interface StepOneSource {
  /** FROM … WHERE … producing one row per record or per rollup row, with dims and values. */
  readonly render: (ctx: RenderContext) => string;
  /** The expression summing partial `p` into the fine grain. */
  readonly partial: (p: Partial, ctx: RenderContext) => string;
  /** A distinct count split in two exact parts: `once` sums, into the fine grain, the records
   *  whose key no other record has (each is one distinct key wherever it falls); `key` counted
   *  distinct over the records `shared` admits (keys with several records) gives the rest. */
  readonly distinct?: (a: AggregatePlan, ctx: RenderContext) => {
    readonly once: string; readonly key: string; readonly shared: string;
    /** `key` is a column of small integers (numbered 1…n): grouping sets with few groups can
     *  count it through a bitmap (Dialect.countDistinctBitmap). */
    readonly dense?: true;
    /** The largest `key` in the table (n), when known: bounds the bitmaps' size. */
    readonly range?: number;
    /** `key` is an expression (no column statistics): bitmaps need `range` stated. */
    readonly expression?: true;
  };
}

export interface RenderContext {
  readonly dialect: Dialect;
  readonly q: (name: string) => string;
  readonly value: (v: SqlValue) => string;
  readonly predicate: (p: Predicate) => string;
}

/** The records themselves: dimensions, histogram values and partials computed per record. A
 *  multi-valued dimension unnests them to its mentions (`rows`), or is left out. */
export const recordSource = (plan: PivotPlan, shape: TwoStepShape, rows: GroupingRows = 'mentions'): StepOneSource => ({
  render: (ctx) => {
    const dims = plan.dimensions.flatMap((d, i) => (!readsDimension(plan, rows, i) ? []
      : [`${d.multiValued ? ctx.dialect.unnest(`(${d.expr})`) : `(${d.expr})`} AS ${ctx.q(d.alias)}`]));
    const values = shape.histograms.map((h) => `${h.valueSql} AS ${ctx.q(h.alias)}`);
    return `SELECT *${[...dims, ...values].map((s) => `, ${s}`).join('')} FROM ${ctx.q(plan.table)} WHERE ${ctx.predicate(plan.where)}`;
  },
  partial: (p, ctx) => ctx.dialect.aggregate(p.fn, p.arg === null ? null : `(${p.arg})`, p.where === null ? null : `(${p.where})`),
});

export function renderTwoStep(plan: PivotPlan, dialect: Dialect, source?: StepOneSource): CompiledQuery {
  const params: SqlValue[] = [];
  const q = (name: string) => dialect.quoteIdentifier(name);
  const value = (v: SqlValue): string => { params.push(v); return dialect.placeholder(params.length, v); };
  const ctx: RenderContext = { dialect, q, value, predicate: (p) => renderPredicate(p, dialect, value) };
  const shape = twoStepShape(plan.aggregates);
  // Rollups never hold a multi-valued dimension (rollupShape): only the records answer one.
  const multi = plan.dimensions.some((d) => d.multiValued);
  if (multi && source !== undefined) throw new Error('only the records answer an any-position dimension');
  const from = source ?? recordSource(plan, shape);
  const distinct = from.distinct;
  if (shape.distincts.length > 0 && distinct === undefined) throw new Error('distinct counts do not roll up from this source');
  const split = shape.distincts.map((a) => ({ a, ...distinct!(a, ctx) }));

  const dims = plan.dimensions.map((d) => q(d.alias));
  const hists = shape.histograms.map((h) => q(h.alias));
  // Sets grouping a multi-valued dimension read its mentions (`fine`), the others one row per
  // record (`fine_records`); both parts render the record filter once and share its placeholders.
  const setParts = groupingParts(plan);
  const fineOf = (part: GroupingPart) => q(multi && part.rows === 'records' ? 'fine_records' : 'fine');
  const whereSql = new Map<Predicate, string>();
  const stepOneCtx: RenderContext = { ...ctx, predicate: (p) => {
    const sql = whereSql.get(p) ?? ctx.predicate(p);
    whereSql.set(p, sql);
    return sql;
  } };
  const once = split.map((d) => `${d.once} AS ${q(`${d.a.alias}_once`)}`);
  const stepOne = (part: GroupingPart) => {
    const rowsFrom = multi ? recordSource(plan, shape, part.rows) : from;
    const fine = [...plan.dimensions.flatMap((_, i) => (readsDimension(plan, part.rows, i) ? [dims[i]!] : [])), ...hists];
    return `SELECT ${[...fine, ...shape.partials.map((p) => `${rowsFrom.partial(p, ctx)} AS ${q(p.alias)}`), ...once].join(', ')}`
      + ` FROM (${rowsFrom.render(stepOneCtx)}) AS ${q('base')}${fine.length > 0 ? ` GROUP BY ${fine.join(', ')}` : ''}`;
  };
  const sum = (alias: string) => `sum(${q(alias)})`;
  const combined = plan.aggregates.flatMap((a): string[] => {
    switch (a.fn) {
      // A count over no rows is 0, not NULL (the sum of no partials).
      case 'count': case 'count_nonnull': return [`coalesce(${sum(`${a.alias}_n`)}, 0) AS ${q(a.alias)}`];
      case 'sum': return [`${sum(`${a.alias}_s`)} AS ${q(a.alias)}`];
      case 'mean': return [`${sum(`${a.alias}_s`)} / nullif(${sum(`${a.alias}_n`)}, 0) AS ${q(a.alias)}`];
      case 'median': return []; // joined from its histogram below
      case 'count_distinct': return [`coalesce(${sum(`${a.alias}_once`)}, 0) AS ${q(`${a.alias}_once`)}`];
      default: throw new Error(`${a.fn} does not roll up`);
    }
  });
  const hasDims = plan.dimensions.length > 0;
  const grouping = hasDims ? dialect.groupingId(plan.dimensions.map((d) => d.alias)) : '0';
  const setsOf = (sets: GroupingPart['sets'], extra: readonly string[]) => sets.map((s) => `(${[...s.map((i) => dims[i]), ...extra].join(', ')})`).join(', ');
  const groupBy = (extra: readonly string[], sets = plan.groupingSets) => (hasDims ? ` GROUP BY GROUPING SETS (${setsOf(sets, extra)})` : extra.length > 0 ? ` GROUP BY ${extra.join(', ')}` : '');
  /** A SELECT per part of the grouping sets from its fine table, in one statement. */
  const perPart = (select: readonly string[], where: string, extra: readonly string[]) => setParts.map((part) => {
    const { columns, groupingId } = partColumns(plan, part.sets, dialect);
    return `SELECT ${[...columns, ...select, `${groupingId} AS ${q(GROUPING_ALIAS)}`].join(', ')} FROM ${fineOf(part)}${where}${groupBy(extra, part.sets)}`;
  }).join(' UNION ALL ');
  const cells = perPart(combined, '', []);

  const joinOn = (name: string) => ` LEFT JOIN ${name} ON ${[`${q('cells')}.${q(GROUPING_ALIAS)} = ${name}.${q(GROUPING_ALIAS)}`,
    ...plan.dimensions.map((d) => `${q('cells')}.${q(d.alias)} IS NOT DISTINCT FROM ${name}.${q(d.alias)}`)].join(' AND ')}`;
  const withs = [...setParts.map((part) => `${fineOf(part)} AS (${stepOne(part)})`), `${q('cells')} AS (${cells})`];
  const joins: string[] = [];
  // Exact median per cell from the histogram: the k-th smallest value is the first value whose
  // cumulative count reaches k; the median averages the ⌊(n+1)/2⌋-th and (⌊n/2⌋+1)-th.
  shape.histograms.forEach((h, i) => {
    const hName = q(`hist${i}`);
    const mName = q(`med${i}`);
    const part = [q(GROUPING_ALIAS), ...dims].join(', ');
    const hist = perPart([q(h.alias), `${sum(h.weight)} AS ${q('c')}`], ` WHERE ${q(h.alias)} IS NOT NULL`, [q(h.alias)]);
    const cum = `SELECT *, sum(${q('c')}) OVER (PARTITION BY ${part} ORDER BY ${q(h.alias)} ROWS UNBOUNDED PRECEDING) AS ${q('cum')},`
      + ` sum(${q('c')}) OVER (PARTITION BY ${part}) AS ${q('n')} FROM ${hName}`;
    const kth = (k: string) => `min(${q(h.alias)}) FILTER (WHERE ${q('cum')} >= ${k})`;
    const med = `SELECT ${part}, (${kth(`floor((${q('n')} + 1) / 2)`)} + ${kth(`floor(${q('n')} / 2) + 1`)}) / 2 AS ${q(h.aggregate)}`
      + ` FROM (${cum}) AS ${q('ranked')} GROUP BY ${part}`;
    withs.push(`${hName} AS (${hist})`, `${mName} AS (${med})`);
    joins.push(joinOn(mName));
  });
  if (split.length > 0) {
    // Keys with several records, counted distinct per grouping set over those records only.
    const anyShared = [...new Set(split.map((d) => `(${d.shared})`))].join(' OR ');
    const base = `FROM (${from.render(ctx)}) AS ${q('base')} WHERE ${anyShared}`;
    const stated = (d: (typeof split)[number]) => (d.expression ? d.range : undefined);
    const bitmaps = split.every((d) => d.dense === true && (!d.expression || d.range !== undefined) && dialect.bitmapOf(d.key, d.shared) !== null);
    const how = splitForBitmaps(plan, bitmaps ? split.map((d) => d.range) : null);
    const parts: string[] = [];
    if (how.kind === 'merged') {
      const fineBitmaps = split.map((d, i) => `${dialect.bitmapOf(d.key, d.shared, stated(d))!} AS ${q(`b${i}`)}`);
      withs.push(`${q('shared_fine')} AS (SELECT ${[...dims, ...fineBitmaps].join(', ')} ${base}${hasDims ? ` GROUP BY ${dims.join(', ')}` : ''})`);
      const counted = split.map((d, i) => `${dialect.countMergedBitmaps(q(`b${i}`))} AS ${q(d.a.alias)}`);
      parts.push(`SELECT ${[...dims, ...counted, `${grouping} AS ${q(GROUPING_ALIAS)}`].join(', ')} FROM ${q('shared_fine')}${groupBy([])}`);
    }
    const { bitmapSets, hashedSets } = how.kind === 'split' ? how : { bitmapSets: [], hashedSets: [] };
    if (hashedSets.length > 0) {
      const counted = split.map((d) => `${ctx.dialect.aggregate('count_distinct', d.key, d.shared)} AS ${q(d.a.alias)}`);
      const sets = hasDims ? ` GROUP BY GROUPING SETS (${hashedSets.map((set) => `(${set.map((i) => dims[i]).join(', ')})`).join(', ')})` : '';
      parts.push(`SELECT ${[...dims, ...counted, `${grouping} AS ${q(GROUPING_ALIAS)}`].join(', ')} ${base}${sets}`);
    }
    // Sets with few groups in one pass: a bit per key and group. GROUPING() takes only columns
    // grouped in some set of its query, so a dimension in none of these is rolled up (bit 1).
    if (bitmapSets.length > 0) {
      const counted = split.map((d) => `${dialect.countDistinctBitmap(d.key, d.shared, stated(d))!} AS ${q(d.a.alias)}`);
      const grouped = plan.dimensions.map((_, i) => bitmapSets.some((set) => set.includes(i)));
      const columns = plan.dimensions.map((_, i) => (grouped[i] ? dims[i]! : `NULL AS ${dims[i]!}`));
      const bits = plan.dimensions.map((d, i) => { const bit = 1 << (plan.dimensions.length - 1 - i); return grouped[i] ? `${dialect.groupingId([d.alias])} * ${bit}` : `${bit}`; });
      const sets = bitmapSets.map((set) => `(${set.map((i) => dims[i]).join(', ')})`).join(', ');
      parts.push(`SELECT ${[...columns, ...counted, `${bits.length > 0 ? bits.join(' + ') : '0'} AS ${q(GROUPING_ALIAS)}`].join(', ')} ${base}${hasDims ? ` GROUP BY GROUPING SETS (${sets})` : ''}`);
    }
    withs.push(`${q('shared')} AS (${parts.join(' UNION ALL ')})`);
    joins.push(joinOn(q('shared')));
  }
  const column = (a: AggregatePlan): string => {
    if (a.fn === 'median') return `${q(`med${shape.histograms.findIndex((h) => h.aggregate === a.alias)}`)}.${q(a.alias)}`;
    if (a.fn === 'count_distinct') return `CAST(${q('cells')}.${q(`${a.alias}_once`)} + coalesce(${q('shared')}.${q(a.alias)}, 0) AS BIGINT)`;
    return `${q('cells')}.${q(a.alias)}`;
  };
  const select = [
    ...dims.map((d) => `${q('cells')}.${d}`),
    ...plan.aggregates.map((a) => `${column(a)} AS ${q(a.alias)}`),
    `${q('cells')}.${q(GROUPING_ALIAS)}`,
  ];
  const sql = `WITH ${withs.join(', ')} SELECT ${select.join(', ')} FROM ${q('cells')}${joins.join('')}`;
  return { sql, params, plan };
}
