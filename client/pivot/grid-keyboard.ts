// The grid's keyboard map as a pure function (the ARIA data grid pattern): which cell a key
// moves to, or which action it asks for. Positions are logical (row, column) in the whole
// grid, header rows first; a spanned header cell covers several positions.
export interface GridPos { readonly row: number; readonly col: number }

/** The cell covering a position, as half-open row and column ranges. */
export interface CellSpan { readonly rowStart: number; readonly rowEnd: number; readonly colStart: number; readonly colEnd: number }

export interface GridDims {
  readonly rowCount: number;
  readonly colCount: number;
  /** Rows one PageUp/PageDown moves (about one screenful). */
  readonly pageRows: number;
  readonly spanAt: (pos: GridPos) => CellSpan;
}

export interface KeyInput { readonly key: string; readonly ctrlKey: boolean; readonly metaKey: boolean; readonly altKey: boolean }

export type GridAction =
  | { readonly kind: 'move'; readonly to: GridPos }
  | { readonly kind: 'activate'; readonly via: 'enter' | 'space' }
  | { readonly kind: 'escape' }
  | { readonly kind: 'none' };

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/** Keeps a position inside the grid (after rows were removed, say). */
export function clampPos(pos: GridPos, dims: Pick<GridDims, 'rowCount' | 'colCount'>): GridPos {
  return { row: clamp(pos.row, 0, Math.max(dims.rowCount - 1, 0)), col: clamp(pos.col, 0, Math.max(dims.colCount - 1, 0)) };
}

export function gridKeyAction(pos: GridPos, input: KeyInput, dims: GridDims): GridAction {
  if (input.altKey || dims.rowCount === 0 || dims.colCount === 0) return { kind: 'none' };
  const span = dims.spanAt(pos);
  const lastRow = dims.rowCount - 1;
  const lastCol = dims.colCount - 1;
  const ctrl = input.ctrlKey || input.metaKey;
  const move = (row: number, col: number): GridAction => ({ kind: 'move', to: clampPos({ row, col }, dims) });
  // Arrows step off the whole spanned cell; at an edge the focus stays where it is.
  switch (input.key) {
    case 'ArrowRight': return ctrl ? { kind: 'none' } : move(pos.row, span.colEnd <= lastCol ? span.colEnd : pos.col);
    case 'ArrowLeft': return ctrl ? { kind: 'none' } : move(pos.row, span.colStart > 0 ? span.colStart - 1 : pos.col);
    case 'ArrowDown': return ctrl ? { kind: 'none' } : move(span.rowEnd <= lastRow ? span.rowEnd : pos.row, pos.col);
    case 'ArrowUp': return ctrl ? { kind: 'none' } : move(span.rowStart > 0 ? span.rowStart - 1 : pos.row, pos.col);
    case 'Home': return ctrl ? move(0, 0) : move(pos.row, 0);
    case 'End': return ctrl ? move(lastRow, lastCol) : move(pos.row, lastCol);
    case 'PageDown': return move(Math.max(span.rowEnd - 1, pos.row) + Math.max(dims.pageRows, 1), pos.col);
    case 'PageUp': return move(Math.min(span.rowStart, pos.row) - Math.max(dims.pageRows, 1), pos.col);
    case 'Enter': return { kind: 'activate', via: 'enter' };
    case ' ': return { kind: 'activate', via: 'space' };
    case 'Escape': return { kind: 'escape' };
    default: return { kind: 'none' };
  }
}
