// What one simulated analyst asks next: 60% variations of common APC pivots (other filters,
// years, levels and measures, so the result cache only partly helps), 20% drills (the last
// table's first row field one level down, `in`-filtered on a row it showed) and 20% repeats of
// one of its own recent queries (the cache should answer those). Seeded, so runs compare.
import type { Catalogue, CodeField } from '../shared/catalogue/catalogue-types';
import { indexDataset } from '../shared/catalogue/dataset-index';
import type { FieldRef, Filter, PivotQueryInput } from '../shared/query/pivot-query';
import { OTHER_CODE, type PivotResult } from '../shared/result/pivot-result';
import type { Random } from './seeded-random';

export type RequestKind = 'variation' | 'drill' | 'repeat';

export interface PlannedRequest {
  readonly kind: RequestKind;
  readonly query: PivotQueryInput;
}

/** The analyst's latest table that can be drilled (its first row field has a finer level). */
export interface LastTable {
  readonly query: PivotQueryInput;
  readonly result: PivotResult;
}

/** A common pivot; each request picks one of each list. `null` column = rows only. */
interface Template {
  readonly rows: readonly FieldRef[];
  readonly columns: readonly (FieldRef | null)[];
  readonly measures: readonly (readonly string[])[];
}

const TEMPLATES: readonly Template[] = [
  { rows: [{ field: 'admimeth_group' }], columns: [{ field: 'sex' }], measures: [['fce', 'fae', 'los_median', 'mean_age'], ['fae']] },
  { rows: [{ field: 'diag_01', level: 'chapter' }, { field: 'diag_01', level: 'block' }], columns: [{ field: 'procode3', level: 'provider_region' }, { field: 'sex' }, null], measures: [['fce'], ['fce', 'fae']] },
  { rows: [{ field: 'age_band' }], columns: [{ field: 'sex' }, { field: 'admimeth_group' }], measures: [['fce', 'fae'], ['fae', 'los_mean']] },
  { rows: [{ field: 'resgor_ons', level: 'region' }, { field: 'resgor_ons', level: 'district' }], columns: [{ field: 'fyear', level: 'fquarter' }, { field: 'emergency' }, null], measures: [['fae'], ['fae', 'emergency_fae']] },
  { rows: [{ field: 'mainspef' }], columns: [{ field: 'classpat' }, null], measures: [['fce', 'day_case_fce'], ['fce', 'fce_bed_days']] },
  { rows: [{ field: 'procode3', level: 'provider_region' }, { field: 'procode3', level: 'provider_icb' }], columns: [{ field: 'admimeth_group' }, { field: 'sex' }], measures: [['fae', 'los_mean'], ['fae', 'los_median']] },
  { rows: [{ field: 'fyear', level: 'fquarter' }, { field: 'fyear', level: 'month' }], columns: [{ field: 'admimeth_pub' }, null], measures: [['fae'], ['fae', 'fde']] },
  { rows: [{ field: 'opertn_01', level: 'chapter' }], columns: [{ field: 'sex' }, null], measures: [['fce'], ['fce', 'los_mean']] },
  { rows: [{ field: 'los_band' }], columns: [{ field: 'admimeth_group' }], measures: [['fde'], ['fde', 'deaths']] },
  { rows: [{ field: 'diag_01', level: 'chapter' }], columns: [{ field: 'age_band' }], measures: [['fae'], ['fae', 'patients']] },
];

/** Fields analysts filter on by code (a few codes from the catalogue's code list). */
const CODE_FILTERS: readonly FieldRef[] = [
  { field: 'sex' }, { field: 'admimeth_group' }, { field: 'resgor_ons', level: 'region' }, { field: 'classpat' },
  { field: 'diag_01', level: 'chapter' }, { field: 'procode3', level: 'provider_region' }, { field: 'age_band' },
];
const AGE_RANGES: readonly (readonly [number, number])[] = [[0, 17], [18, 64], [65, 120], [18, 120], [75, 120]];
const RECENT = 8;

export interface AnalystMix {
  next(last: LastTable | undefined): PlannedRequest;
}

