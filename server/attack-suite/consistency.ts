// F6: repeats and re-phrasings. The same query again, and the same populations asked other ways
// (years or codes in another order, rows and columns swapped, another sort, no totals, measures
// or filters in another order, an age range that every record satisfies). Every value published
// for one population must be identical, or repeated answers could be averaged (hes-data.md §5.4).
import type { FieldRef, Filter, PivotQueryInput } from '../../shared/query/pivot-query';
import type { PivotResult } from '../../shared/result/pivot-result';
import type { AttackContext } from './attack-context';
import type { Failure, ScenarioOutcome } from './findings';
import { DEFAULT_PROTECTION_WIDTH, eachCell, protectionWidth, suppressedShare } from './published-cells';
import { seededRandom } from './seeded-random';
import { AGE_FIELD, ageSql, countedWhere, filterSql, type DatasetId } from './truth';

interface ConsistencyPlan {
  readonly rows: FieldRef;
  readonly columns: FieldRef;
  readonly measures: readonly string[];
  readonly filterField: FieldRef;
  readonly codes: readonly string[];
}

const PLANS: Readonly<Record<DatasetId, readonly ConsistencyPlan[]>> = {
  apc: [
    { rows: { field: 'admimeth' }, columns: { field: 'classpat' }, measures: ['fce', 'mean_age', 'los_median'], filterField: { field: 'diag_01', level: 'chapter' }, codes: ['II', 'IX', 'XI', 'XIV', 'XIX'] },
    { rows: { field: 'diag_01', level: 'chapter' }, columns: { field: 'classpat' }, measures: ['fce', 'mean_age'], filterField: { field: 'admimeth' }, codes: ['11', '12', '13', '21', '22'] },
  ],
  op: [
    { rows: { field: 'attended' }, columns: { field: 'priority' }, measures: ['appointments', 'attendances'], filterField: { field: 'tretspef' }, codes: ['300', '101', '110', '130', '502'] },
    { rows: { field: 'refsourc' }, columns: { field: 'sex' }, measures: ['appointments', 'dna_rate'], filterField: { field: 'priority' }, codes: ['1', '2', '3'] },
  ],
  ae: [
    { rows: { field: 'aedepttype' }, columns: { field: 'aearrivalmode' }, measures: ['attendances', 'time_in_dept_mean', 'time_in_dept_median'], filterField: { field: 'aerefsource' }, codes: ['01', '03', '00', '07'] },
    { rows: { field: 'aeattenddisp' }, columns: { field: 'sex' }, measures: ['attendances', 'time_in_dept_mean'], filterField: { field: 'aedepttype' }, codes: ['01', '03', '04'] },
  ],
};

/** A cell's population: its grouped field codes (in any order) and the measure. */
function populationKeys(result: PivotResult): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const { row, column, cells } of eachCell(result)) {
    if (row.other === true) continue;
    const parts = [
      ...row.codes.map((code, i) => `${result.rowFields[i]!.field}/${result.rowFields[i]!.level}=${code}`),
      ...column.codes.map((code, i) => `${result.columnFields[i]!.field}/${result.columnFields[i]!.level}=${code}`),
    ].sort();
    cells.forEach((cell, m) => {
      if (cell.suppressed || cell.value === null) return;
      out.set(`${result.measures[m]!.id} | ${parts.join(' & ') || 'total'}`, cell.value);
    });
  }
  return out;
}

