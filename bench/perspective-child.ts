// Child process of bench/perspective-compare.ts: loads the pre-computed CSV into Perspective
// (in-process WASM engine, one core) and times pivot A as Perspective views. Prints one JSON
// line (PerspectiveBaseline). Args: <csv path> <runs>
import { readFileSync } from 'node:fs';
import perspective from '@finos/perspective/node'; // the Node build (the bare name's types are the browser's)
import { PRECOMPUTED_SCHEMA, type BaselineCell, type BaselineCells } from './pivot-a';
import { procMemoryBytes } from './proc-memory';

export interface PerspectiveBaseline {
  readonly rows: number;
  /** Reading the CSV file into a string, and Perspective parsing it into a table, ms. */
  readonly readMs: number;
  readonly loadMs: number;
  readonly rssAfterLoadBytes: number;
  readonly peakRssBytes: number;
  /** Timed runs (after one warm-up): create the four views, read them with to_columns, delete them. */
  readonly times: number[];
  readonly cells: BaselineCells;
}

type ViewConfig = Parameters<Awaited<ReturnType<typeof perspective.table>>['view']>[0];
type Columns = Record<string, unknown[]>;

const AGE_FILTER: [string, string, number][] = [['age_years', '>=', 18], ['age_years', '<=', 120]];
/** Perspective's column names → our measure ids. */
const MEASURE_OF = new Map<string, keyof BaselineCell>([['fce', 'fce'], ['fae', 'fae'], ['los', 'los_median'], ['age', 'mean_age']]);

/**
 * Pivot A as Perspective views. A view has one filter, so the median needs views of its own:
 * Perspective's median counts nulls as values (sorted last), so those views keep `los` not null.
 * split_by gives no total over sexes, so each pair has a view without it (row totals, grand total).
 */
const VIEWS: { split: boolean; config: ViewConfig }[] = [true, false].flatMap((split) => {
  const by = { group_by: ['admimeth_group'], ...(split ? { split_by: ['sex'] } : {}) };
  return [
    { split, config: { ...by, columns: ['fce', 'fae', 'age'], aggregates: { fce: 'sum', fae: 'sum', age: 'avg' }, filter: AGE_FILTER } },
    { split, config: { ...by, columns: ['los'], aggregates: { los: 'median' }, filter: [...AGE_FILTER, ['los', 'is not null', null]] } },
  ];
});

/** Folds one view's to_columns output into cells keyed `${group}|${sex}` ('*' = total). */
function addCells(cells: Map<string, Record<string, number | null>>, columns: Columns, split: boolean): void {
  const paths = (columns.__ROW_PATH__ ?? []) as unknown[][];
  for (const [name, values] of Object.entries(columns)) {
    if (name === '__ROW_PATH__') continue;
    const cut = name.lastIndexOf('|');
    const sex = split ? name.slice(0, cut) : '*';
    const measure = MEASURE_OF.get(split ? name.slice(cut + 1) : name);
    if (measure === undefined) throw new Error(`unexpected Perspective column ${name}`);
    paths.forEach((p, i) => {
      const key = `${p.length === 0 ? '*' : String(p[0])}|${sex}`;
      const cell = cells.get(key) ?? {};
      const v = values[i];
      cell[measure] = v === null || v === undefined ? null : Number(v);
      cells.set(key, cell);
    });
  }
}

async function main(): Promise<void> {
  const [csvPath, runsArg] = process.argv.slice(2);
  if (!csvPath || !runsArg) throw new Error('usage: perspective-child <csv> <runs>');
  let t = performance.now();
  const csv = readFileSync(csvPath, 'utf8');
  const readMs = performance.now() - t;
  t = performance.now();
  // A schema first: inferred from the CSV, sex codes ('1', '2') would become integers.
  const table = await perspective.table(Object.fromEntries(PRECOMPUTED_SCHEMA) as Record<string, string>);
  await table.update(csv);
  const rows = await table.size();
  const loadMs = performance.now() - t;
  const rssAfterLoadBytes = procMemoryBytes(process.pid, 'VmRSS') ?? Number.NaN;

  const pivot = async () => {
    const cells = new Map<string, Record<string, number | null>>();
    for (const { split, config } of VIEWS) {
      const view = await table.view(config);
      addCells(cells, (await view.to_columns()) as Columns, split);
      await view.delete();
    }
    return cells;
  };
  const cells = await pivot(); // also the warm-up
  const times: number[] = [];
  for (let i = 0; i < Number(runsArg); i++) {
    t = performance.now();
    await pivot();
    times.push(performance.now() - t);
  }
  await table.delete();
  const asCells: BaselineCells = [...cells].map(([key, c]) => [key, { fce: c.fce ?? 0, fae: c.fae ?? 0, los_median: c.los_median ?? null, mean_age: c.mean_age ?? null }]);
  const result: PerspectiveBaseline = { rows, readMs, loadMs, rssAfterLoadBytes, peakRssBytes: procMemoryBytes(process.pid, 'VmHWM') ?? Number.NaN, times, cells: asCells };
  console.log(JSON.stringify(result));
  process.exit(0); // Perspective's WASM server keeps the event loop alive
}

main().catch((error: unknown) => { console.error(error); process.exit(1); });