export function createAnalystMix(catalogue: Catalogue, rng: Random): AnalystMix {
  const apc = catalogue.datasets.get('apc');
  if (!apc) throw new Error('The analyst mix needs the APC dataset.');
  const index = indexDataset(apc);
  const years = apc.years;
  const recent: PivotQueryInput[] = [];

  const codeField = (id: string): CodeField => {
    const f = index.fields.get(id);
    if (f?.type !== 'code') throw new Error(`analyst mix: ${id} is not a code field of APC`);
    return f;
  };
  /** Known codes of a level (not-known codes left out: analysts rarely filter on them). */
  const codesOf = (ref: FieldRef): string[] => {
    const level = index.level(codeField(ref.field), ref.level);
    const list = level === undefined ? undefined : catalogue.codeLists.get(level.codeList);
    return (list?.codes ?? []).filter((c) => !c.unknown).map((c) => c.code);
  };

  /** Mostly the latest year, sometimes an earlier one or the last two together. */
  const pickYears = (): string[] => {
    const latest = years.at(-1)!;
    const r = rng.next();
    if (years.length < 2 || r < 0.7) return [latest];
    if (r < 0.9) return [rng.pick(years.slice(0, -1))];
    return years.slice(-2);
  };

  const pickFilters = (axisFields: ReadonlySet<string>): Filter[] => {
    const used = new Set(axisFields); // one filter per field, none on a field already on an axis
    const r = rng.next();
    const count = r < 0.4 ? 0 : r < 0.8 ? 1 : 2;
    const filters: Filter[] = [];
    for (let i = 0; i < count; i++) {
      if (rng.next() < 0.3 && !used.has('startage')) {
        const [low, high] = rng.pick(AGE_RANGES);
        filters.push({ kind: 'range', field: 'startage', low, high });
        used.add('startage');
        continue;
      }
      const ref = rng.pick(CODE_FILTERS.filter((f) => !used.has(f.field)));
      const codes = codesOf(ref);
      if (codes.length === 0) continue;
      const chosen = [...new Set([rng.pick(codes), ...(rng.next() < 0.3 ? [rng.pick(codes)] : [])])];
      filters.push({ kind: 'in', field: ref.field, ...(ref.level ? { level: ref.level } : {}), codes: chosen });
      used.add(ref.field);
    }
    return filters;
  };

  const variation = (): PivotQueryInput => {
    const t = rng.pick(TEMPLATES);
    const rows = [rng.pick(t.rows)];
    const column = rng.pick(t.columns);
    const columns = column === null ? [] : [column];
    const used = new Set([...rows, ...columns].map((f) => f.field));
    return { dataset: 'apc', years: pickYears(), rows, columns, measures: [...rng.pick(t.measures)], filters: pickFilters(used) };
  };

  /** The first row field one level down, keeping only a row the analyst saw. */
  const drill = (last: LastTable): PivotQueryInput | undefined => {
    const top = last.result.rowFields[0];
    if (!top?.drillable) return undefined;
    const levels = codeField(top.field).levels;
    const below = levels[levels.findIndex((l) => l.id === top.level) + 1];
    const candidates = last.result.rows.filter((r) => r.depth >= 1 && r.other !== true && r.codes[0] && r.codes[0] !== OTHER_CODE);
    if (below === undefined || candidates.length === 0) return undefined;
    const code = rng.pick(candidates).codes[0]!;
    const filters: Filter[] = [
      ...(last.query.filters ?? []).filter((f) => f.field !== top.field),
      { kind: 'in', field: top.field, level: top.level, codes: [code] },
    ];
    return { ...last.query, rows: [{ field: top.field, level: below.id }, ...(last.query.rows ?? []).slice(1)], filters };
  };

  const plan = (last: LastTable | undefined): PlannedRequest => {
    const r = rng.next();
    if (r >= 0.8 && recent.length > 0) return { kind: 'repeat', query: rng.pick(recent) };
    const drilled = r >= 0.6 && last !== undefined ? drill(last) : undefined;
    return drilled ? { kind: 'drill', query: drilled } : { kind: 'variation', query: variation() };
  };

  return {
    next(last) {
      const planned = plan(last);
      if (planned.kind !== 'repeat') {
        recent.push(planned.query);
        if (recent.length > RECENT) recent.shift();
      }
      return planned;
    },
  };
}