export async function repeatsAndRephrasings(dataset: DatasetId, seed: number, ctx: AttackContext): Promise<ScenarioOutcome> {
  const started = performance.now();
  const rnd = seededRandom('F6', dataset, seed);
  const plan = rnd.pick(PLANS[dataset]);
  const attacker = await ctx.newAttacker(`F6 ${dataset} seed ${seed}`);
  const codesFilter: Filter = { kind: 'in', field: plan.filterField.field, ...(plan.filterField.level ? { level: plan.filterField.level } : {}), codes: [...plan.codes] };
  const age = AGE_FIELD[dataset];
  // Ages from `low` up: APC has records without an age, so "no age filter" is not the same there.
  const low = dataset === 'apc' ? rnd.int(20, 40) : 0;
  const ageFilter: Filter = { kind: 'range', field: age, low, high: 120 };
  const population = [filterSql(dataset, codesFilter)];
  const [check] = await ctx.truth.rows(`SELECT count(*) FILTER (WHERE ${ageSql(dataset)} IS NULL OR ${ageSql(dataset)} NOT BETWEEN 0 AND 120) AS outside,
      coalesce(max(${ageSql(dataset)}), 0) AS oldest FROM ${ctx.truth.from(dataset)} WHERE ${countedWhere(dataset, ctx.years, population)}`);
  const everyAgeIn = Number(check?.outside ?? 1) === 0;
  const oldest = Number(check?.oldest ?? 120);
  const base: PivotQueryInput = { dataset, years: [...ctx.years], rows: [plan.rows], columns: [plan.columns], measures: [...plan.measures], filters: dataset === 'apc' ? [codesFilter, ageFilter] : [codesFilter] };
  const shuffled = [...plan.codes].reverse();
  const variants: { note: string; query: PivotQueryInput }[] = [
    { note: 'plain', query: base },
    { note: 'repeated', query: base },
    { note: 'years reversed', query: { ...base, years: [...ctx.years].reverse() } },
    { note: 'codes reordered', query: { ...base, filters: (base.filters ?? []).map((f) => (f === codesFilter ? { ...codesFilter, codes: shuffled } : f)) } },
    { note: 'rows and columns swapped', query: { ...base, rows: [plan.columns], columns: [plan.rows] } },
    { note: 'sorted by measure', query: { ...base, sort: { by: 'measure', measure: plan.measures[0]!, direction: 'desc' } } },
    { note: 'without totals', query: { ...base, totals: false } },
    { note: 'measures reversed', query: { ...base, measures: [...plan.measures].reverse() } },
    { note: 'filters reversed', query: { ...base, filters: [...(base.filters ?? [])].reverse() } },
    // The same population by an age range every record in it satisfies (checked above by SQL).
    ...(dataset === 'apc'
      ? [{ note: `age ${low}–${oldest} for ${low}–120`, query: { ...base, filters: [codesFilter, { ...ageFilter, high: oldest }] } }]
      : everyAgeIn ? [{ note: 'age 0–120 for no age filter', query: { ...base, filters: [codesFilter, ageFilter] } }] : []),
    { note: 'repeated last', query: base },
  ];
  const seen = new Map<string, { value: number | null; note: string }[]>();
  const results: (PivotResult | undefined)[] = [];
  for (const v of variants) {
    const result = await attacker.ask(v.query);
    results.push(result);
    if (!result) continue;
    for (const [key, value] of populationKeys(result)) seen.set(key, [...(seen.get(key) ?? []), { value, note: v.note }]);
  }
  const failures: Failure[] = [];
  let compared = 0;
  for (const [key, values] of seen) {
    if (values.length < 2) continue;
    compared += 1;
    const distinct = [...new Set(values.map((v) => v.value))];
    if (distinct.length > 1) {
      failures.push({ family: 'F6 repeats and re-phrasings', dataset, seed, kind: 'inconsistent', target: key, truth: null,
        detail: `published as ${values.map((v) => `${String(v.value)} (${v.note})`).join(', ')}` });
    }
  }
  const first = results[0];
  return {
    family: 'F6 repeats and re-phrasings', dataset, seed, title: `${plan.rows.field} × ${plan.columns.field}, ${plan.filterField.field} in ${plan.codes.join(',')}, ${variants.length} phrasings`,
    queries: attacker.stats.queries, refused: attacker.stats.refused, firstAnswered: first !== undefined,
    firstSuppressedShare: first ? suppressedShare(first) : Number.NaN, targets: compared, failures, lpSolves: 0,
    protectionWidth: first ? protectionWidth(first) : DEFAULT_PROTECTION_WIDTH, ms: performance.now() - started,
  };
}
