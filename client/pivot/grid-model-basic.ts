// A GridModel straight from a result: its rows as they are (the top-N "Other" row included),
// every column, values not shares, nothing expandable. Lets a plain pivot (and the tests) render until expansion is wired in.
import type { PivotResponse } from '../api/api-types';
import type { GridModel, GridRow, RowKind } from './grid-model';

/** A row's key from its codes: unique in a result (codes.length is the depth) and readable. */
export const basicRowKey = (codes: readonly string[]): string => JSON.stringify(codes);

export function modelFromResult(result: PivotResponse): GridModel {
  const fieldCount = result.rowFields.length;
  const keys = new Set(result.rows.map((h) => basicRowKey(h.codes)));
  const rows = result.rows.map((header, r): GridRow => {
    const kind: RowKind = header.other ? 'other' : header.depth === 0 ? 'total' : header.depth < fieldCount ? 'subtotal' : 'leaf';
    // The nearest ancestor the result holds: with totals off a subtotal may be missing.
    let parentKey: string | undefined;
    for (let d = header.depth - 1; d >= 0 && parentKey === undefined; d--) {
      const key = basicRowKey(header.codes.slice(0, d));
      if (keys.has(key)) parentKey = key;
    }
    return {
      key: basicRowKey(header.codes),
      codes: header.codes,
      labels: header.labels,
      depth: header.depth,
      kind,
      indent: 0,
      levelLabels: result.rowFields.map(() => undefined),
      ...(parentKey === undefined ? {} : { parentKey }),
      cells: result.cells[r] ?? [],
    };
  });
  return {
    result,
    rows,
    columns: result.columns.map((_, c) => c),
    showAs: 'value',
    percent: result.measures.map(() => false),
  };
}
