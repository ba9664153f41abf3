// F1: one 2-D table with totals. Each hidden cell is bounded by its row and column relations
// (total − published siblings, other hidden siblings ≥ 1), solved over the whole table.
import type { FieldRef, Filter } from '../../shared/query/pivot-query';
import type { AttackContext } from './attack-context';
import type { ScenarioOutcome } from './findings';
import { seededRandom } from './seeded-random';
import { firstFitting, smallCellShare } from './table-choice';
import { runTableScenario } from './table-attack';
import { AGE_FIELD, codeSql, COUNTED, filterSql, type DatasetId } from './truth';

const region: FieldRef = { field: 'procode3', level: 'provider_region' };
const chapter: FieldRef = { field: 'diag_01', level: 'chapter' };
const SHAPES: Readonly<Record<DatasetId, readonly { rows: FieldRef; columns: FieldRef }[]>> = {
  apc: [{ rows: chapter, columns: region }, { rows: chapter, columns: { field: 'classpat' } }, { rows: { field: 'mainspef' }, columns: { field: 'classpat' } }, { rows: { field: 'admimeth' }, columns: region }],
  op: [{ rows: { field: 'refsourc' }, columns: { field: 'firstatt' } }, { rows: { field: 'tretspef' }, columns: { field: 'priority' } }, { rows: { field: 'attended' }, columns: { field: 'firstatt' } }],
  ae: [{ rows: { field: 'aeattenddisp' }, columns: region }, { rows: { field: 'aerefsource' }, columns: { field: 'aearrivalmode' } }, { rows: { field: 'aeattenddisp' }, columns: { field: 'aedepttype' } }],
};

export async function siblingDifferencing(dataset: DatasetId, seed: number, ctx: AttackContext): Promise<ScenarioOutcome> {
  const rnd = seededRandom('F1', dataset, seed);
  const candidates = Array.from({ length: 20 }, () => {
    const low = rnd.int(10, 60);
    return { shape: rnd.pick(SHAPES[dataset]), year: rnd.pick(ctx.years), low, high: low + rnd.int(15, 40) };
  });
  const filtersOf = (c: { low: number; high: number }): Filter[] => [{ kind: 'range', field: AGE_FIELD[dataset], low: c.low, high: c.high }];
  const sqlOf = (f: FieldRef) => codeSql(f.field, f.level);
  // Some hidden cells to attack, but a table that is mostly published.
  const { shape, year, low, high } = await firstFitting(candidates,
    (c) => smallCellShare(ctx.truth, dataset, [c.year], filtersOf(c).map((f) => filterSql(dataset, f)), sqlOf(c.shape.rows), sqlOf(c.shape.columns)),
    (_c, share) => share >= 0.03);
  const filters = filtersOf({ low, high });
  return runTableScenario({
    family: 'F1 sibling differencing', dataset, seed, title: `${shape.rows.field} × ${shape.columns.field}, ${year}, age ${low}–${high}`,
    queries: [{ query: { dataset, years: [year], rows: [shape.rows], columns: [shape.columns], measures: [COUNTED[dataset].measure], filters }, slices: ['all'] }],
    truth: { years: [year], where: filters.map((f) => filterSql(dataset, f)), row: sqlOf(shape.rows), column: sqlOf(shape.columns), slice: `'all'` },
    sliceLabel: () => `${year}, age ${low}–${high}`,
  }, { truth: ctx.truth, attacker: await ctx.newAttacker(`F1 ${dataset} seed ${seed}`), lp: ctx.lp });
}
