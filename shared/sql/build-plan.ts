// Checks a PivotQuery against the catalogue and turns it into a PivotPlan. Every id the user
// sent is resolved through the catalogue here; unknown ids and over-large tables fail with
// typed domain errors before any SQL exists.
import type { Catalogue, CodeField, Dataset, Field, Level, Measure } from '../catalogue/catalogue-types';
import { codeLookup, indexDataset, type DatasetIndex } from '../catalogue/dataset-index';
import {
  InvalidFilterError, InvalidQueryError, TooManyCellsError, UnknownDatasetError, UnknownFieldError,
  UnknownLevelError, UnknownMeasureError, UnknownYearError,
} from '../errors/domain-error';
import type { Filter, PivotQuery } from '../query/pivot-query';
import type { AggregateFn, AggregatePlan, DimensionPlan, MeasurePlan, PivotPlan, Predicate } from './pivot-plan';

/** Row × column cells one pivot may return, and values (cells × measures). */
export const CELL_LIMIT = 50_000;
export const VALUE_LIMIT = 200_000;

export function buildPlan(query: PivotQuery, catalogue: Catalogue): PivotPlan {
  const dataset = catalogue.datasets.get(query.dataset);
  if (!dataset) throw new UnknownDatasetError(query.dataset);
  const idx = indexDataset(dataset);
  const years = checkYears(dataset, query.years);
  const dimensions = planDimensions(query, idx, catalogue);
  const { measures, aggregates, requested } = planMeasures(query, idx);
  checkSize(query, idx, catalogue, dimensions, requested.length);

  const recordFilters: Predicate[] = [yearPredicate(idx, years), ...query.filters.map((f, i) => filterPredicate(f, idx, catalogue, `filters.${i}`))];
  const parts: Predicate[] = [recordFilters[0]!];
  if (dataset.baseWhere !== null) parts.push({ kind: 'trusted', sql: dataset.baseWhere });
  parts.push(...recordFilters.slice(1));
  // Rows no measure counts cannot change any cell: drop them before grouping (fewer rows
  // to aggregate, and no spurious all-zero groups from, e.g., unfinished episodes).
  const wheres = aggregates.map((a) => a.where);
  if (wheres.length > 0 && wheres.every((w): w is string => w !== null)) {
    parts.push({ kind: 'any', parts: [...new Set(wheres)].map((sql) => ({ kind: 'trusted', sql })) });
  }

  return deepFreeze({
    dataset: dataset.id,
    table: dataset.table,
    years,
    dimensions,
    aggregates,
    measures,
    requestedMeasures: requested,
    where: { kind: 'all', parts },
    recordFilters,
    groupingSets: groupingSets(query, dimensions),
  });
}

function checkYears(dataset: Dataset, years: readonly string[]): string[] {
  const available = new Set(dataset.years);
  for (const y of years) if (!available.has(y)) throw new UnknownYearError(dataset.id, y, dataset.years);
  return [...new Set(years)].sort();
}

function yearPredicate(idx: DatasetIndex, years: readonly string[]): Predicate {
  const field = idx.fields.get('fyear');
  if (field?.type !== 'code') throw new Error(`catalogue: ${idx.dataset.id} has no fyear code field`);
  const level = idx.level(field, 'fyear');
  if (!level) throw new Error(`catalogue: ${idx.dataset.id}.fyear has no fyear level`);
  return { kind: 'in', expr: level.sql, values: years };
}

function resolveCodeField(idx: DatasetIndex, fieldId: string, levelId: string | undefined, path: string): { field: CodeField; level: Level } {
  const field = idx.fields.get(fieldId);
  if (!field) throw new UnknownFieldError(idx.dataset.id, fieldId, `${path}.field`);
  if (field.type !== 'code') {
    throw new InvalidQueryError(`"${field.label}" is a number; use it as a range filter, or its banded field, instead.`, `${path}.field`);
  }
  const level = idx.level(field, levelId);
  if (!level) throw new UnknownLevelError(field.id, levelId ?? field.defaultLevel, `${path}.level`);
  return { field, level };
}

function planDimensions(query: PivotQuery, idx: DatasetIndex, catalogue: Catalogue): DimensionPlan[] {
  const refs = [
    ...query.rows.map((r, i) => ({ ...r, axis: 'row' as const, path: `rows.${i}` })),
    ...query.columns.map((c, i) => ({ ...c, axis: 'column' as const, path: `columns.${i}` })),
  ];
  const seen = new Set<string>();
  let multi = 0;
  return refs.map((ref, i) => {
    const { field, level } = resolveCodeField(idx, ref.field, ref.level, ref.path);
    if (seen.has(field.id)) throw new InvalidQueryError(`"${field.label}" is used twice; use it once, at the level you need.`, ref.path);
    seen.add(field.id);
    if (field.multiValued) multi += 1;
    if (multi > 1) throw new InvalidQueryError('Only one "any position" field can be a row or column at a time.', ref.path);
    return {
      axis: ref.axis, field: field.id, level: level.id, expr: level.sql,
      multiValued: field.multiValued === true, codeList: level.codeList,
      codes: codesWithin(query, field, level, catalogue), alias: `d${i}`,
    };
  });
}

