// F8: the full table, then the same table as top N with "Other" (shared/result/other-row-query.ts:
// Other holds every top-level row past the limit, computed and protected as one group). Other
// minus the hidden rows the full table published bounds each hidden row that was suppressed.
import type { FieldRef, Filter, PivotQueryInput } from '../../shared/query/pivot-query';
import type { AttackContext } from './attack-context';
import type { ScenarioOutcome } from './findings';
import { seededRandom } from './seeded-random';
import { firstFitting, smallCellShare } from './table-choice';
import { runTableScenario } from './table-attack';
import { AGE_FIELD, ageSql, codeSql, COUNTED, filterSql, type DatasetId } from './truth';

const SHAPES: Readonly<Record<DatasetId, readonly { rows: FieldRef; columns: FieldRef; limit: readonly [number, number] }[]>> = {
  apc: [{ rows: { field: 'diag_01', level: 'chapter' }, columns: { field: 'classpat' }, limit: [5, 12] }, { rows: { field: 'admimeth' }, columns: { field: 'classpat' }, limit: [4, 9] }],
  op: [{ rows: { field: 'tretspef' }, columns: { field: 'priority' }, limit: [8, 25] }, { rows: { field: 'refsourc' }, columns: { field: 'priority' }, limit: [4, 9] }],
  ae: [{ rows: { field: 'aerefsource' }, columns: { field: 'aearrivalmode' }, limit: [3, 7] }, { rows: { field: 'aeattenddisp' }, columns: { field: 'aedepttype' }, limit: [2, 4] }],
};

export async function topNOther(dataset: DatasetId, seed: number, ctx: AttackContext): Promise<ScenarioOutcome> {
  const rnd = seededRandom('F8', dataset, seed);
  const candidates = Array.from({ length: 10 }, () => {
    const low = rnd.int(10, 60);
    const shape = rnd.pick(SHAPES[dataset]);
    return { shape, year: rnd.pick(ctx.years), low, high: low + rnd.int(15, 40), limit: rnd.int(...shape.limit) };
  });
  const { shape, year, low, high, limit } = await firstFitting(candidates, (c) =>
    smallCellShare(ctx.truth, dataset, [c.year], [`${ageSql(dataset)} BETWEEN ${c.low} AND ${c.high}`], codeSql(c.shape.rows.field, c.shape.rows.level), codeSql(c.shape.columns.field, c.shape.columns.level)));
  const filters: Filter[] = [{ kind: 'range', field: AGE_FIELD[dataset], low, high }];
  const measure = COUNTED[dataset].measure;
  const full: PivotQueryInput = { dataset, years: [year], rows: [shape.rows], columns: [shape.columns], measures: [measure], filters };
  const top: PivotQueryInput = { ...full, sort: { by: 'measure', measure, direction: 'desc' }, limit, other: true };
  return runTableScenario({
    family: 'F8 top-N Other', dataset, seed, title: `${shape.rows.field} × ${shape.columns.field}, ${year}, age ${low}–${high}, top ${limit} + Other`,
    queries: [{ query: full, slices: ['all'] }, { query: top, slices: ['all'] }],
    truth: { years: [year], where: filters.map((f) => filterSql(dataset, f)), row: codeSql(shape.rows.field, shape.rows.level), column: codeSql(shape.columns.field, shape.columns.level), slice: `'all'` },
    sliceLabel: () => `${year}, age ${low}–${high}`,
  }, { truth: ctx.truth, attacker: await ctx.newAttacker(`F8 ${dataset} seed ${seed}`), lp: ctx.lp });
}
