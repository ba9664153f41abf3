// Builds the final SELECT list in exactly the order and types of datasets/parquet-columns.ts,
// so every Parquet file matches the contract; a missing or unknown expression is a bug here.

import type { ColumnList } from '../parquet-columns';

export function contractSelect(columns: ColumnList, exprs: ReadonlyMap<string, string>): string {
  const names = new Set(columns.map(([n]) => n));
  const extra = [...exprs.keys()].filter((k) => !names.has(k));
  if (extra.length > 0) throw new Error(`contractSelect: expressions for columns outside the contract: ${extra.join(', ')}`);
  return columns.map(([name, type]) => {
    const e = exprs.get(name);
    if (e === undefined) throw new Error(`contractSelect: no expression for column ${name}`);
    return `CAST(${e} AS ${type}) AS "${name}"`;
  }).join(',\n  ');
}

/** `count` positional columns prefix_01… taken from a list expression (NULL past its end). */
export function positionalColumns(prefix: string, count: number, list: string): [string, string][] {
  return Array.from({ length: count }, (_, i) => [`${prefix}_${String(i + 1).padStart(2, '0')}`, `${list}[${i + 1}]`]);
}