/** How many codes of `level` the dimension can take: its code list's, or, under an `in` filter
 *  on a coarser level of the same field (a drill), the codes below the kept ones (their parents
 *  lead to one). An estimate for sizing work (DimensionPlan.codes), never a filter itself. */
function codesWithin(query: PivotQuery, field: CodeField, level: Level, catalogue: Catalogue): number {
  const listed = (l: Level) => catalogue.codeLists.get(l.codeList)?.codes ?? [];
  const depth = field.levels.indexOf(level);
  let fewest = catalogue.codeLists.get(level.codeList)?.codes.length ?? Infinity;
  for (const f of query.filters) {
    const from = f.kind === 'in' && f.field === field.id ? field.levels.findIndex((l) => l.id === (f.level ?? field.defaultLevel)) : -1;
    if (f.kind !== 'in' || from < 0 || from > depth) continue;
    let kept = new Set(f.codes);
    for (const below of field.levels.slice(from + 1, depth + 1)) kept = new Set(listed(below).filter((c) => c.parent !== undefined && kept.has(c.parent)).map((c) => c.code));
    fewest = Math.min(fewest, kept.size);
  }
  return fewest;
}

function planMeasures(query: PivotQuery, idx: DatasetIndex) {
  const requested = [...new Set(query.measures)];
  const lookup = (id: string, path: string): Measure => {
    const m = idx.measures.get(id);
    if (!m) throw new UnknownMeasureError(idx.dataset.id, id, path);
    return m;
  };
  requested.forEach((id, i) => {
    if (lookup(id, `measures.${i}`).hidden) throw new UnknownMeasureError(idx.dataset.id, id, `measures.${i}`);
  });

  const aggregates: AggregatePlan[] = [];
  const bySignature = new Map<string, string>();
  const agg = (fn: AggregateFn, arg: string | null, where: string | null): string => {
    const signature = JSON.stringify([fn, arg, where]);
    const hit = bySignature.get(signature);
    if (hit) return hit;
    const alias = `a${aggregates.length}`;
    aggregates.push({ alias, fn, arg, where });
    bySignature.set(signature, alias);
    return alias;
  };

  const plans = new Map<string, MeasurePlan>();
  const add = (m: Measure): void => {
    if (plans.has(m.id)) return;
    switch (m.kind) {
      case 'count':
        plans.set(m.id, { id: m.id, kind: 'count', value: m.distinctOf === undefined ? agg('count', null, m.where) : agg('count_distinct', m.distinctOf, m.where) });
        return;
      case 'sum':
        plans.set(m.id, { id: m.id, kind: 'sum', value: agg('sum', m.of, m.where), contributors: agg('count_nonnull', m.of, m.where) });
        return;
      case 'statistic':
        plans.set(m.id, { id: m.id, kind: 'statistic', aggregate: m.aggregate, decimals: m.decimals, value: agg(m.aggregate, m.of, m.where), contributors: agg('count_nonnull', m.of, m.where) });
        return;
      case 'ratio': {
        const parts = [m.numerator, m.denominator].map((id) => lookup(id, 'measures'));
        for (const p of parts) {
          if (p.kind !== 'count') throw new Error(`catalogue: ratio ${m.id} part ${p.id} is not a count`);
          add(p);
        }
        plans.set(m.id, { id: m.id, kind: 'ratio', numerator: m.numerator, denominator: m.denominator, multiplier: m.multiplier });
        return;
      }
      default: {
        const never: never = m;
        throw new Error(`unhandled measure ${String(never)}`);
      }
    }
  };
  requested.forEach((id) => add(lookup(id, 'measures')));
  // Requested measures first, in the order asked; helpers after.
  const ordered = [...requested.map((id) => plans.get(id)!), ...[...plans.values()].filter((p) => !requested.includes(p.id))];
  return { measures: ordered, aggregates, requested };
}

