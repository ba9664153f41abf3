// F2: the same table for ages lo–hi and lo+1–hi; each cell's records aged exactly lo are the
// difference. F9: the same pair with a mean (and median) beside each count: a mean shown to many
// decimals admits only the true count among those the rounded count allows (a ".5" median only
// even counts), so the difference becomes exact.
import type { FieldRef, Filter, PivotQueryInput } from '../../shared/query/pivot-query';
import type { AttackContext } from './attack-context';
import { ageSlices } from './age-slices';
import type { FamilyId, ScenarioOutcome } from './findings';
import { seededRandom } from './seeded-random';
import { runTableScenario, type StatisticUse } from './table-attack';
import { firstFitting, smallCellShare } from './table-choice';
import { AGE_FIELD, ageSql, codeSql, COUNTED, type DatasetId } from './truth';

const SHAPES: Readonly<Record<DatasetId, readonly { rows: FieldRef; columns: FieldRef }[]>> = {
  apc: [{ rows: { field: 'admimeth' }, columns: { field: 'classpat' } }, { rows: { field: 'diag_01', level: 'chapter' }, columns: { field: 'classpat' } }, { rows: { field: 'mainspef' }, columns: { field: 'classpat' } }],
  op: [{ rows: { field: 'refsourc' }, columns: { field: 'priority' } }, { rows: { field: 'attended' }, columns: { field: 'firstatt' } }, { rows: { field: 'tretspef' }, columns: { field: 'priority' } }],
  ae: [{ rows: { field: 'aeattenddisp' }, columns: { field: 'aedepttype' } }, { rows: { field: 'aedepttype' }, columns: { field: 'aearrivalmode' } }, { rows: { field: 'aerefsource' }, columns: { field: 'aearrivalmode' } }],
};

/** Statistics whose records are exactly the counted ones once every record has an age. */
const STATISTICS: Readonly<Partial<Record<DatasetId, { measures: readonly string[]; uses: readonly StatisticUse[] }>>> = {
  apc: { measures: ['mean_age'], uses: [{ measure: 1, aggregate: 'mean', valueSql: 'startage_calc' }] },
  ae: { measures: ['time_in_dept_mean', 'time_in_dept_median'], uses: [{ measure: 1, aggregate: 'mean', valueSql: 'depdur' }, { measure: 2, aggregate: 'median', valueSql: 'depdur' }] },
};

export const MEAN_DATASETS: readonly DatasetId[] = ['apc', 'ae'];

export function narrowFilter(dataset: DatasetId, seed: number, ctx: AttackContext): Promise<ScenarioOutcome> {
  return agePair('F2 narrow filter', dataset, seed, ctx, false);
}

export function meansIntoCounts(dataset: DatasetId, seed: number, ctx: AttackContext): Promise<ScenarioOutcome> {
  return agePair('F9 means into counts', dataset, seed, ctx, true);
}

async function agePair(family: FamilyId, dataset: DatasetId, seed: number, ctx: AttackContext, withStatistics: boolean): Promise<ScenarioOutcome> {
  const rnd = seededRandom(family, dataset, seed);
  const stats = withStatistics ? STATISTICS[dataset] : undefined;
  if (withStatistics && !stats) throw new Error(`${dataset} has no mean whose records are its counted ones`);
  // Whole years from 1 up (infants have fractional ages), so a sum of ages is a whole number.
  const candidates = Array.from({ length: 20 }, () => {
    const low = rnd.int(18, 75);
    return { shape: rnd.pick(SHAPES[dataset]), low, high: Math.min(105, low + rnd.int(15, 50)), years: rnd.next() < 0.5 ? [...ctx.years] : [rnd.pick(ctx.years)] };
  });
  const { shape, low, high, years } = await firstFitting(candidates, (c) =>
    smallCellShare(ctx.truth, dataset, c.years, [`${ageSql(dataset)} BETWEEN ${c.low} AND ${c.high}`], codeSql(c.shape.rows.field, c.shape.rows.level), codeSql(c.shape.columns.field, c.shape.columns.level)));
  const slices = ageSlices(dataset, [low, low + 1], high);
  const query = (from: number): PivotQueryInput => {
    const filters: Filter[] = [{ kind: 'range', field: AGE_FIELD[dataset], low: from, high }];
    return { dataset, years, rows: [shape.rows], columns: [shape.columns], measures: [COUNTED[dataset].measure, ...(stats?.measures ?? [])], filters };
  };
  return runTableScenario({
    family, dataset, seed, title: `${shape.rows.field} × ${shape.columns.field}, ${years.join('+')}, age ${low}–${high} vs ${low + 1}–${high}`,
    queries: [{ query: query(low), slices: slices.of(low, high) }, { query: query(low + 1), slices: slices.of(low + 1, high) }],
    truth: { years, where: [`(${slices.sql}) IS NOT NULL`], row: codeSql(shape.rows.field, shape.rows.level), column: codeSql(shape.columns.field, shape.columns.level), slice: slices.sql },
    sliceLabel: slices.label,
    ...(stats ? { statistics: stats.uses } : {}),
  }, { truth: ctx.truth, attacker: await ctx.newAttacker(`${family} ${dataset} seed ${seed}`), lp: ctx.lp });
}
