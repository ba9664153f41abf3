// A pivot's protected table from its raw aggregates: protect, shape, the top-N table's Other row
// (its own query), and the published cells overlap control compares. Built once per query and
// cached with its raw aggregates (server memory only), so that when overlap control withholds
// cells from one analyst the table is protected again with those cells treated as small.
import { protect, protectOther, type ProtectContext } from '../../shared/disclosure/protect';
import { protectContext } from '../../shared/disclosure/protect-context';
import { cellKey, leafCoord, TOP } from '../../shared/disclosure/protection-problem';
import type { OverlapVerdict } from '../../shared/disclosure/overlap/overlap-control';
import { populationKey } from '../../shared/disclosure/overlap/population';
import { tableCells, type TableCell } from '../../shared/disclosure/overlap/table-cells';
import type { PivotQuery } from '../../shared/query/pivot-query';
import { addOtherRow } from '../../shared/result/add-other-row';
import { otherRowRequest } from '../../shared/result/other-row-query';
import type { PivotResult } from '../../shared/result/pivot-result';
import type { RawAggregates } from '../../shared/result/raw-aggregates';
import { shapePivot } from '../../shared/result/shape-pivot';
import { compilePivot, compilePlan } from '../../shared/sql/compile-pivot';
import type { Services } from '../services';

interface OtherPart { readonly raw: RawAggregates; readonly kept: readonly string[]; readonly hidden: number }

export interface ProtectedTable {
  readonly query: PivotQuery;
  readonly raw: RawAggregates;
  readonly other?: OtherPart;
  readonly context: ProtectContext;
  readonly result: PivotResult;
  readonly cells: readonly TableCell[];
}

type RunOptions = { readonly timeoutMs: number; readonly signal?: AbortSignal };
const runOptions = (services: Services, signal?: AbortSignal): RunOptions => ({ timeoutMs: services.queryTimeoutMs, ...(signal ? { signal } : {}) });

/** Runs the query on the engine and protects the answer. */
export async function runProtectedTable(services: Services, query: PivotQuery, signal?: AbortSignal): Promise<ProtectedTable> {
  const compiled = compilePivot(query, services.catalogue, services.engine.dialect, services.rollups.ready());
  services.rollups.observe(compiled);
  const raw = await services.engine.run(compiled, runOptions(services, signal));
  return build(services, query, raw, protectContext(query, raw.plan, services.catalogue, services.policy), signal);
}

/**
 * The table again with the cells overlap control withholds treated as small (so its margins
 * cannot give them away) and what remembered tables tell of its suppressed cells taken into
 * account; the verdict re-indexed to the new table's cells (a sort by value may move them). An
 * Other row whose kept rows changed is queried again.
 */
export async function withhold(services: Services, table: ProtectedTable, verdict: OverlapVerdict, signal?: AbortSignal): Promise<{ table: ProtectedTable; verdict: OverlapVerdict }> {
  const plan = table.raw.plan;
  const rowDims = plan.dimensions.flatMap((d, i) => (d.axis === 'row' ? [i] : []));
  const colDims = plan.dimensions.flatMap((d, i) => (d.axis === 'column' ? [i] : []));
  const keyOfCell = (index: number): string | undefined => {
    const cell = table.cells[index];
    const rowHeader = cell ? table.result.rows[cell.row] : undefined;
    const colHeader = cell ? table.result.columns[cell.column] : undefined;
    if (!rowHeader || !colHeader || rowHeader.other === true) return undefined;
    return cellKey(plan.dimensions.map((_, i) => {
      const r = rowDims.indexOf(i);
      const code = r >= 0 ? rowHeader.codes[r] : colHeader.codes[colDims.indexOf(i)];
      return code === undefined ? TOP : leafCoord(code);
    }));
  };
  // A measure key is a measure id, or "<id>#records" for the records behind a sum or mean.
  const idOf = (key: string) => key.split('#')[0]!;
  const withheld = new Map<string, Set<string>>();
  const known = new Map<string, Map<string, { lo: number; hi: number }>>();
  const suppressByPopulation = new Map<string, ReadonlySet<string>>();
  for (const [index, keys] of verdict.suppress) {
    const cell = table.cells[index];
    if (cell) suppressByPopulation.set(populationKey(cell.population), keys);
    const key = keyOfCell(index);
    if (key === undefined) continue;
    for (const k of keys) withheld.set(idOf(k), (withheld.get(idOf(k)) ?? new Set()).add(key));
  }
  for (const [index, byKey] of verdict.bounds) {
    const key = keyOfCell(index);
    if (key === undefined) continue;
    for (const [k, b] of byKey) known.set(idOf(k), (known.get(idOf(k)) ?? new Map()).set(key, b));
  }
  const again = await build(services, table.query, table.raw, { ...table.context, withheld, known }, signal, table.other);
  const suppress = new Map<number, ReadonlySet<string>>();
  again.cells.forEach((c, i) => { const keys = suppressByPopulation.get(populationKey(c.population)); if (keys) suppress.set(i, keys); });
  return { table: again, verdict: { suppress, bounds: new Map(), boundsHidden: false, clusters: verdict.clusters } };
}

async function build(services: Services, query: PivotQuery, raw: RawAggregates, context: ProtectContext, signal?: AbortSignal, cachedOther?: OtherPart): Promise<ProtectedTable> {
  const { catalogue, policy } = services;
  const prot = protect(policy, raw, context);
  let result = shapePivot(prot, query, catalogue, { asOf: services.asOf, dataVersion: services.dataVersion });
  const request = otherRowRequest(query, catalogue, prot, result);
  let other: OtherPart | undefined;
  switch (request.kind) {
    case 'none': break;
    case 'not-for-mentions': result = { ...result, notes: [...result.notes, request.note] }; break;
    case 'run': {
      const same = cachedOther && cachedOther.kept.length === request.kept.length && cachedOther.kept.every((k) => request.kept.includes(k));
      // From a rollup or the per-record table when one holds it, as the table itself.
      const rawOther = same ? cachedOther.raw : await services.engine.run(compilePlan(request.plan, catalogue, services.engine.dialect, services.rollups.ready()), runOptions(services, signal));
      other = { raw: rawOther, kept: request.kept, hidden: request.hidden };
      result = addOtherRow(result, protectOther(policy, raw, rawOther, request.kept, context), request.hidden);
      break;
    }
    default: { const never: never = request; throw new Error(`unhandled other-row request ${String(never)}`); }
  }
  const cells = tableCells(query, result, raw, catalogue, services.leaves, other);
  return { query, raw, context, result, cells, ...(other ? { other } : {}) };
}