function filterPredicate(filter: Filter, idx: DatasetIndex, catalogue: Catalogue, path: string): Predicate {
  switch (filter.kind) {
    case 'in':
    case 'not-in': {
      const { field, level } = resolveFilterField(idx, filter.field, filter.level, path);
      const list = catalogue.codeLists.get(level.codeList);
      const known = list ? codeLookup(list) : new Map();
      for (const code of filter.codes) {
        if (!known.has(code)) throw new InvalidFilterError(`"${code}" is not a ${level.label.toLowerCase()} code of ${field.label}.`, `${path}.codes`);
      }
      const values = [...new Set(filter.codes)];
      if (field.multiValued) return { kind: filter.kind === 'in' ? 'list-has-any' : 'list-has-none', expr: level.sql, values };
      return { kind: filter.kind, expr: level.sql, values };
    }
    case 'range': {
      const field = idx.fields.get(filter.field);
      if (!field) throw new UnknownFieldError(idx.dataset.id, filter.field, `${path}.field`);
      if (field.type !== 'number') throw new InvalidFilterError(`"${field.label}" takes code filters, not a range.`, `${path}.field`);
      if (filter.low > filter.high) throw new InvalidFilterError(`The range for "${field.label}" starts after it ends.`, path);
      // The catalogue declares every value of the field within [min, max], so clamping changes no
      // answer and the SQL only ever sees bounds of the field's own size. A range wholly outside
      // would match nothing: almost always a slip, which an all-zero table would not explain.
      if (filter.high < field.min || filter.low > field.max) {
        throw new InvalidFilterError(`"${field.label}" runs from ${field.min} to ${field.max} ${field.unit}, so a range from ${filter.low} to ${filter.high} holds no records.`, path);
      }
      return { kind: 'between', expr: field.sql, low: Math.max(filter.low, field.min), high: Math.min(filter.high, field.max) };
    }
    case 'code-prefix': {
      const field = idx.fields.get(filter.field);
      if (!field) throw new UnknownFieldError(idx.dataset.id, filter.field, `${path}.field`);
      if (field.type !== 'code') throw new InvalidFilterError(`"${field.label}" is a number; use a range filter.`, `${path}.field`);
      const finest = field.levels[field.levels.length - 1]!;
      const prefix = filter.prefix.toUpperCase();
      return field.multiValued
        ? { kind: 'list-any-starts-with', expr: finest.sql, prefix }
        : { kind: 'starts-with', expr: finest.sql, prefix };
    }
    default: {
      const never: never = filter;
      throw new Error(`unhandled filter ${String(never)}`);
    }
  }
}

function resolveFilterField(idx: DatasetIndex, fieldId: string, levelId: string | undefined, path: string): { field: CodeField; level: Level } {
  const field: Field | undefined = idx.fields.get(fieldId);
  if (field?.type === 'number') throw new InvalidFilterError(`"${field.label}" is a number; use a range filter.`, `${path}.field`);
  return resolveCodeField(idx, fieldId, levelId, path);
}

function checkSize(query: PivotQuery, idx: DatasetIndex, catalogue: Catalogue, dims: readonly DimensionPlan[], measureCount: number): void {
  const cardinality = (d: DimensionPlan): number => {
    const full = catalogue.codeLists.get(d.codeList)?.codes.length ?? 1;
    const field = idx.fields.get(d.field);
    // Mentions of other codes still appear under a filter on mentions: no narrowing there.
    if (field?.type !== 'code' || field.multiValued === true) return Math.max(1, full);
    const narrowed = query.filters.map((f) => (f.kind === 'in' && f.field === d.field
      ? codesUnder(field, catalogue, f.level ?? field.defaultLevel, f.codes, d.level) : full));
    return Math.max(1, Math.min(full, ...narrowed));
  };
  const cells = dims.reduce((n, d) => n * cardinality(d), 1);
  if (cells > CELL_LIMIT) throw new TooManyCellsError(cells, CELL_LIMIT);
  if (cells * measureCount > VALUE_LIMIT) throw new TooManyCellsError(cells * measureCount, VALUE_LIMIT);
}

/** How many codes of `target` level an `in` filter at `filterLevel` can leave: the filter's own
 *  codes at the same level, their descendants at a finer one (a drill filters the parent), or at
 *  most one ancestor per code at a coarser one. */
function codesUnder(field: CodeField, catalogue: Catalogue, filterLevel: string, codes: readonly string[], target: string): number {
  const from = field.levels.findIndex((l) => l.id === filterLevel);
  const to = field.levels.findIndex((l) => l.id === target);
  if (from < 0 || to < 0 || to <= from) return codes.length;
  let current = new Set(codes);
  for (let k = from + 1; k <= to; k++) {
    const list = catalogue.codeLists.get(field.levels[k]!.codeList)?.codes ?? [];
    current = new Set(list.filter((c) => c.parent !== undefined && current.has(c.parent)).map((c) => c.code));
  }
  return current.size;
}

function defaultLevel(idx: DatasetIndex, fieldId: string): string | undefined {
  const f = idx.fields.get(fieldId);
  return f?.type === 'code' ? f.defaultLevel : undefined;
}

/** Prefixes of rows × prefixes of columns: cells, every subtotal, and the grand total. */
function groupingSets(query: PivotQuery, dims: readonly DimensionPlan[]): number[][] {
  const rows = dims.flatMap((d, i) => (d.axis === 'row' ? [i] : []));
  const cols = dims.flatMap((d, i) => (d.axis === 'column' ? [i] : []));
  if (!query.totals) return [[...rows, ...cols]];
  const sets: number[][] = [];
  for (let r = rows.length; r >= 0; r--) {
    for (let c = cols.length; c >= 0; c--) sets.push([...rows.slice(0, r), ...cols.slice(0, c)]);
  }
  return sets;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
